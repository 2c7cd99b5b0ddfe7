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
        #expect(SummaryText.render(report) == """
        Проверка: Школа — Тест
        Записи со сроком: группа 7б
        Журнал на момент: 10.09.2025 12:00
        Правило  Пункт     Итог          Проверено  Нарушений  Доля  Пропущено
        -------  --------  ------------  ---------  ---------  ----  ---------
        T-MARK   п. 3.2.4  нарушено      2          1          50 %  0
        T-HW     п. 5      не проверено  0          0          —     0

        T-HW: не проверено — время внесения домашнего задания

        Итого: правил 2, нарушено 1, замечаний 1.

        """)
    }
}
