import Testing
import JournalModel
import Findings
import RuleLanguage
@testable import RuleEngine

/// The Russian summary table `zhurnal check` prints.
@Suite struct SummaryTextTests {
    @Test func summaryListsEveryRuleWithItsOutcomeAndTheReasonsForNotChecked() throws {
        let text = FindingTests.rule + """

        rule T-HW {
          title "ДЗ записано"
          clause "п. 5"
          severity замечание
          tags дз
          scope lessons
          require has(homework_entered_at)
          message "Нет времени ДЗ к уроку {date}"
          example triggers {
            lesson date=2025-09-01 homework="№ 1"
          }
          example passes {
            lesson date=2025-09-01 homework="№ 1" homework_entered=2025-09-01T12:00
          }
        }
        """
        let pack = try PackLoader.load(text: text, file: "t.rules")
        let j = FindingTests.journal(entered: [FindingTests.t("2025-09-02 08:10"), FindingTests.t("2025-09-02 11:00")])
        let report = Checker.check(pack: pack, journal: j, options: CheckOptions(group: "7б", checkedAt: FindingTests.t("2025-09-10 12:00"),
                                                                                asOf: FindingTests.t("2025-09-10 12:00")))
        // Columns: «Пункт» 8 («п. 3.2.4»), «Итог» 12 («не проверено»), the counts 9 + 9 + 4 + 9; six gaps of
        // two: 63 columns, so the title gets 100 − 63 = 37.
        let title = String(repeating: " ", count: 37 - "Правило".count)
        let dashes = String(repeating: "-", count: 37)
        #expect(SummaryText.render(report) == """
        Проверка: Школа — Тест
        Записи со сроком: группа 7б
        Журнал на момент: 10.09.2025 12:00
        Пункт     Правило\(title)  Итог          Проверено  Нарушений  Доля  Пропущено
        --------  \(dashes)  ------------  ---------  ---------  ----  ---------
        п. 3.2.4  Отметка в день урока                   нарушено      2          1          50 %  0
        п. 5      ДЗ записано                            не проверено  0          0          —     0

        «ДЗ записано» (п. 5): не проверено — время внесения домашнего задания

        Итого: правил 2, нарушено 1; найдено нарушений 1, замечаний 0, рекомендаций 0.

        """)
        // On request, each rule's id under its title (for `zhurnal rules explain`).
        let withIds = SummaryText.render(report, ids: true).split(separator: "\n").map(String.init)
        #expect(withIds.contains("          T-MARK"))
        #expect(withIds.contains("«ДЗ записано» (п. 5, T-HW): не проверено — время внесения домашнего задания"))
    }

    @Test func longTitlesWrapSoEveryLineFitsAHundredColumns() {
        let long = "Отметки за письменные работы внесены в день проведения урока, а при их проверке дольше дня — в срок из положения"
        let outcomes = [
            RuleOutcome(ruleId: "A", title: long, document: "d", clause: "п. 3.2.4.11", severity: .violation,
                        status: .violated, checked: 225_735, violations: 2_235, skipped: 12_345, level: .fail),
            RuleOutcome(ruleId: "B", title: "Коротко", document: "d", clause: "п. 1", severity: .remark, status: .passed,
                        checked: 3, violations: 0),
        ]
        let report = CheckReport(institution: "МБОУ «Средняя общеобразовательная школа № 14» имени очень длинного названия",
                                 packId: "p", packTitle: "Положение об электронном журнале и электронном дневнике",
                                 document: "d", from: nil, to: nil, group: nil,
                                 checkedAt: LocalDateTime(seconds: 0), outcomes: outcomes, findings: [])
        let lines = SummaryText.render(report).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(lines.filter { $0.count > 100 })")
        // The long title takes three lines; the level goes under «нарушено»; the counts stay on the first line.
        let first = try! #require(lines.firstIndex { $0.hasPrefix("п. 3.2.4.11") })
        #expect(lines[first].hasSuffix("нарушено   225735     2235       1 %   12345"))
        #expect(lines[first + 1].hasSuffix("(превыш.)"))
        #expect(lines[first + 2].hasPrefix("             ") && !lines[first + 2].contains("Коротко"))
        #expect(lines[first + 3].hasPrefix("п. 1         Коротко"))
    }

    @Test func wrappingKeepsWordsWholeAndMarksWhatIsCut() {
        #expect(SummaryText.wrap("раз два три четыре", width: 9) == ["раз два", "три", "четыре"])
        #expect(SummaryText.wrap("раз два три четыре", width: 9, maxLines: 2) == ["раз два", "три…"])
        #expect(SummaryText.wrap("абвгдежзийк", width: 5) == ["абвгд", "ежзий", "к"])
    }
}
