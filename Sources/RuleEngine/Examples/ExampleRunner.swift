import JournalModel
import Findings
import RuleLanguage

/// Runs the examples of rules: each `triggers` example must produce findings, each `passes`
/// example must check at least one record and produce none.
public enum ExampleRunner {
    public struct Result: Sendable {
        public var ruleId: String
        public var example: String
        public var passed: Bool
        /// Russian explanation of a failure (or of the success, for verbose output).
        public var detail: String
        public var location: SourceLocation
        public var findings: [Finding]
    }

    /// `withParameters`: the same rule checked with parameter overrides, for examples that set
    /// parameters (`param имя=значение`); nil when they cannot be applied.
    public static func run(_ rule: CheckedRule,
                           withParameters: (([String: String]) -> CheckedRule?)? = nil) -> [Result] {
        rule.examples.enumerated().map { n, ex in
            let label = (ex.triggers != nil ? "срабатывает" : "не срабатывает") + (ex.name.map { ": «\($0)»" } ?? " (пример \(n + 1))")
            let fixture = FixtureJournal.make(ex.lines)
            let (journal, problems) = (fixture.builder.journal, fixture.problems)
            if let p = problems.first {
                return Result(ruleId: rule.id, example: label, passed: false, detail: "ошибка в примере: \(p.1)",
                              location: p.0, findings: [])
            }
            var rule = rule
            if !fixture.parameters.isEmpty {
                guard let other = withParameters?(fixture.parameters) else {
                    return Result(ruleId: rule.id, example: label, passed: false,
                                  detail: "ошибка в примере: параметры \(fixture.parameters.keys.sorted().joined(separator: ", ")) не удалось применить (нет такого параметра или значение не того рода)",
                                  location: ex.loc, findings: [])
                }
                rule = other
            }
            // Examples describe finished situations: judged as of a moment after all of them,
            // unless the example says when (`as_of at=…`).
            let (outcomes, findings) = Engine.evaluate([rule], journal: journal,
                                                       options: CheckOptions(asOf: fixture.asOf ?? AsOfDefault.never))
            let o = outcomes[0]
            let ok: Bool
            let detail: String
            switch ex.triggers {
            case nil:
                ok = o.violations == 0 && o.checked > 0
                detail = o.checked == 0
                    ? "правило ничего не проверило (\(o.status.rawValue): \(o.missingData.joined(separator: "; ")))" + hint(o.missingData)
                    : "замечаний: \(o.violations), проверено: \(o.checked)"
            case 0?:
                ok = o.violations > 0
                detail = ok ? "замечаний: \(o.violations)" : "ожидалось замечание, а его нет (\(o.status.rawValue); проверено \(o.checked), пропущено \(o.skipped)\(o.missingData.isEmpty ? "" : "; " + o.missingData.joined(separator: "; ")))" + hint(o.missingData)
            case let n?:
                ok = o.violations == n
                detail = "ожидалось замечаний: \(n), получено: \(o.violations)"
            }
            return Result(ruleId: rule.id, example: label, passed: ok, detail: detail, location: ex.loc, findings: findings)
        }
    }

    /// «— в примере задайте: `lesson topic_entered=…`» for the data an example left out.
    static func hint(_ missing: [String]) -> String {
        let known = Parser.fixtureForData.sorted { $0.key.count > $1.key.count }
        var keys: [String] = []
        for m in missing {
            if let k = known.first(where: { m.contains($0.key) })?.value, !keys.contains(k) { keys.append(k) }
        }
        return keys.isEmpty ? "" : " — в примере задайте: " + keys.joined(separator: ", ")
    }
}
