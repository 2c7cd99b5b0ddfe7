import Foundation
import Testing
import JournalModel
import Findings
import RuleLanguage
@testable import RuleEngine

/// Issue 17: a rule whose scope goes lesson by lesson is evaluated in pieces of consecutive
/// lessons on two threads (`RuleWorkers`), the pieces joined in order (`RuleTally.joined`).
/// Cutting the work so must change nothing a user reads: every pack's outcomes (checked,
/// skipped, reasons, statuses) and findings, in the whole journal and in every month's window,
/// are those of the rules run whole.
@Suite struct RulePiecesTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// 12 groups' worth of cells: mostly clean marks, with «н», «б», «н5» among them.
    static let journal = SyntheticJournal.make(cells: 60_000)
    /// After the last lesson (29.12.2025): every record is due.
    static let asOf = LocalDateTime(date: LocalDate(year: 2026, month: 1, day: 10)!, time: TimeOfDay(hour: 0, minute: 0)!)

    static func evaluate(_ rules: [CheckedRule], parts: Int) -> Evaluation {
        let ix = JournalIndex(journal: journal, asOf: asOf)
        let tallies = RuleWorkers.run(rules, journal: journal, index: ix, asOf: asOf, group: nil, parts: parts)
        return Evaluation(asOf: asOf, lessonDates: journal.lessonDates, tallies: tallies)
    }

    /// The whole journal, then September to December month by month.
    static let windows: [(LocalDate?, LocalDate?)] = [(nil, nil)] + (9...12).map { m in
        (LocalDate(year: 2025, month: m, day: 1), LocalDate(year: 2025, month: m, day: LocalDate.daysIn(month: m, year: 2025)))
    }

    static func expectSame(_ whole: Evaluation, _ cut: Evaluation, _ what: String) {
        for (from, to) in windows {
            let a = whole.select(from: from, to: to), b = cut.select(from: from, to: to)
            #expect(a.outcomes == b.outcomes, "\(what), window \(String(describing: from))")
            #expect(a.findings == b.findings, "\(what), window \(String(describing: from))")
        }
    }

    @Test(arguments: ["oosh14", "btotis", "hexlet", "peresvet5", "sosh30"])
    func everyPackGivesTheSameResultsInPieces(_ name: String) throws {
        let rules = try PackLoader.load(path: Self.repo.appendingPathComponent("rules/\(name).rules").path).rules
        #expect(rules.contains { Scopes.splitsByLessons($0.scope) })
        let whole = Self.evaluate(rules, parts: 1)
        // 7 pieces: lesson counts that do not divide evenly; 200 pieces: many of them empty of
        // the records a rule judges.
        for parts in [7, 200] { Self.expectSame(whole, Self.evaluate(rules, parts: parts), "\(name) in \(parts) pieces") }
        // Something to compare: the synthetic journal breaks rules of every pack but sosh30's.
        if name != "sosh30" { #expect(!whole.select().findings.isEmpty, "\(name)") }
    }

    /// The first 200 records whose condition is unknown are explained in detail, the rest share
    /// the general reason — over the whole rule, not per piece.
    @Test func onlyTheRulesFirst200UnknownRecordsAreExplained() throws {
        let pack = try PackLoader.load(text: """
            pack T
            title "Проверка частей"
            document "Тест"
            rule T-MARK {
              title "Отметка не ниже 3"
              clause "1"
              severity замечание
              tags отметки
              scope cells
              require mark >= 3
              message "Отметка {value}"
              example triggers {
                lesson date=2025-09-01
                cell student="Абрамов Артём" value=2
              }
              example passes {
                lesson date=2025-09-01
                cell student="Абрамов Артём" value=4
              }
            }
            """, file: "t.rules")
        let whole = Self.evaluate(pack.rules, parts: 1), cut = Self.evaluate(pack.rules, parts: 9)
        Self.expectSame(whole, cut, "T-MARK in 9 pieces")
        // Hand count from the journal: a cell without a mark («н», «б») leaves `mark` unknown.
        let j = Self.journal
        let unknown = j.cells.indices.filter { j.cells[$0].value.first == nil }.count
        #expect(unknown > 2 * 200)
        let o = try #require(cut.select().outcomes.first)
        #expect(o.skipped == unknown)
        let general = o.skippedReasons.first { $0.reason == RuleTally.noData }
        #expect(general?.count == unknown - 200)
        #expect(o.skippedReasons.filter { $0.reason != RuleTally.noData }.map(\.count) == [200])
    }
}
