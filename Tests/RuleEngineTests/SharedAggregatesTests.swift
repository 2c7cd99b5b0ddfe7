import Foundation
import Testing
import JournalModel
import Findings
import RuleLanguage
@testable import RuleEngine

/// Issue 17: an aggregate a rule writes more than once (`sum(marks, mark)` twice in oosh14 4.4)
/// is computed once per record and reused (`SharedAggregates`, `RecordMemo`). Reusing it must
/// change nothing: every rule of every pack gives the same outcome and findings with and without
/// sharing, on a journal where records follow each other with different values.
@Suite struct SharedAggregatesTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func rules(_ name: String) throws -> [CheckedRule] {
        try PackLoader.load(path: repo.appendingPathComponent("rules/\(name).rules").path).rules
    }

    @Test func oosh14sPeriodMarkRuleSharesItsAverages() throws {
        // Read off rules/oosh14.rules, 4.4: the condition writes `sum(marks, mark)`,
        // `sum(marks, coalesce(second_mark, 0))` and `mark_count(marks)` twice each (and the
        // message once more); `mark_count(list)` is two counts (rules/base.rules: marks counted
        // with or without a modifier, plus second marks) — 4 shared aggregates. The scope's
        // `count(marks)` appears once and is not shared.
        let r = try #require(try Self.rules("oosh14").first { $0.id == "OOSH14-4.4-PERIOD-JUSTIFIED" })
        #expect(SharedAggregates(rule: r).slots.count == 4)
    }

    @Test(arguments: ["oosh14", "btotis", "hexlet", "peresvet5", "sosh30"])
    func sharingChangesNoResult(_ name: String) throws {
        let j = RulePiecesTests.journal, asOf = RulePiecesTests.asOf
        let ix = JournalIndex(journal: j, asOf: asOf)
        var presence: [FieldKey: Bool] = [:]
        var sharedSomewhere = false
        for r in try Self.rules(name) {
            let env = Env(journal: j, ix: ix)
            let plain = RuleRunner.run(CompiledRule(r, sharing: false), env, asOf: asOf, group: nil, presence: &presence)
            let shared = RuleRunner.run(CompiledRule(r), env, asOf: asOf, group: nil, presence: &presence)
            let a = plain.select(from: .min, to: .max), b = shared.select(from: .min, to: .max)
            #expect(a.0 == b.0, "\(r.id)")
            #expect(a.1 == b.1, "\(r.id)")
            if !SharedAggregates(rule: r).slots.isEmpty { sharedSomewhere = true }
        }
        // Read off the packs: oosh14 4.4 writes its averages twice, hexlet 4.1 `count(lessons)`
        // in the scope and the message.
        if name == "oosh14" || name == "hexlet" { #expect(sharedSomewhere, "\(name)") }
    }
}
