import Findings
import Foundation
import JournalModel
import Testing
@testable import Reports

/// `check --compare прошлый.json`: every finding is new or still open, and what the earlier check
/// found and this one, judging the same records, no longer finds is listed as fixed — on the
/// summary, the findings sheet, the teachers sheet and each teacher's page.
@Suite("XLSX report: comparison with the previous check")
struct XlsxComparisonTests {
    /// The earlier check found F1 and F3 (still there), FX (Иванова's late mark of 05.09 — gone
    /// now, inside this check's dates: fixed) and FY (due 10.11, after this check's dates: not compared).
    static var previous: PreviousCheck {
        let all = XlsxFixtures.findings
        let f1 = all.first { $0.key == "F1" }!, f3 = all.first { $0.key == "F3" }!
        var fx = f1
        fx.key = "FX"
        fx.date = XlsxFixtures.d(2025, 9, 5)
        fx.student = "Абрамов Артём"
        fx.message = "Отметка Абрамов Артём за 05.09.2025 внесена с опозданием."
        var fy = f1
        fy.key = "FY"
        fy.date = XlsxFixtures.d(2025, 11, 10)
        return PreviousCheck(checkedAt: XlsxFixtures.t(10, 20, 9), findings: [f1, f3, fx, fy])
    }

    static var comparison: Comparison { Comparison(current: XlsxFixtures.report(), previous: previous) }

    static func book() throws -> XlsxReader {
        try XlsxFixtures.roundTrip(options: XlsxReportOptions(createdAt: XlsxFixtures.createdAt, comparison: comparison))
    }

    @Test func findingsAreNewOrStillOpenAndFixedOnesAreThoseJudgedAgain() {
        let c = Self.comparison
        #expect(c.openKeys == ["F1", "F3"])
        #expect(c.newCount == 5)
        #expect(c.fixed.map(\.key) == ["FX"])
        #expect(c.notCompared == 1)
    }

    @Test func anEarlierFindingIsNotFixedWhenThisCheckCouldNotJudgeIt() {
        var report = XlsxFixtures.report()
        report.findings = []
        let f1 = XlsxFixtures.findings.first { $0.key == "F1" }!
        let previous = PreviousCheck(checkedAt: XlsxFixtures.t(10, 20, 9), findings: [f1])
        // Judged again and gone: fixed.
        #expect(Comparison(current: report, previous: previous).fixed.count == 1)
        // The rule could not be checked this time: not fixed, not compared.
        var notChecked = report
        notChecked.outcomes[0].status = .notChecked
        #expect(Comparison(current: notChecked, previous: previous).fixed.isEmpty)
        // The rule named the record as skipped (e.g. the student left): not fixed.
        var skipped = report
        skipped.outcomes[0].skippedItems = [SkippedItem(ruleId: f1.ruleId, key: "F1", reason: "выбыл")]
        #expect(Comparison(current: skipped, previous: previous).fixed.isEmpty)
        // This check is for another class: 7б's finding is not compared.
        var other = report
        other.group = "8а"
        #expect(Comparison(current: other, previous: previous).fixed.isEmpty)
        // The record falls due (02.09 00:00) after the moment of this check (01.09 12:00): not compared.
        var early = report
        early.asOf = XlsxFixtures.t(9, 1, 12)
        var due = f1
        due.due = XlsxFixtures.t(9, 2, 0)
        #expect(Comparison(current: early, previous: PreviousCheck(checkedAt: XlsxFixtures.t(10, 20, 9), findings: [due])).fixed.isEmpty)
    }

    @Test func findingsSheetMarksEachFindingNewOrStillOpen() throws {
        let s = try #require(try Self.book().sheet("Нарушения"))
        #expect(s.row(1)[13] == "Сравнение" && s.row(1).last == "Сообщение")
        // Rows: F1, F2, F6, F3, F4, F7, F5.
        #expect(s.column("N", from: 2) == ["не устранено", "новое", "новое", "не устранено", "новое", "новое", "новое"])
    }

    @Test func summaryCountsNewOpenAndFixedAndLinksToTheFixedList() throws {
        let book = try Self.book()
        #expect(book.sheetNames.contains("Исправлено"))
        let s = try #require(book.sheet("Сводка"))
        // The info block says what was compared: row 10.
        #expect(s.row(10) == ["Сравнение", "с проверкой от 20.10.2025 09:00: новых 5, не устранено 2, исправлено 1"])
        // Per rule: the mark rule has F2 new and FX fixed; the topic rule (F3 open) nothing new.
        let rows = s.rowNumbers.map { s.row($0) }
        let header = try #require(rows.firstIndex { $0.first == "Пункт" && $0.count == 10 })
        #expect(rows[header] == ["Пункт", "Правило", "Важность", "Результат", "Проверено", "Нарушений", "Доля нарушений",
                                 "Пропущено", "Новых", "Исправлено"])
        #expect(Array(rows[header + 1].suffix(2)) == ["1", "1"])
        #expect(Array(rows[header + 2].suffix(2)) == ["0", "0"])
        let totals = try #require(rows.firstIndex { $0.first == "Всего" })
        #expect(rows[totals] == ["Всего", "7", "6", "9", "5", "2", "1"])
        let fixed = try #require(book.sheet("Исправлено"))
        #expect(fixed.row(3) == ["Иванова Мария Петровна", "нарушение", "п.\u{00A0}3.2.4.2", "Отметки выставляются в день урока",
                                 "7б", "Алгебра", "45905", "Абрамов Артём", "Отметка Абрамов Артём за 05.09.2025 внесена с опозданием."])
    }

    @Test func teachersSheetAndTeachersPageShowTheComparison() throws {
        let book = try Self.book()
        let t = try #require(book.sheet("Преподаватели"))
        #expect(Array(t.row(2).suffix(3)) == ["Новых", "Не устранено", "Исправлено"])
        // Иванова: new F2, F4, F5; still open F1, F3; fixed FX.
        #expect(Array(t.row(4).suffix(3)) == ["3", "2", "1"])
        let page = try #require(book.sheet("Иванова М.П."))
        #expect(page.row(5).last == "Сравнение")
        // F1, F3, F2, F4, F5 (by class, subject, date).
        #expect(page.column("L", from: 6).prefix(5) == ["не устранено", "не устранено", "новое", "новое", "новое"])
        let rows = page.rowNumbers.map { page.row($0) }
        let fixed = try #require(rows.firstIndex { $0.first == "Исправлено после проверки от 20.10.2025 09:00" })
        #expect(rows[fixed + 2].prefix(8) == ["1", "нарушение", "п.\u{00A0}3.2.4.2", "Отметки выставляются в день урока", "7б",
                                              "Алгебра", "45905", "Абрамов Артём"])
    }

    @Test func aPreviousCheckIsReadFromItsJSONAndABadFileIsARussianError() throws {
        let dir = try XlsxFixtures.tempFolder()
        let path = dir + "/прошлый.json"
        try ReportJSON.write(XlsxFixtures.report(), to: path)
        let back = try PreviousCheck.read(path: path)
        #expect(back.findings.map(\.key).sorted() == ["F1", "F2", "F3", "F4", "F5", "F6", "F7"])
        #expect(back.checkedAt == XlsxFixtures.createdAt)
        try Data("{\"findings\": []}".utf8).write(to: URL(fileURLWithPath: dir + "/bad.json"))
        #expect(throws: PreviousCheck.ReadError.self) { try PreviousCheck.read(path: dir + "/bad.json") }
        do { _ = try PreviousCheck.read(path: dir + "/bad.json") } catch {
            #expect(error.message == "«\(dir)/bad.json» — не результат `zhurnal check --json` (нет поля «checkedAt»)")
        }
    }
}
