import Findings
import Foundation
import JournalModel
import Testing
@testable import Reports

/// What makes the workbook readable and printable: natural order of classes, rows read across
/// (top-aligned), a page per teacher linked from the summary, and pages that break where they
/// should with «Лист — стр. N из M» in every footer.
@Suite("XLSX report: order, alignment, links, teachers' pages, printed pages")
struct XlsxLayoutTests {
    @Test func classNamesSortAsNumbersNotText() {
        #expect(["11в", "2а", "10а", "2б", "ИС-21", "ИС-9"].sorted(by: NaturalOrder.less) == ["2а", "2б", "10а", "11в", "ИС-9", "ИС-21"])
        #expect(NaturalOrder.less("7ё", "7ж") && NaturalOrder.less("7е", "7ё") && !NaturalOrder.less("7Б", "7а"))
    }

    @Test func findingsAndTeachersPagesListClassesInNaturalOrder() throws {
        let base = XlsxFixtures.findings[0]   // F7: замечание of OOSH14-SUBST, teacher Петров
        let findings = ["11в", "2а", "10а", "2б"].enumerated().map { i, g -> Finding in
            var f = base
            f.key = "K\(i)"
            f.group = g
            return f
        }
        let book = try XlsxFixtures.roundTrip(report: XlsxFixtures.report(findings: findings))
        #expect(book.sheet("Нарушения")?.column("E", from: 2) == ["2а", "2б", "10а", "11в"])
        #expect(book.sheet("Петров С.И.")?.column("E", from: 6) == ["2а", "2б", "10а", "11в"])
        let ranking = try #require(book.sheet("Сводка")).rowNumbers.compactMap { book.sheet("Сводка")?.row($0) }
        let g = try #require(ranking.firstIndex { $0.first == "Классы с наибольшим числом нарушений на 100 уроков" })
        // None of these classes has lessons in the journal: ranked by замечания, ties by name in natural order.
        #expect(ranking[(g + 3)...].prefix(4).map { $0[1] } == ["2а", "2б", "10а", "11в"])
    }

    @Test func everyDataCellIsAlignedToTheTopOfItsRow() throws {
        let book = try XlsxFixtures.roundTrip()
        let styles = try #require(book.parts["xl/styles.xml"])
        let s = try #require(book.sheet("Нарушения"))
        // №, severity, clause, wrapped title, class, date, delay in hours, message: all top-aligned, so a
        // one-line date sits level with the first line of a wrapped title.
        for ref in ["A2", "B2", "C2", "D2", "E2", "H2", "M2", "N2"] {
            let style = try #require(s[ref]?.style, "\(ref)")
            #expect(StyleFills.alignment(ofStyle: style, styles: styles).contains("vertical=\"top\""), "\(ref)")
        }
        let teachers = try #require(book.sheet("Преподаватели"))
        for ref in ["B4", "D4", "F4"] {
            let style = try #require(teachers[ref]?.style, "\(ref)")
            #expect(StyleFills.alignment(ofStyle: style, styles: styles).contains("vertical=\"top\""), "\(ref)")
        }
    }

    @Test func eachTeacherHasAPageOfTheirFindingsByClassSubjectAndDate() throws {
        let book = try XlsxFixtures.roundTrip()
        let s = try #require(book.sheet("Иванова М.П."))
        #expect(s["A1"]?.value == "Иванова Мария Петровна")
        // 5 lessons; 13 timestamped entries, 10 on time (77 %); нарушения F1, F2 (40 per 100 lessons),
        // замечания F3, F4, рекомендация F5.
        #expect(s["A2"]?.value == "Уроков: 5; записей внесено до конца дня урока: 77 % из 13. Нарушений: 2 "
                + "(40,0 на 100 уроков), замечаний: 2, рекомендаций: 1.")
        #expect(s.row(5) == ["№", "Важность", "Пункт", "Что нарушено", "Класс", "Предмет", "Дата урока", "Обучающийся",
                             "Ожидалось", "Фактически", "Опоздание"])
        // 7б алгебра 01.09 (F1), 03.09 (F3), 08.09 — нарушение F2 before замечание F4; геометрия 26.10 (F5).
        #expect(s.column("D", from: 6) == ["Отметки выставляются в день урока", "Тема урока указана",
                                           "Отметки выставляются в день урока", "Домашнее задание записано",
                                           "Накопляемость отметок"])
        #expect(s.column("H", from: 6) == ["Белова Вера", "", "Абрамов Артём", "", "Васильев Глеб"])
        #expect(s.row(6) == ["1", "нарушение", "п.\u{00A0}3.2.4.2", "Отметки выставляются в день урока", "7б", "Алгебра",
                             "45901", "Белова Вера", "до 01.09.2025 24:00", "03.09.2025 09:00", "1 сут. 9 ч"])
        // The header repeats on every printed page; the footer names the teacher.
        let wb = try #require(book.parts["xl/workbook.xml"])
        #expect(wb.contains("'Иванова М.П.'!$5:$5</definedName>"))
        #expect(s.xml.contains("&amp;RИванова М.П. — стр. &amp;P из 1"))
    }

    @Test func summaryAndTeachersSheetLinkToEachTeachersPage() throws {
        let book = try XlsxFixtures.roundTrip()
        let summary = try #require(book.sheet("Сводка"))
        // The ranking: Иванова (row 34), Петров (35), «@x» (36); 7б links to its first row on «Классы».
        #expect(summary.xml.contains("<hyperlink ref=\"B34\" location=\"'Иванова М.П.'!A1\""))
        #expect(summary.xml.contains("<hyperlink ref=\"B35\" location=\"'Петров С.И.'!A1\""))
        #expect(summary.xml.contains("<hyperlink ref=\"B36\" location=\"'@x'!A1\""))
        #expect(summary.xml.contains("<hyperlink ref=\"B42\" location=\"'Классы'!A3\""))
        let teachers = try #require(book.sheet("Преподаватели"))
        #expect(teachers.xml.contains("<hyperlink ref=\"A4\" location=\"'Иванова М.П.'!A1\""))
        let page = try #require(book.sheet("Иванова М.П."))
        #expect(page.xml.contains("<hyperlink ref=\"D3\" location=\"'Сводка'!A1\""))
        #expect(page.xml.contains("<hyperlink ref=\"F3\" location=\"'Преподаватели'!A1\""))
    }

    @Test func printScaleFitsThePrintedColumnsToTheWidthOfTheSheet() throws {
        // «Не проверено»: columns 14 + 44 + 24 + 56 + 22 + 12 + 50 = 222 characters. Drawn the wider way
        // (LibreOffice: 1038/2048 em of 11 pt = 5.5752 pt a character, 3.75 pt padding): 222 × 5.5752 +
        // 7 × 3.75 = 1263.94 pt. A4 landscape less 0.4 in margins: 841.89 − 57.6 = 784.29 pt. With 2 % to
        // spare: 784.29 / 1263.94 × 98 = 60.8 → 60 %.
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Не проверено"))
        #expect(s.xml.contains("scale=\"60\""))
        #expect(!s.xml.contains("fitToPage"))
    }

    /// Reads back every sheet's rows, heights, page breaks, scale and footer and checks the pages
    /// as a printer would fill them: each page holds its rows (and the repeated header) and
    /// could not take the next page's first row; the footer's page count is the breaks + 1.
    @Test func pagesBreakWhereTheyAreFullAndTheFooterCountsThem() throws {
        let rule = XlsxFixtures.markRule
        let findings = (0..<300).map { i in
            Finding(ruleId: rule, document: "oosh14", clause: "3.2.4.2", severity: .violation, area: .marks, key: "P\(i)",
                    group: "7б", subject: "Алгебра", teacher: "Иванова Мария Петровна",
                    date: XlsxFixtures.d(2025, 9, 1).adding(days: i % 50), message: "сообщение \(i)")
        }
        let book = try XlsxFixtures.roundTrip(report: XlsxFixtures.report(findings: findings))
        var checkedPages = 0
        for name in ["Нарушения", "Иванова М.П.", "Сводка", "Накопляемость"] {
            let s = try #require(book.sheet(name))
            let pages = try PrintedPages(sheet: s, workbook: try #require(book.parts["xl/workbook.xml"]), sheetIndex: try #require(book.sheetNames.firstIndex(of: name)))
            #expect(s.xml.contains("стр. &amp;P из \(pages.breaks.count + 1)</oddFooter>"), "\(name)")
            for (i, content) in pages.contents.enumerated() {
                #expect(content <= pages.capacity + 0.01, "\(name) page \(i + 1): \(content) > \(pages.capacity)")
            }
            checkedPages += pages.contents.count
        }
        // 300 one-line findings do not fit on one page of «Нарушения» or of Иванова's page.
        let findingsPages = try PrintedPages(sheet: try #require(book.sheet("Нарушения")),
                                             workbook: try #require(book.parts["xl/workbook.xml"]), sheetIndex: 1)
        #expect(findingsPages.breaks.count >= 4)
        // Pages are full: the first row of each next page would not have fitted on the previous one.
        for (i, b) in findingsPages.breaks.enumerated() {
            #expect(findingsPages.contents[i] + findingsPages.height(ofRow: b) > findingsPages.capacity - 0.01, "break \(b)")
        }
        #expect(checkedPages > 6)
    }

    @Test func theTimelinessChartIsNeverSplitAcrossPages() throws {
        let book = try XlsxFixtures.roundTrip()
        let s = try #require(book.sheet("Сводка"))
        let pages = try PrintedPages(sheet: s, workbook: try #require(book.parts["xl/workbook.xml"]), sheetIndex: 0)
        // The title is row 47 (0-based 46); the chart fills the 20 rows below it.
        #expect(!pages.breaks.contains { $0 > 46 && $0 <= 66 })
    }
}

/// A sheet's printed pages as read back from the workbook (independent of the writer's code):
/// rows and their heights, manual breaks, the print scale and the rows repeated on each page.
struct PrintedPages {
    var heights: [Int: Double] = [:]
    var breaks: [Int] = []
    var lastRow = 0
    var repeatRows: ClosedRange<Int>?
    var capacity: Double
    var contents: [Double] = []

    func height(ofRow r: Int) -> Double { heights[r] ?? 15 }

    init(sheet: XlsxReader.Sheet, workbook: String, sheetIndex: Int) throws {
        let xml = sheet.xml
        for part in xml.components(separatedBy: "<row r=\"").dropFirst() {
            let r = (Int(part.prefix { $0.isNumber }) ?? 1) - 1
            lastRow = max(lastRow, r)
            let attributes = part.prefix { $0 != ">" }
            if let h = attributes.range(of: "ht=\"") {
                heights[r] = Double(attributes[h.upperBound...].prefix { $0 != "\"" }) ?? 15
            }
        }
        for part in xml.components(separatedBy: "<brk id=\"").dropFirst() {
            if let id = Int(part.prefix { $0.isNumber }) { breaks.append(id) }
        }
        breaks.sort()
        let scale = xml.range(of: "scale=\"").map { Double(xml[$0.upperBound...].prefix { $0.isNumber }) ?? 100 } ?? 100
        // A4 landscape, 0.6 in top and bottom margins; the writer keeps 4 % for differences between programs.
        capacity = (595.28 - 2 * 0.6 * 72) / (scale / 100) * 0.96
        let marker = "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(sheetIndex)\">"
        if let r = workbook.range(of: marker) {
            let text = workbook[r.upperBound...].prefix { $0 != "<" }
            let nums = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if nums.count >= 2 { repeatRows = (nums[nums.count - 2] - 1)...(nums[nums.count - 1] - 1) }
        }
        let repeatHeight = repeatRows.map { $0.reduce(0.0) { $0 + (heights[$1] ?? 15) } } ?? 0
        var starts = [0] + breaks
        starts.append(lastRow + 1)
        for i in 0..<(starts.count - 1) {
            var total = i == 0 ? 0 : repeatHeight
            for r in starts[i]..<starts[i + 1] { total += heights[r] ?? 15 }
            contents.append(total)
        }
    }
}
