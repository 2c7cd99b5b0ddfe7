import Findings
import Foundation
import JournalModel
import Testing
@testable import Reports

@Suite("XLSX report: workbook structure and the findings sheet")
struct XlsxReportTests {
    @Test func sheetsAreNamedAndOrderedAsTheDeputyDirectorExpects() throws {
        let book = try XlsxFixtures.roundTrip()
        // Then a page per teacher with findings, by name: «@x» (only in a finding), Иванова, Петров.
        #expect(book.sheetNames == ["Сводка", "Нарушения", "Преподаватели", "Классы", "Накопляемость", "Не проверено",
                                    "@x", "Иванова М.П.", "Петров С.И."])
    }

    @Test func findingsSheetHasHeaderAndOneRowPerFindingBySeverityRuleClassAndDate() throws {
        let book = try XlsxFixtures.roundTrip()
        let s = try #require(book.sheet("Нарушения"))
        #expect(s.row(1) == ["№", "Важность", "Пункт", "Правило", "Класс", "Предмет", "Преподаватель", "Дата урока",
                             "Обучающийся", "Ожидалось", "Фактически", "Опоздание", "Опоздание, ч", "Сообщение"])
        #expect(s.rowNumbers == Array(1...8))   // header + 7 findings
        #expect(s.column("A", from: 2) == ["1", "2", "3", "4", "5", "6", "7"])
        // нарушения F1, F2 (the first rule, by date), F6 (the fifth rule); замечания F3, F4, F7; рекомендация F5.
        #expect(s.column("B", from: 2) == ["нарушение", "нарушение", "нарушение", "замечание", "замечание", "замечание",
                                           "рекомендация"])
        #expect(s.column("E", from: 2) == ["7б", "7б", "7б", "7б", "7б", "8а", "7б"])
        #expect(s.column("F", from: 2) == ["Алгебра", "Алгебра", "=SUM(1)", "Алгебра", "Алгебра", "Физика", "Геометрия"])
        #expect(s.column("I", from: 2) == ["Белова Вера", "Абрамов Артём", "", "", "", "", "Васильев Глеб"])
    }

    @Test func findingRowCarriesRuleTitleDateDelayAndMessage() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Нарушения"))
        #expect(s.row(2) == ["1", "нарушение", "п.\u{00A0}3.2.4.2", "Отметки выставляются в день урока", "7б", "Алгебра",
                             "Иванова Мария Петровна", "45901", "Белова Вера", "до 01.09.2025 24:00",
                             "03.09.2025 09:00", "1 сут. 9 ч", "33", "Отметка Белова Вера за 01.09.2025 внесена с опозданием."])
        // 45901 is 01.09.2025 as an Excel serial date; the cell is a number with a date format.
        #expect(s["H2"]?.type == nil)
        #expect(s["L3"]?.value == "10 ч")
        #expect(s["M3"]?.value == "10")
    }

    @Test func findingsSheetHasAutofilterFrozenHeaderAndSeverityColours() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Нарушения"))
        #expect(s.xml.contains("<autoFilter ref=\"A1:N8\"/>"))
        #expect(s.xml.contains("ySplit=\"1\"") && s.xml.contains("state=\"frozen\""))
        #expect(s.xml.components(separatedBy: "<cfRule").count - 1 == 3)
        #expect(s.xml.contains("<formula>\"нарушение\"</formula>"))
        #expect(s.xml.contains("<col min=\"14\" max=\"14\" width=\"60.7109375\""))
    }

    @Test func longRuleTitlesWrapInRowsSizedToTheirText() throws {
        // The «Правило» column is 48 characters: (48·7 + 5) px = 341 px = 255.75 pt, 4 pt for the
        // cell's margins → 251.75 pt of text. «а» is 981/2048 em, at 11 pt 5.269 pt; a space
        // 463/2048 em = 2.487 pt. A word of ten «а» is 52.69 pt: four words and three spaces take
        // 218.2 pt, five 273.4 pt — four words a line. Twenty words: five lines, 5 × 15 pt = 75 pt.
        var long = XlsxFixtures.findings[0]
        long.ruleId = "LONG"
        var report = XlsxFixtures.report(findings: [long])
        report.outcomes.append(RuleOutcome(ruleId: "LONG", title: Array(repeating: String(repeating: "а", count: 10), count: 20)
                                            .joined(separator: " "), document: "oosh14", clause: "1", severity: .remark,
                                           status: .violated, checked: 1, violations: 1))
        let s = try #require(try XlsxFixtures.roundTrip(report: report).sheet("Нарушения"))
        let row2 = try #require(s.xml.components(separatedBy: "<row r=\"2\"").dropFirst().first)
        let attributes = row2.prefix(while: { $0 != ">" })
        #expect(attributes.contains("ht=\"75\"") && attributes.contains("customHeight=\"1\""))
    }

    @Test func everySheetPrintsLandscapeNumberedPerSheet() throws {
        let book = try XlsxFixtures.roundTrip()
        for s in book.sheets {
            #expect(s.xml.contains("orientation=\"landscape\""), "\(s.name)")
            // Pages are numbered from 1 in each sheet, the footer names the sheet and its page count.
            #expect(s.xml.contains("useFirstPageNumber=\"1\""), "\(s.name)")
            #expect(s.xml.contains("&amp;R\(s.name) — стр. &amp;P из "), "\(s.name)")
        }
        let wb = try #require(book.parts["xl/workbook.xml"])
        #expect(wb.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'Нарушения'!$1:$1</definedName>"))
        // The message column is not printed: the print area ends at «Опоздание, ч» (M).
        #expect(wb.contains("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"1\">'Нарушения'!$A$1:$M$8</definedName>"))
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
