import Findings
import Foundation
import JournalModel
import Testing
@testable import Reports

@Suite("XLSX report: untrusted text, Excel limits, pseudonyms")
struct XlsxLimitsTests {
    @Test func journalTextThatLooksLikeAFormulaStaysText() throws {
        let book = try XlsxFixtures.roundTrip()
        let s = try #require(book.sheet("Нарушения"))
        // Row 4 is F6, the finding whose subject, teacher, expected, found and message look like formulas.
        for (ref, text) in [("F4", "=SUM(1)"), ("G4", "@x"), ("J4", "-1"), ("K4", "+7"),
                            ("N4", "=HYPERLINK(\"http://example.invalid\",\"x\")")] {
            let c = try #require(s[ref], "\(ref)")
            #expect(c.value == text)
            #expect(c.type == "inlineStr" || c.type == "s", "\(ref) must be a string cell")
            #expect(c.formula == nil)
        }
        for sheet in book.sheets { #expect(!sheet.xml.contains("<f>"), "\(sheet.name) has a formula") }
    }

    @Test func overlongTextIsTruncatedVisiblyAtExcelsLimit() throws {
        var findings = XlsxFixtures.findings
        findings[0].message = String(repeating: "ж", count: 40_000)
        let s = try #require(try XlsxFixtures.roundTrip(report: XlsxFixtures.report(findings: findings)).sheet("Нарушения"))
        let text = try #require(s["N7"]?.value)   // F7 (8а, the last замечание) is row 7
        #expect(text.utf16.count == 32_767)
        #expect(text.hasSuffix("ж…[обрезано]"))
    }

    @Test func truncationNeverSplitsACharacterAndKeepsShortTextWhole() {
        let emoji = String(repeating: "👩‍🏫", count: 20_000)
        let cut = CellText.excelSafe(emoji)
        #expect(cut.utf16.count <= 32_767)
        #expect(cut.hasSuffix("👩‍🏫…[обрезано]"))
        let exact = String(repeating: "a", count: 32_767)
        #expect(CellText.excelSafe(exact) == exact)
        #expect(CellText.excelSafe("a\u{0}b\u{7}c\td") == "a\u{2400}b\u{2407}c\td")
    }

    @Test func findingsContinueOnNumberedSheetsPastTheRowLimit() throws {
        // 4 rows per sheet: the header and 3 findings.
        let options = XlsxReportOptions(createdAt: XlsxFixtures.createdAt, maxRowsPerSheet: 4)
        let book = try XlsxFixtures.roundTrip(options: options)
        #expect(book.sheetNames == ["Сводка", "Нарушения", "Нарушения (2)", "Нарушения (3)", "Преподаватели",
                                    "Классы", "Накопляемость", "Не проверено", "@x", "Иванова М.П.", "Петров С.И."])
        let parts = ["Нарушения", "Нарушения (2)", "Нарушения (3)"].compactMap { book.sheet($0) }
        #expect(parts.map { $0.rowNumbers.count - 1 } == [3, 3, 1])
        for p in parts { #expect(p.row(1).first == "№" && p.row(1).last == "Сообщение") }
        // Numbering and order continue across sheets.
        #expect(parts.flatMap { $0.column("A", from: 2) } == ["1", "2", "3", "4", "5", "6", "7"])
        // F1, F2, F6 | F3, F4, F7 | F5.
        #expect(parts[0]["I3"]?.value == "Абрамов Артём")
        #expect(parts[1]["E4"]?.value == "8а")
        #expect(parts[2]["I2"]?.value == "Васильев Глеб")
        // The summary links a rule to the sheet and row where its findings start: F7's rule on «Нарушения (2)», row 4.
        let summary = try #require(book.sheet("Сводка"))
        #expect(summary.xml.contains("<hyperlink ref=\"F19\" location=\"'Нарушения (2)'!A4\""))
        #expect(parts[2].xml.contains("<autoFilter ref=\"A1:N2\"/>"))
    }

    @Test func sheetNamesFollowExcelRules() {
        #expect(SheetName.make("Нарушения: 7б/8а [итог]?", existing: []) == "Нарушения_ 7б_8а _итог__")
        #expect(SheetName.make("Нарушения", existing: ["нарушения"]) == "Нарушения (2)")
        #expect(SheetName.make("Нарушения", existing: ["Нарушения", "Нарушения (2)"]) == "Нарушения (3)")
        let long = SheetName.make(String(repeating: "Я", count: 40), existing: [])
        #expect(long == String(repeating: "Я", count: 31))
        let longDup = SheetName.make(String(repeating: "Я", count: 40), existing: [long])
        #expect(longDup == String(repeating: "Я", count: 27) + " (2)")
        #expect(SheetName.make("'x'", existing: []) == "x")
        #expect(SheetName.make("", existing: []) == "Лист")
    }

    @Test func pseudonymisedReportHasNoStudentNamesAnywhere() throws {
        let options = XlsxReportOptions(createdAt: XlsxFixtures.createdAt, pseudonymize: true)
        let book = try XlsxFixtures.roundTrip(options: options)
        let names = ["Абрамов", "Белова", "Васильев", "Григорьева"]
        for (part, xml) in book.parts { for n in names { #expect(!xml.contains(n), "\(n) in \(part)") } }
        let s = try #require(book.sheet("Нарушения"))
        let code = try #require(s["I2"]?.value)   // Белова Вера
        #expect(code.wholeMatch(of: /Обучающийся \d{4}/) != nil)
        #expect(s["N2"]?.value == "Отметка \(code) за 01.09.2025 внесена с опозданием.")
        // The same student has the same code on the accumulation sheet; codes differ between students.
        let acc = try #require(book.sheet("Накопляемость"))
        let students = acc.column("A", from: 1).filter { $0.hasPrefix("Обучающийся ") }
        #expect(students.contains(code))
        #expect(Set(students).count == 4)
        let summary = try #require(book.sheet("Сводка"))
        #expect(summary["B9"]?.value == "заменены кодами «Обучающийся NNNN» (псевдонимизация)")
        // The teacher's own page shows the code too.
        #expect(book.sheet("Иванова М.П.")?.cells.values.contains { $0.value == code } == true)
    }

    @Test func pseudonymsAreStableAndUnique() {
        let list = (0..<3_000).map { (group: "\($0 % 30)а", name: "Ученик \($0)") }
        let a = StudentPseudonyms(students: list)
        let b = StudentPseudonyms(students: list.reversed())
        let codes = list.map { a.code(group: $0.group, name: $0.name) }
        #expect(Set(codes).count == 3_000)
        #expect(codes == list.map { b.code(group: $0.group, name: $0.name) })
        // 3,000 students need more than 4 digits to stay sparse.
        #expect(codes[0].wholeMatch(of: /Обучающийся \d{5}/) != nil)
        let small = StudentPseudonyms(students: [(group: "7б", name: "Абрамов Артём")])
        #expect(small.code(group: "7б", name: "Абрамов Артём") == StudentPseudonyms(students: [
            (group: "7б", name: "Абрамов Артём"), (group: "7б", name: "Белова Вера"),
        ]).code(group: "7б", name: "Абрамов Артём"))
    }

    @Test func emptyReportStillHasEverySheetAndSaysWhy() throws {
        let report = CheckReport(institution: "Школа", packId: "p", packTitle: "", document: "Положение",
                                 from: nil, to: nil, group: nil, checkedAt: XlsxFixtures.createdAt,
                                 outcomes: [], findings: [])
        let journal = Journal(institution: Institution(name: "Школа"))
        let book = try XlsxFixtures.roundTrip(report: report, journal: journal)
        #expect(book.sheetNames.count == 6)
        #expect(book.sheet("Нарушения")?.rowNumbers == [1])
        let summary = try #require(book.sheet("Сводка"))
        let texts = summary.cells.values.map(\.value)
        #expect(texts.contains("Набор не содержит правил."))
        #expect(texts.contains("В выгрузке нет времени внесения записей: своевременность не вычислена."))
        #expect(book.sheet("Накопляемость")?.cells.values.contains { $0.value == "В проверяемом периоде нет уроков." } == true)
    }
}
