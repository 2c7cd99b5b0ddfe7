import Testing
import JournalModel
import Findings
import RuleLanguage
@testable import RuleEngine

/// Issue 17: an expression of one text field of a cell alone (its text, its work type) is
/// evaluated once per distinct text (`ValueMemo`, numbered by `CellTextIDs`). Remembering it
/// must change no result: texts with the same bytes share a number, texts with different bytes
/// never do — not even canonically equivalent ones, which Swift's `==` calls equal and a
/// pattern does not.
@Suite struct ValueMemoTests {
    static let nfc = "\u{0439}"          // «й», one scalar
    static let nfd = "\u{0438}\u{0306}"  // «й», «и» and a combining breve

    @Test func textsGetOneNumberPerDistinctBytes() {
        // Two long texts with equal bytes in different buffers, and two long texts of the same
        // length that differ in one word (their Strings' first 8 bytes, the length, are equal).
        let long = "отсутствовал по болезни, справка"
        let sameBytes = String(decoding: Array(long.utf8), as: UTF8.self)
        let other = "отсутствовал по болезни, записка"
        #expect(long.utf8.count == other.utf8.count)
        #expect(Self.nfc == Self.nfd, "Swift calls them equal: the numbering must not")
        var t = CellTextIDs()
        let texts = ["5", "н", "5", long, sameBytes, other, Self.nfc, Self.nfd, "", "н", long]
        // Numbered in order of first appearance, by hand: 5→0, н→1, long→2, other→3, NFC→4, NFD→5, ""→6.
        #expect(texts.map { t.id($0) } == [0, 1, 0, 2, 2, 3, 4, 5, 6, 1, 2])
        #expect(t.distinct == 7)
    }

    @Test func manyTextsKeepTheirNumbersPastTheRecentCache() {
        // 300 distinct texts (more than the 256 remembered representations), ten rounds: the
        // k-th text's number is k, its first appearance.
        var t = CellTextIDs()
        let texts = (0..<300).map { "отметка \($0)" }
        for round in 0..<10 {
            for (k, s) in texts.enumerated() {
                #expect(t.id(s) == Int32(k), "round \(round), text \(k)")
            }
        }
        #expect(t.distinct == 300)
    }

    static func value(_ d: Int) -> TExpr { .member(.item(d), .cell, "value") }
    static let text = TExpr.literal(.text("[1-5]"))

    static func field(_ e: TExpr) -> String? { ValueMemo.cellField(e).map { "\($0.depth) \($0.field.rawValue)" } }

    @Test func onlyExpressionsOfOneFieldOfOneCellAreRemembered() {
        #expect(Self.field(.binary("matches", Self.value(0), Self.text, .text, .text)) == "0 value")
        #expect(Self.field(.binary("=", .call("lower", [Self.value(2)], [.text]), .literal(.text("н")), .text, .text)) == "2 value")
        #expect(Self.field(.unary("not", .binary("matches", Self.value(1), Self.text, .text, .text), .bool)) == "1 value")
        #expect(Self.field(.binary("=", .member(.item(0), .cell, "work_type"), Self.text, .text, .text)) == "0 work_type")
        // The bare field: nothing to save.
        #expect(Self.field(Self.value(0)) == nil)
        // Two fields of a cell, another field, two cells' texts, a period mark's value, `has`, a special.
        #expect(Self.field(.binary("and", .binary("=", .member(.item(0), .cell, "work_type"), Self.text, .text, .text),
                                   .binary("matches", Self.value(0), Self.text, .text, .text), .bool, .bool)) == nil)
        #expect(Self.field(.binary("=", .member(.item(0), .cell, "entered_by"), Self.text, .text, .text)) == nil)
        #expect(Self.field(.binary("=", Self.value(1), Self.value(0), .text, .text)) == nil)
        #expect(Self.field(.binary("matches", .member(.item(0), .periodMark, "value"), Self.text, .text, .text)) == nil)
        #expect(Self.field(.call("has", [Self.value(0)], [.text])) == nil)
        #expect(Self.field(.binary("=", Self.value(0), .special("expected"), .text, .text)) == nil)
    }

    /// Equal answers for texts that Swift calls equal but whose bytes differ would merge them.
    @Test func canonicallyEqualTextsAndLongTextsAreJudgedEachByItsBytes() throws {
        let j = try LanguageConstructsTests.journal("""
            student name="Абрамов Артём"
            lesson date=2025-09-01
            cell student="Абрамов Артём" value="\(Self.nfc)"
            lesson date=2025-09-02
            cell student="Абрамов Артём" value="\(Self.nfd)"
            lesson date=2025-09-03
            cell student="Абрамов Артём" value="Й"
            lesson date=2025-09-04
            cell student="Абрамов Артём" value=5
            lesson date=2025-09-05
            cell student="Абрамов Артём" value=н
            lesson date=2025-09-08
            cell student="Абрамов Артём" value="отсутствовал по болезни, справка"
            lesson date=2025-09-09
            cell student="Абрамов Артём" value="отсутствовал по болезни, справка"
            lesson date=2025-09-10
            cell student="Абрамов Артём" value="отсутствовал по болезни, записка"
            """)
        // Out of scope: «5». The pattern compares code points: «й» (one scalar), «Й» and the first
        // long text (both times) match it; «й» written as «и» and a breve does not (the `=` of
        // the language would call it equal: Swift's `==`), nor «н», nor «…, записка».
        let rules = LanguageConstructsTests.rule("R", scope: "cells where not (value matches \"[0-9]\")",
            "require value matches \"^(\(Self.nfc)|Й|отсутствовал по болезни, справка)$\"", message: "{date}")
        let (_, findings) = try LanguageConstructsTests.run(rules, j)
        #expect(findings.map(\.message).sorted() == ["02.09.2025", "05.09.2025", "10.09.2025"])
    }

    /// Work types: cells without one are unknown to `work_type = …`, not equal to the cells before.
    @Test func cellsWithAndWithoutAWorkTypeAreJudgedEachByTheirOwn() throws {
        let j = try LanguageConstructsTests.journal("""
            student name="Абрамов Артём"
            lesson date=2025-09-01
            cell student="Абрамов Артём" value=5 work="контрольная работа" entered=2025-09-01T15:00
            lesson date=2025-09-02
            cell student="Абрамов Артём" value=4 entered=2025-09-09T15:00
            lesson date=2025-09-03
            cell student="Абрамов Артём" value=3 work="Контрольная работа" entered=2025-09-10T15:00
            lesson date=2025-09-04
            cell student="Абрамов Артём" value=5 work="самостоятельная работа" entered=2025-09-10T15:00
            lesson date=2025-09-05
            cell student="Абрамов Артём" value=2 work="контрольная работа" entered=2025-09-05T10:00
            """)
        // In scope: 01.09 (in time), 03.09 («Контрольная» equals case-folded; 7 days late), 05.09
        // (in time). Not: 02.09 (no work type: unknown), 04.09 (another work type).
        let rules = LanguageConstructsTests.rule("R", scope: "cells where work_type = \"контрольная работа\"",
            "require entered_at <= end_of_day(date + 3 дня)", message: "{date}")
        let (outcomes, findings) = try LanguageConstructsTests.run(rules, j)
        #expect(findings.map(\.message) == ["03.09.2025"])
        #expect(outcomes.first?.checked == 3)
    }

    /// Every rule of every pack: the same outcome and findings with and without remembering.
    @Test(arguments: ["oosh14", "btotis", "hexlet", "peresvet5", "sosh30"])
    func rememberingChangesNoResult(_ name: String) throws {
        let judged = try PlainAgainstShortcut.expectSameResults(pack: name) { CompiledRule($0, valueMemo: false) }
        #expect(judged > 0, "\(name): no rule judged a record")
    }
}
