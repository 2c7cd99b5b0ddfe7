import Testing
import JournalModel
import RuleLanguage
@testable import RuleEngine

/// Every rule of a pack run twice over the engine tests' synthetic journal (`RulePiecesTests`:
/// marks, «н», «б», «н5»): compiled plainly and with a shortcut of issue 17. A shortcut must give
/// exactly the plain evaluation's outcome and findings.
enum PlainAgainstShortcut {
    /// Expects equal results rule by rule; returns the number of records the plain rules judged.
    @discardableResult
    static func expectSameResults(pack name: String, plain: (CheckedRule) -> CompiledRule,
                                  sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        let j = RulePiecesTests.journal, asOf = RulePiecesTests.asOf
        let ix = JournalIndex(journal: j, asOf: asOf)
        var presence: [FieldKey: Bool] = [:]
        var judged = 0
        for r in try SharedAggregatesTests.rules(name) {
            let env = Env(journal: j, ix: ix)
            let a = RuleRunner.run(plain(r), env, asOf: asOf, group: nil, presence: &presence).select(from: .min, to: .max)
            let b = RuleRunner.run(CompiledRule(r), env, asOf: asOf, group: nil, presence: &presence).select(from: .min, to: .max)
            #expect(a.0 == b.0, "\(r.id)", sourceLocation: sourceLocation)
            #expect(a.1 == b.1, "\(r.id)", sourceLocation: sourceLocation)
            judged += a.0.checked
        }
        return judged
    }
}
