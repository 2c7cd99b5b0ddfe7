import JournalModel

/// A record a rule did not judge, named with the reason (a student who joined mid-period, …):
/// «no finding» must never read as «complied» for them.
public struct SkippedItem: Sendable, Codable, Hashable {
    public var ruleId: String
    /// The record's natural key (as in `Finding.key`, after the rule id).
    public var key: String
    public var group: String?
    public var subject: String?
    public var student: String?
    public var date: LocalDate?
    public var reason: String

    public init(ruleId: String, key: String, group: String? = nil, subject: String? = nil,
                student: String? = nil, date: LocalDate? = nil, reason: String) {
        self.ruleId = ruleId
        self.key = key
        self.group = group
        self.subject = subject
        self.student = student
        self.date = date
        self.reason = reason
    }
}

/// How many records a rule skipped for one reason.
public struct SkipCount: Sendable, Codable, Hashable {
    public var reason: String
    public var count: Int
    public init(reason: String, count: Int) {
        self.reason = reason
        self.count = count
    }
}
