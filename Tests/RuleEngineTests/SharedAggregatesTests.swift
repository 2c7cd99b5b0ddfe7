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
        try PlainAgainstShortcut.expectSameResults(pack: name) { CompiledRule($0, sharing: false) }
        let sharedSomewhere = try Self.rules(name).contains { !SharedAggregates(rule: $0).slots.isEmpty }
        // Read off the packs: oosh14 4.4 writes its averages twice, hexlet 4.1 `count(lessons)`
        // in the scope and the message.
        if name == "oosh14" || name == "hexlet" { #expect(sharedSomewhere, "\(name)") }
    }
}
