import Foundation
import JournalModel
import Findings
import RuleLanguage

/// CONTRACT (owned by the rule-engine work; memo, inspection, XLSX and the benchmark call it):
/// loads a pack (with the packs it extends and its coverage table `<pack>.coverage.csv`),
/// compiles it and evaluates it over `journal`.
public struct CheckOptions: Sendable {
    public var from: LocalDate?
    public var to: LocalDate?
    public var group: String?
    /// The moment the check is made (fixed in tests so output is reproducible).
    public var checkedAt: LocalDateTime?
    /// The moment the journal is judged at (`--as-of`); nil — the latest entry in the data.
    public var asOf: LocalDateTime?
    /// Parameter overrides from the command line, `name=value`.
    public var parameters: [String: String]
    /// True when the journal handed to the check is already the journal as of `asOf`
    /// (`JudgedJournal` made it so): the check does not derive it again — a pass over every
    /// cell, lesson and change to find the latest entry.
    public var journalIsAsOf = false

    public init(from: LocalDate? = nil, to: LocalDate? = nil, group: String? = nil,
                checkedAt: LocalDateTime? = nil, asOf: LocalDateTime? = nil, parameters: [String: String] = [:]) {
        self.asOf = asOf
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
        let pack: Pack
        let coverage: [CoverageEntry]
        do {
            pack = try PackLoader.load(path: packPath, overrides: options.parameters)
            coverage = try CoverageTable.read(path: CoverageTable.path(forPack: packPath)) ?? []
        } catch let e as PackError {
            throw RulePackError(diagnostics: e.diagnostics)
        }
        return check(pack: pack, coverage: coverage, journal: journal, options: options)
    }

    /// Evaluates an already loaded pack. `journal` is the whole journal; the check judges it as
    /// of `options.asOf` (default: its latest entry) and reports the records due in
    /// `options.from...options.to`.
    public static func check(pack: Pack, coverage: [CoverageEntry] = [], journal: Journal, options: CheckOptions) -> CheckReport {
        let asOf = options.asOf ?? AsOfDefault.moment(journal)
        let view = options.journalIsAsOf && options.asOf != nil ? journal : journal.asOf(asOf)
        let evaluation = Engine.evaluate(pack.rules, journal: view, asOf: asOf, group: options.group)
        return report(evaluation, pack: pack, coverage: coverage, journal: journal, options: options)
    }

    /// The report of one window of an evaluation (memos select several windows of one evaluation).
    public static func report(_ evaluation: Evaluation, pack: Pack, coverage: [CoverageEntry] = [],
                              journal: Journal, options: CheckOptions) -> CheckReport {
        var (outcomes, findings) = evaluation.select(from: options.from, to: options.to)
        describe(&outcomes, pack: pack)
        let now = options.checkedAt ?? LocalDateTime(seconds: Int64(Date().timeIntervalSince1970)
                                                     + Int64(TimeZone(identifier: journal.institution.timeZone.identifier)?.secondsFromGMT() ?? 0))
        return CheckReport(institution: journal.institution.name, packId: pack.id, packTitle: pack.title,
                           document: pack.document, from: options.from, to: options.to, group: options.group,
                           checkedAt: now, asOf: evaluation.asOf, outcomes: outcomes, findings: findings, coverage: coverage)
    }

    /// Names each outcome's scope and the parameters its rule used (with their values), so that
    /// reports are driven by the pack's own rules rather than thresholds of their own.
    static func describe(_ outcomes: inout [RuleOutcome], pack: Pack) {
        let rules = Dictionary(pack.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let params = Dictionary(pack.params.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for i in outcomes.indices {
            guard let r = rules[outcomes[i].ruleId] else { continue }
            outcomes[i].scope = r.scope.name
            outcomes[i].parameters = r.parametersUsed.sorted().compactMap { name in
                params[name].map { RuleParameter(name: name, value: $0.value.description, description: $0.description) }
            }
        }
    }
}
