import Foundation
import Testing

/// The README's main job end to end: `check` on the bundled example with the oosh14 pack
/// (summary, JSON, XLSX), the curator's memo for a week with findings and for a quiet week, and
/// a broken rule file. Counts were derived by reading the sample files (see rules/PLAN.md 12.3).
@Suite(.serialized) struct MainJobCLITests {
    struct Outcome: Decodable { var ruleId: String; var status: String; var checked: Int; var violations: Int }
    struct Finding: Decodable { var ruleId: String; var clause: String; var date: String?; var teacher: String?; var message: String }
    struct Report: Decodable { var outcomes: [Outcome]; var findings: [Finding] }

    @Test func checkWritesSummaryJsonAndWorkbook() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("findings.json").path
        let xlsx = dir.appendingPathComponent("report.xlsx").path
        let r = try CLIRunner.run(["check", "examples/7b-algebra", "--rules", "rules/oosh14.rules",
                                   "--json", json, "--out", xlsx])
        #expect(r.status == 1, "violations found → exit 1; stderr: \(r.stderr)")
        #expect(r.stdout.contains("Положение об ЭЖ МАОУ «ООШ №14»"))
        #expect(r.stdout.contains("Отчёт XLSX записан: \(xlsx)"))

        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
        let byId = Dictionary(uniqueKeysWithValues: report.outcomes.map { ($0.ruleId, $0) })
        // 20 marks entered after the lesson day (e.g. Жуков «н5» of 19.09 entered 20.09 12:10).
        #expect(byId["OOSH14-3.2.4.2-MARK-DAY"]?.violations == 20)
        // «н5» (Жуков, 19.09) and «б» (Никитин, 08.10) are neither a mark nor «н».
        #expect(byId["OOSH14-3.2.4.9-CELL-VALUE"]?.violations == 2)
        // Lessons of 29.09 and 26.11: topics entered on 01.10 and 28.11.
        #expect(byId["OOSH14-3.2.4.2-LESSON-DAY"]?.violations == 2)
        // No change history in the export: the correction rule is not checked, never passed.
        #expect(byId["OOSH14-3.2.4.5-CORRECTION-2W"]?.status == "не проверено")
        #expect(report.findings.count == report.outcomes.reduce(0) { $0 + $1.violations })
        #expect(report.findings.allSatisfy { $0.message.contains($0.clause.replacingOccurrences(of: "п. ", with: "")) })

        let bytes = try Data(contentsOf: URL(fileURLWithPath: xlsx))
        #expect(bytes.prefix(2) == Data("PK".utf8))
    }

    @Test func memoNamesTheTeachersOfTheWeek() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = dir.appendingPathComponent("memo.md").path
        let r = try CLIRunner.run(["memo", "examples/7b-algebra", "--rules", "rules/oosh14.rules",
                                   "--group", "7б", "--week", "08.10.2025", "--out", md])
        #expect(r.status == 1, "a memo was made → exit 1; stderr: \(r.stderr)")
        let text = try String(contentsOfFile: md, encoding: .utf8)
        // Late marks and a wrong cell: the subject line names both; a school speaks of its class.
        #expect(text.contains("**О несвоевременном заполнении электронного журнала и нарушениях порядка его заполнения**"))
        #expect(text.contains("электронного журнала 7б класса за период с 06.10.2025 по 12.10.2025"))
        // Кузнецов substituted on 08.10 and 10.10; the «б» of 08.10 is worded by the phrase table.
        #expect(text.contains("1) Кузнецов Павел Андреевич (Алгебра): отметка внесена с опозданием за урок 10.10.2025"))
        #expect(text.contains("в клетке за урок 08.10.2025 записана не отметка и не «н» (п.\u{00A0}3.2.4.9)"))
        #expect(text.contains("2) Смирнова Ольга Петровна (Алгебра): отметка внесена с опозданием за урок 06.10.2025"))
        #expect(text.contains("«Положение об электронном журнале и электронном дневнике МАОУ „ООШ № 14“»"))
        #expect(text.hasSuffix("Классный руководитель 7б класса ____________ М.С. Иванова\n"))
        // Students are never named in a memo.
        #expect(!text.contains("Никитин") && !text.contains("Жуков"))
    }

    @Test func quietWeekWritesNoMemo() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = dir.appendingPathComponent("memo.md").path
        // 27.10–02.11.2025 are the autumn holidays: no lessons, nothing to report.
        let r = try CLIRunner.run(["memo", "examples/7b-algebra", "--rules", "rules/oosh14.rules",
                                   "--group", "7б", "--week", "29.10.2025", "--out", md])
        #expect(r.status == 0)
        #expect(r.stdout.contains("нарушений не выявлено"))
        #expect(!FileManager.default.fileExists(atPath: md))
    }

    @Test func brokenRuleFileIsExitTwoWithLocation() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rules = dir.appendingPathComponent("bad.rules")
        try """
        pack BAD
        title "Пример"
        document "Пример"
        rule BAD-1 {
          title "Отметка в день урока"
          clause "п. 1"
          severity нарушение
          tags отметки
          scope marks
          require enterd_at <= end_of_day(lesson.date)
          message "…"
        }
        """.write(to: rules, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["check", "examples/7b-algebra", "--rules", rules.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(rules.path):10:11: ошибка:"))
        #expect(r.stderr.contains("entered_at"))
        #expect(r.stdout.isEmpty)
    }
}
