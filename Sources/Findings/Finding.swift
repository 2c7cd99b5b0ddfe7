import JournalModel

/// One violation found by one rule on one item of the journal.
///
/// `key` is stable across runs over the same data (rule id + the item's natural key, e.g.
/// `OOSH14-3.2.4.2-MARK:7б|Алгебра|2025-09-05|2|Абрамов Артём`), so two reports can be
/// compared and waivers can name a finding.
public struct Finding: Sendable, Codable, Hashable {
    public struct Evidence: Sendable, Codable, Hashable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public var ruleId: String
    public var document: String
    public var clause: String
    public var severity: Severity
    public var area: FindingArea
    public var key: String
    public var group: String?
    public var subject: String?
    public var teacher: String?
    /// Lesson (or period end) date the finding is about.
    public var date: LocalDate?
    public var student: String?
    /// What the regulation expected ("до 01.09.2025 24:00", "«н»", "≥ 3 отметок").
    public var expected: String?
    /// What the journal holds ("02.09.2025 10:10", "«б»", "1 отметка").
    public var found: String?
    /// How late, in seconds, for deadline rules.
    public var delaySeconds: Int64?
    /// When the record fell due: the deadline, the end of the period or month, the moment of a
    /// correction. A window (`--week`, `--month`, `--from/--to`) reports the findings due in it.
    public var due: LocalDateTime?
    public var evidence: [Evidence]
    /// The rendered Russian message a teacher reads.
    public var message: String

    public init(ruleId: String, document: String, clause: String, severity: Severity,
                area: FindingArea, key: String, group: String? = nil, subject: String? = nil,
                teacher: String? = nil, date: LocalDate? = nil, student: String? = nil,
                expected: String? = nil, found: String? = nil, delaySeconds: Int64? = nil,
                evidence: [Evidence] = [], message: String) {
        self.ruleId = ruleId
        self.document = document
        self.clause = clause
        self.severity = severity
        self.area = area
        self.key = key
        self.group = group
        self.subject = subject
        self.teacher = teacher
        self.date = date
        self.student = student
        self.expected = expected
        self.found = found
        self.delaySeconds = delaySeconds
        self.evidence = evidence
        self.message = message
    }
}

extension Finding {
    /// The day the finding fell due (a deadline at 24:00 belongs to the day it ends); the record's
    /// own date when the rule gave no due moment. Windows and documents file findings by it.
    public var dueDate: LocalDate? {
        guard let t = due else { return date }
        return LocalDateTime(seconds: t.seconds - 1).date
    }
}
