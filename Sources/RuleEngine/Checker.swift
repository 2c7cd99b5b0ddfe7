import JournalModel
import Findings

/// CONTRACT (owned by the rule-engine work; memo, inspection, XLSX and the benchmark call it):
/// loads a pack (with the packs it extends and its coverage table `<pack>.coverage.csv`),
/// compiles it and evaluates it over `journal`.
public struct CheckOptions: Sendable {
    public var from: LocalDate?
    public var to: LocalDate?
    public var group: String?
    /// The moment the check is made (fixed in tests so output is reproducible).
    public var checkedAt: LocalDateTime?
    /// Parameter overrides from the command line, `name=value`.
    public var parameters: [String: String]

    public init(from: LocalDate? = nil, to: LocalDate? = nil, group: String? = nil,
                checkedAt: LocalDateTime? = nil, parameters: [String: String] = [:]) {
        self.from = from
        self.to = to
        self.group = group
        self.checkedAt = checkedAt
        self.parameters = parameters
    }
}

/// A rule file that cannot be used: every diagnostic of every file, rendered by the caller.
public struct RulePackError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

public enum Checker {
    public static func check(packPath: String, journal: Journal, options: CheckOptions) throws -> CheckReport {
        throw RulePackError(diagnostics: [Diagnostic(location: nil, message: "движок правил ещё не готов")])
    }
}
