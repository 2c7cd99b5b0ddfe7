/// The result of one rule over the checked journal.
public struct RuleOutcome: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case passed = "соблюдено"
        case violated = "нарушено"
        case notChecked = "не проверено"
        case error = "ошибка"
    }

    /// For aggregate rules with thresholds: which level the measured value reached.
    public enum Level: String, Sendable, Codable {
        case ok = "норма"
        case warn = "предупреждение"
        case fail = "превышение"
    }

    public var ruleId: String
    public var title: String
    public var document: String
    public var clause: String
    public var severity: Severity
    public var tags: [String]
    public var status: Status
    /// Items the rule examined (cells, lessons, student × subject × period, …).
    public var checked: Int
    public var violations: Int
    /// Items not judged: the data the rule needs was missing for them, their deadline had not
    /// come by the moment of the check, or the rule names them (`skippedItems`).
    public var skipped: Int
    /// `skipped` by reason, largest first.
    public var skippedReasons: [SkipCount] = []
    /// Records the rule skipped by name (`skip when`), with the reason.
    public var skippedItems: [SkippedItem] = []
    /// For «не проверено»: the data that is missing, in Russian ("время выставления отметок").
    public var missingData: [String]
    /// For «ошибка»: what went wrong.
    public var errorMessage: String?
    public var level: Level?
    /// The rule's scope as the language names it (`student_subject_period`, `group_subject_month`,
    /// `lessons`, …): reports use it to tell per-student accumulation rules from monthly figures.
    public var scope: String?
    /// The pack parameters the rule uses, with the values it ran with (after `--param`).
    public var parameters: [RuleParameter]?

    public init(ruleId: String, title: String, document: String, clause: String, severity: Severity,
                tags: [String] = [], status: Status, checked: Int = 0, violations: Int = 0, skipped: Int = 0,
                missingData: [String] = [], errorMessage: String? = nil, level: Level? = nil) {
        self.ruleId = ruleId
        self.title = title
        self.document = document
        self.clause = clause
        self.severity = severity
        self.tags = tags
        self.status = status
        self.checked = checked
        self.violations = violations
        self.skipped = skipped
        self.missingData = missingData
        self.errorMessage = errorMessage
        self.level = level
    }

    /// Violations as a share of checked items (nil when nothing was checked).
    public var share: Double? { checked > 0 ? Double(violations) / Double(checked) : nil }
}

/// One clause of a regulation and how the pack covers it.
public struct CoverageEntry: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case encoded = "проверяется"
        case notCheckable = "не проверяется по данным журнала"
        case rareData = "нужны данные, которых обычно нет в выгрузке"
    }

    public var clause: String
    public var summary: String
    public var status: Status
    public var ruleIds: [String]
    /// Why not checkable, or which data is needed.
    public var reason: String?

    public init(clause: String, summary: String, status: Status, ruleIds: [String] = [], reason: String? = nil) {
        self.clause = clause
        self.summary = summary
        self.status = status
        self.ruleIds = ruleIds
        self.reason = reason
    }
}

/// A pack parameter as a rule used it: name, value as the pack writes it, and its description.
public struct RuleParameter: Sendable, Codable, Hashable {
    public var name: String
    public var value: String
    public var description: String?
    public init(name: String, value: String, description: String? = nil) {
        self.name = name
        self.value = value
        self.description = description
    }
}
