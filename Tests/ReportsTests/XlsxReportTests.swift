import Findings
import Foundation
import JournalModel
import Testing
@testable import Reports

@Suite("XLSX report: workbook structure and the findings sheet")
struct XlsxReportTests {
    @Test func sheetsAreNamedAndOrderedAsTheDeputyDirectorExpects() throws {
        let book = try XlsxFixtures.roundTrip()
        #expect(book.sheetNames == ["Сводка", "Нарушения", "Преподаватели", "Классы", "Накопляемость", "Не проверено"])
    }

    @Test func findingsSheetHasHeaderAndOneRowPerFindingSortedByGroupSubjectDate() throws {
        let book = try XlsxFixtures.roundTrip()
        let s = try #require(book.sheet("Нарушения"))
        #expect(s.row(1) == ["№", "Важность", "Пункт", "Правило", "Класс", "Предмет", "Преподаватель", "Дата урока",
                             "Обучающийся", "Ожидалось", "Фактически", "Опоздание", "Опоздание, ч", "Сообщение"])
        #expect(s.rowNumbers == Array(1...8))   // header + 7 findings
        #expect(s.column("A", from: 2) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(s.column("E", from: 2) == ["7б", "7б", "7б", "7б", "7б", "7б", "8а"])
        #expect(s.column("F", from: 2) == ["=SUM(1)", "Алгебра", "Алгебра", "Алгебра", "Алгебра", "Геометрия", "Физика"])
        // Алгебра: 01.09 (F1), 03.09 (F3), 08.09 without student (F4) before 08.09 Абрамов (F2).
        #expect(s.column("I", from: 2) == ["", "Белова Вера", "", "", "Абрамов Артём", "Васильев Глеб", ""])
    }

    @Test func findingRowCarriesRuleTitleDateDelayAndMessage() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Нарушения"))
        #expect(s.row(3) == ["2", "нарушение", "3.2.4.2", "Отметки выставляются в день урока", "7б", "Алгебра",
                             "Иванова Мария Петровна", "45901", "Белова Вера", "до 01.09.2025 24:00",
                             "03.09.2025 09:00", "1 сут. 9 ч", "33", "Отметка Белова Вера за 01.09.2025 внесена с опозданием."])
        // 45901 is 01.09.2025 as an Excel serial date; the cell is a number with a date format.
        #expect(s["H3"]?.type == nil)
        #expect(s["L6"]?.value == "10 ч")
        #expect(s["M6"]?.value == "10")
    }

    @Test func findingsSheetHasAutofilterFrozenHeaderAndSeverityColours() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Нарушения"))
        #expect(s.xml.contains("<autoFilter ref=\"A1:N8\"/>"))
        #expect(s.xml.contains("ySplit=\"1\"") && s.xml.contains("state=\"frozen\""))
        #expect(s.xml.components(separatedBy: "<cfRule").count - 1 == 3)
        #expect(s.xml.contains("<formula>\"нарушение\"</formula>"))
        #expect(s.xml.contains("<col min=\"14\" max=\"14\" width=\"60.7109375\""))
    }

    @Test func longMessagesWrapInTallerRows() throws {
        // 200 characters in a 60-character column: four lines, so the row is 4 × 15 pt high
        // and the text does not spill over the next row when printed.
        var long = XlsxFixtures.findings[0]
        long.message = String(repeating: "Отметка выставлена поздно. ", count: 8)
        let book = try XlsxFixtures.roundTrip(report: XlsxFixtures.report(findings: [long]))
        let s = try #require(book.sheet("Нарушения"))
        let row2 = try #require(s.xml.components(separatedBy: "<row r=\"2\"").dropFirst().first)
        let attributes = row2.prefix(while: { $0 != ">" })
        #expect(attributes.contains("ht=\"60\"") && attributes.contains("customHeight=\"1\""))
    }

    @Test func everySheetPrintsLandscapeFitToWidth() throws {
        let book = try XlsxFixtures.roundTrip()
        for s in book.sheets {
            #expect(s.xml.contains("orientation=\"landscape\""), "\(s.name)")
            #expect(s.xml.contains("fitToHeight=\"0\""), "\(s.name)")
            #expect(s.xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "\(s.name)")
        }
        let wb = try #require(book.parts["xl/workbook.xml"])
        #expect(wb.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'Нарушения'!$1:$1</definedName>"))
    }

    @Test func documentPropertiesCarryTitleAuthorAndFixedCreationTime() throws {
        var options = XlsxReportOptions(createdAt: XlsxFixtures.createdAt)
        options.author = "Заместитель директора по УВР"
        let core = try #require(try XlsxFixtures.roundTrip(options: options).parts["docProps/core.xml"])
        #expect(core.contains("<dc:title>Отчёт о проверке электронного журнала</dc:title>"))
        #expect(core.contains("<dc:creator>Заместитель директора по УВР</dc:creator>"))
        // 27.10.2025 09:30 in Moscow (UTC+3).
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-10-27T06:30:00Z</dcterms:created>"))
    }

    @Test func sameInputGivesTheSameFileByteForByte() throws {
        let dir = try XlsxFixtures.tempFolder()
        let options = XlsxReportOptions(createdAt: XlsxFixtures.createdAt)
        for name in ["a.xlsx", "b.xlsx"] {
            try XlsxReport.write(report: XlsxFixtures.report(), journal: XlsxFixtures.journal,
                                 to: dir + "/" + name, options: options)
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.xlsx"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.xlsx"))
        #expect(a.count > 5_000)
        #expect(a == b)
        // Only the two reports: no temporary file is left beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.xlsx", "b.xlsx"])
    }

    @Test func missingFolderIsARussianErrorAndNothingIsWritten() throws {
        let path = try XlsxFixtures.tempFolder() + "/нет/report.xlsx"
        #expect(throws: XlsxReportError.folderMissing(path: path)) {
            try XlsxReport.write(report: XlsxFixtures.report(), journal: XlsxFixtures.journal, to: path,
                                 options: XlsxReportOptions(createdAt: XlsxFixtures.createdAt))
        }
        #expect(XlsxReportError.folderMissing(path: "x/r.xlsx").diagnostic.rendered
                == "ошибка: не удалось записать отчёт «x/r.xlsx»: папка не существует")
    }

    @Test func failedRenameLeavesNoTemporaryFile() throws {
        let dir = try XlsxFixtures.tempFolder()
        // The report's path is an existing non-empty folder: the finished file cannot replace it.
        let path = dir + "/report.xlsx"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        do {
            try XlsxReport.write(report: XlsxFixtures.report(), journal: XlsxFixtures.journal, to: path,
                                 options: XlsxReportOptions(createdAt: XlsxFixtures.createdAt))
            Issue.record("expected an error")
        } catch let e as XlsxReportError {
            guard case .cannotReplace(let p, _) = e else { Issue.record("wrong error \(e)"); return }
            #expect(p == path)
            #expect(e.message.hasPrefix("не удалось сохранить отчёт «\(path)»: "))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.xlsx"])
    }

    @Test func folderWhereNoFileCanBeCreatedIsAnError() throws {
        // /proc accepts no new files, even for root.
        let error = #expect(throws: XlsxReportError.self) {
            try XlsxReport.write(report: XlsxFixtures.report(), journal: XlsxFixtures.journal, to: "/proc/report.xlsx",
                                 options: XlsxReportOptions(createdAt: XlsxFixtures.createdAt))
        }
        #expect(error?.message == "не удалось записать отчёт «/proc/report.xlsx»: "
                + "не удалось создать файл: нет прав на запись в папку или диск заполнен")
    }
}
