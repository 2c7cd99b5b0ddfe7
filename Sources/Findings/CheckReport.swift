import JournalModel

/// Everything one `zhurnal check` produced: what was checked, per-rule outcomes, findings and
/// the pack's coverage table. Reports (XLSX, memos, JSON) are rendered from this and the
/// journal it was computed on.
public struct CheckReport: Sendable, Codable {
    public var institution: String
    public var packId: String
    public var packTitle: String
    /// The regulation's title ("Положение об электронном журнале …").
    public var document: String
    public var from: LocalDate?
    public var to: LocalDate?
    public var group: String?
    public var checkedAt: LocalDateTime
    /// The moment the journal was judged at (`--as-of`, default the latest entry in the data):
    /// entries after it were invisible, records due after it were skipped.
    public var asOf: LocalDateTime?
    public var outcomes: [RuleOutcome]
    public var findings: [Finding]
    public var coverage: [CoverageEntry]

    public init(institution: String, packId: String, packTitle: String, document: String,
                from: LocalDate?, to: LocalDate?, group: String?, checkedAt: LocalDateTime, asOf: LocalDateTime? = nil,
                outcomes: [RuleOutcome], findings: [Finding], coverage: [CoverageEntry] = []) {
        self.asOf = asOf
        self.institution = institution
        self.packId = packId
        self.packTitle = packTitle
        self.document = document
        self.from = from
        self.to = to
        self.group = group
        self.checkedAt = checkedAt
        self.outcomes = outcomes
        self.findings = findings
        self.coverage = coverage
    }

    /// True when any rule found a violation (exit code 1 for `check`).
    public var hasViolations: Bool { outcomes.contains { $0.status == .violated } }

    /// Findings sorted as reports list them: group, subject, date, student, rule.
    public var sortedFindings: [Finding] {
        findings.sorted {
            ($0.group ?? "", $0.subject ?? "", $0.date?.dayNumber ?? 0, $0.student ?? "", $0.ruleId, $0.key)
                < ($1.group ?? "", $1.subject ?? "", $1.date?.dayNumber ?? 0, $1.student ?? "", $1.ruleId, $1.key)
        }
    }
}
