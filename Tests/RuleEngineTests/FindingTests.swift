import Foundation
import Testing
import JournalModel
import Findings
import RuleLanguage
@testable import RuleEngine

/// Evaluation over in-memory journals: findings, outcomes, data requirements, filters.
@Suite struct FindingTests {
    static let rule = """
    pack T
    title "Тест"
    document "Положение об ЭЖ"
    param deadline = 0 дней "Срок"
    rule T-MARK {
      title "Отметка в день урока"
      clause "п. 3.2.4"
      severity нарушение
      tags отметки, сроки
      scope marks
      require entered_at <= end_of_day(date + deadline)
      message "Отметка «{value}» ученику {student.name} за урок {date} выставлена {entered_at}, опоздание {delay}."
      example triggers {
        lesson date=2025-09-01
        cell student="А" value=5 entered=2025-09-03T10:00
      }
      example passes {
        lesson date=2025-09-01
        cell student="А" value=5 entered=2025-09-01T10:00
      }
    }
    """

    static func d(_ s: String) -> LocalDate { DateParsing.date(s)! }
    static func t(_ s: String) -> LocalDateTime { DateParsing.timestamp(s)!.local }

    static func journal(entered: [LocalDateTime?]) -> Journal {
        var b = JournalBuilder(institution: Institution(name: "Школа"))
        let g = b.group("7б"), s = b.subject("Алгебра"), te = b.teacher("Иванова И. И.")
        for (n, e) in entered.enumerated() {
            let l = b.addLesson(Lesson(group: g, subject: s, date: d("2025-09-0\(n + 1)"), number: 2, teacher: te))
            b.addCell(Cell(lesson: l, student: b.student("Абрамов Артём", group: g), value: CellValue(parsing: "4"), enteredAt: e))
            b.addCell(Cell(lesson: l, student: b.student("Белова Дарья", group: g), value: CellValue(parsing: "н"), enteredAt: e))
        }
        return b.journal
    }

    @Test func aLateMarkBecomesAFindingWithEvidenceAndAStableKey() throws {
        let pack = try PackLoader.load(text: Self.rule, file: "t.rules")
        let j = Self.journal(entered: [Self.t("2025-09-02 08:10"), Self.t("2025-09-02 11:00")])
        let report = Checker.check(pack: pack, journal: j, options: CheckOptions(checkedAt: Self.t("2025-09-10 12:00"),
                                                                                 asOf: Self.t("2025-09-10 12:00")))
        let o = try #require(report.outcomes.first)
        #expect(o.status == .violated)
        #expect(o.checked == 2 && o.violations == 1 && o.skipped == 0)
        let f = try #require(report.findings.first)
        #expect(f.key == "T-MARK:7б|Алгебра|2025-09-01|2|Абрамов Артём")
        #expect(f.group == "7б" && f.subject == "Алгебра" && f.teacher == "Иванова И. И." && f.student == "Абрамов Артём")
        #expect(f.date == Self.d("2025-09-01"))
        #expect(f.expected == "не позднее 01.09.2025 24:00")
        #expect(f.found == "02.09.2025 08:10")
        #expect(f.delaySeconds == Int64(8 * 3600 + 600))
        #expect(f.area == .marks && f.severity == .violation && f.clause == "п. 3.2.4" && f.document == "Положение об ЭЖ")
        #expect(f.message == "Отметка «4» ученику Абрамов Артём за урок 01.09.2025 выставлена 02.09.2025 08:10, опоздание 8 ч 10 мин.")
        #expect(f.evidence.contains(Finding.Evidence("когда значение введено", "02.09.2025 08:10")))
        #expect(f.evidence.contains(Finding.Evidence("опоздание", "8 ч 10 мин")))
        #expect(report.hasViolations)
    }

    @Test func aFieldAbsentFromTheWholeJournalIsNotCheckedNeverPassed() throws {
        let pack = try PackLoader.load(text: Self.rule, file: "t.rules")
        let (outcomes, findings) = Engine.evaluate(pack.rules, journal: Self.journal(entered: [nil, nil]), options: CheckOptions())
        #expect(outcomes[0].status == .notChecked)
        #expect(outcomes[0].missingData == ["время выставления отметок"])
        #expect(findings.isEmpty)
    }

    @Test func itemsMissingTheFieldIndividuallyAreSkippedNotPassed() throws {
        let pack = try PackLoader.load(text: Self.rule, file: "t.rules")
        let j = Self.journal(entered: [nil, Self.t("2025-09-02 11:00")])
        let (outcomes, _) = Engine.evaluate(pack.rules, journal: j, options: CheckOptions(asOf: Self.t("2025-09-10 12:00")))
        #expect(outcomes[0].status == .passed)
        #expect(outcomes[0].checked == 1 && outcomes[0].skipped == 1)
    }

    @Test func dateRangeAndGroupLimitTheCheckedItems() throws {
        let pack = try PackLoader.load(text: Self.rule, file: "t.rules")
        let j = Self.journal(entered: [Self.t("2025-09-02 08:10"), Self.t("2025-09-04 11:00"), Self.t("2025-09-03 11:00")])
        let (o1, f1) = Engine.evaluate(pack.rules, journal: j, options: CheckOptions(from: Self.d("2025-09-02")))
        #expect(o1[0].checked == 2 && f1.map(\.date) == [Self.d("2025-09-02")])
        let (o2, _) = Engine.evaluate(pack.rules, journal: j, options: CheckOptions(group: "5а"))
        #expect(o2[0].status == .notChecked && o2[0].checked == 0)
    }

    /// A double lesson exported without numbers (a grid alone): two lessons of one day keep two
    /// keys, so two reports can still be compared finding by finding.
    @Test func twoUnnumberedLessonsOfADayHaveTheirOwnKeys() throws {
        let text = Self.rule.replacingOccurrences(of: "  scope marks\n  require entered_at <= end_of_day(date + deadline)",
                                                  with: "  scope cells\n  require has(value)")
        let pack = try PackLoader.load(text: text, file: "t.rules")
        var b = JournalBuilder(institution: Institution(name: "Школа"))
        let g = b.group("7б"), s = b.subject("Алгебра")
        for _ in 0..<2 {
            let l = b.addLesson(Lesson(group: g, subject: s, date: Self.d("2025-09-01")))
            b.addCell(Cell(lesson: l, student: b.student("Абрамов Артём", group: g), value: CellValue(kind: .unrecognized, raw: "")))
        }
        let (_, f) = Engine.evaluate(pack.rules, journal: b.journal, options: CheckOptions(asOf: AsOfDefault.never))
        #expect(f.map(\.key).sorted() == ["T-MARK:7б|Алгебра|2025-09-01|-1|Абрамов Артём", "T-MARK:7б|Алгебра|2025-09-01|-2|Абрамов Артём"])
    }

    @Test func commandLineParametersOverrideThePack() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zh-\(UUID().uuidString).rules")
        try Self.rule.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let j = Self.journal(entered: [Self.t("2025-09-02 08:10")])
        let strict = try Checker.check(packPath: url.path, journal: j, options: CheckOptions())
        let lenient = try Checker.check(packPath: url.path, journal: j, options: CheckOptions(parameters: ["deadline": "1 день"]))
        #expect(strict.findings.count == 1 && lenient.findings.isEmpty)
        #expect(throws: RulePackError.self) {
            try Checker.check(packPath: url.path, journal: j, options: CheckOptions(parameters: ["deadline": "много"]))
        }
    }

    @Test func validityDatesLimitARuleToItsPeriod() throws {
        let text = Self.rule.replacingOccurrences(of: "  scope marks\n", with: "  valid from 2025-09-02 to 2025-09-02\n  scope marks\n")
        let pack = try PackLoader.load(text: text, file: "t.rules")
        #expect(pack.rules[0].validFrom == Self.d("2025-09-02"))
        let j = Self.journal(entered: [Self.t("2025-09-03 08:10"), Self.t("2025-09-03 11:00"), Self.t("2025-09-09 11:00")])
        let (o, f) = Engine.evaluate(pack.rules, journal: j, options: CheckOptions())
        #expect(o[0].checked == 1)
        #expect(f.map(\.date) == [Self.d("2025-09-02")])
    }
}
