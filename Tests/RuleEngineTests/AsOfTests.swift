import Foundation
import Testing
import JournalModel
import Findings
import RuleLanguage
@testable import RuleEngine

/// `--as-of`: the journal is judged as it stood at a moment. Hand-made journal, expectations
/// worked out by hand in the comments; the rules are oosh14's own.
@Suite struct AsOfTests {
    static func d(_ s: String) -> LocalDate { DateParsing.date(s)! }
    static func t(_ s: String) -> LocalDateTime { DateParsing.timestamp(s)!.local }
    static let pack: Pack = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! PackLoader.load(path: repo.appendingPathComponent("rules/oosh14.rules").path)
    }()

    /// 7б, алгебра. Lesson Mon 06.10.2025: topic «Дроби» entered Thu 09.10 12:00 (late), homework
    /// on time. Lesson Wed 08.10: everything on time. Абрамов's «4» on 06.10 was placed 06.10
    /// 13:00 and changed to «5» on 25.10 10:00 (19 days later: a late correction, п. 3.2.4.5).
    static func journal() -> Journal {
        var b = JournalBuilder(institution: Institution(name: "Школа"))
        let g = b.group("7б"), s = b.subject("Алгебра"), te = b.teacher("Смирнова О. П.")
        var l1 = Lesson(group: g, subject: s, date: d("06.10.2025"), number: 2, teacher: te, scheduledTeacher: te,
                        topic: "Дроби", homework: "§ 4, № 112")
        l1.recordedAt = t("06.10.2025 10:00"); l1.topicEnteredAt = t("09.10.2025 12:00"); l1.homeworkEnteredAt = t("06.10.2025 10:05")
        var l2 = Lesson(group: g, subject: s, date: d("08.10.2025"), number: 2, teacher: te, scheduledTeacher: te,
                        topic: "Сложение дробей", homework: "§ 5, № 120")
        l2.recordedAt = t("08.10.2025 10:00"); l2.topicEnteredAt = t("08.10.2025 10:01"); l2.homeworkEnteredAt = t("08.10.2025 10:02")
        let a = b.addLesson(l1)
        _ = b.addLesson(l2)
        let st = b.student("Абрамов Артём", group: g)
        b.addCell(Cell(lesson: a, student: st, value: CellValue(parsing: "5"), workType: "устный ответ",
                       enteredAt: t("06.10.2025 13:00"), enteredBy: te))
        b.addChange(Change(target: .cell, lesson: a, student: st, subject: s, group: g, oldValue: "4", newValue: "5",
                           placedAt: t("06.10.2025 13:00"), changedAt: t("25.10.2025 10:00"), changedBy: te))
        return b.journal
    }

    static func findings(asOf: String) -> [String: [Finding]] {
        let report = Checker.check(pack: pack, journal: journal(), options: CheckOptions(asOf: t(asOf)))
        return Dictionary(grouping: report.findings, by: \.ruleId)
    }

    @Test func anEntryMadeAfterTheMomentIsMissingThenLateAfterwards() {
        // As of Wed 08.10 18:00 the 06.10 topic is not in the journal: its day has passed → missing.
        let early = Self.findings(asOf: "08.10.2025 18:00")
        #expect(early["OOSH14-3.2.4.8-TOPIC-EMPTY"]?.map(\.date) == [Self.d("06.10.2025")])
        #expect(early["OOSH14-3.2.4.2-LESSON-DAY"] == nil)
        // As of Fri 10.10 the topic is there, entered 09.10 12:00: late by 2 days 12 hours.
        let later = Self.findings(asOf: "10.10.2025 09:00")
        #expect(later["OOSH14-3.2.4.8-TOPIC-EMPTY"] == nil)
        let late = later["OOSH14-3.2.4.2-LESSON-DAY"]
        #expect(late?.count == 1 && late?.first?.delaySeconds == 2 * 86400 + 12 * 3600)
        #expect(late?.first?.due == Self.t("07.10.2025 00:00"))
    }

    @Test func aCorrectionAfterTheMomentIsInvisible() {
        // As of 20.10 the cell still reads «4» and no correction exists.
        let before = Self.findings(asOf: "20.10.2025 12:00")
        #expect(before["OOSH14-3.2.4.5-CORRECTION-2W"] == nil)
        let j = Self.journal().asOf(Self.t("20.10.2025 12:00"))
        #expect(j.cells.map(\.value.raw) == ["4"] && j.changes.isEmpty)
        // As of 26.10 the correction (19 days after placing, limit 14) is reported, due when it was made.
        let after = Self.findings(asOf: "26.10.2025 12:00")
        let f = after["OOSH14-3.2.4.5-CORRECTION-2W"]
        #expect(f?.count == 1 && f?.first?.dueDate == Self.d("25.10.2025"))
    }

    @Test func recordsDueAfterTheMomentAreSkippedWithTheReasonNotJudged() throws {
        // As of 08.10 10:30 the lesson of 08.10 is not over: its topic/homework rules skip it.
        let report = Checker.check(pack: Self.pack, journal: Self.journal(), options: CheckOptions(asOf: Self.t("08.10.2025 10:30")))
        let o = try #require(report.outcomes.first { $0.ruleId == "OOSH14-3.2.4.8-HW-EMPTY" })
        #expect(o.checked == 1 && o.skipped == 1)
        #expect(o.skippedReasons.map(\.reason) == ["срок ещё не наступил на момент проверки (08.10.2025 10:30)"])
    }

    @Test func theDefaultMomentIsTheLatestEntry() {
        #expect(AsOfDefault.moment(Self.journal()) == Self.t("25.10.2025 10:00"))
        var noTimes = JournalBuilder(institution: Institution(name: "Ш"))
        noTimes.addLesson(Lesson(group: noTimes.group("5а"), subject: noTimes.subject("Алгебра"), date: Self.d("03.10.2025")))
        // Without entry times: the start of the last lesson day (that day's entries may still come).
        #expect(AsOfDefault.moment(noTimes.journal) == Self.t("03.10.2025 00:00"))
    }

    /// Entry times known to the day only: a day-level deadline judges them, an hour-level one skips.
    @Test func aDayOnlyEntryIsJudgedByTheDayNotAtMidnight() throws {
        let text = """
        pack T
        title "Т"
        document "Д"
        rule T-DAY {
          title "В день урока"
          clause "п. 1"
          severity нарушение
          tags отметки
          scope marks
          require entered_at <= end_of_day(lesson.date)
          message "{entered_at}"
          example triggers {
            lesson date=2025-09-01
            cell student="А" value=5 entered=2025-09-02T08:00
          }
          example passes {
            lesson date=2025-09-01
            cell student="А" value=5 entered=2025-09-01T08:00
          }
        }
        rule T-HOUR {
          title "До 12:00"
          clause "п. 2"
          severity нарушение
          tags отметки
          scope marks
          require entered_at <= start_of_day(lesson.date) + 12ч
          message "{entered_at}"
          example triggers {
            lesson date=2025-09-01
            cell student="А" value=5 entered=2025-09-01T13:00
          }
          example passes {
            lesson date=2025-09-01
            cell student="А" value=5 entered=2025-09-01T08:00
          }
        }
        """
        let pack = try PackLoader.load(text: text, file: "t.rules")
        var b = JournalBuilder(institution: Institution(name: "Ш"))
        let g = b.group("5а"), s = b.subject("Алгебра")
        let l = b.addLesson(Lesson(group: g, subject: s, date: Self.d("01.09.2025")))
        // Same day (02:00 would be midnight-late if read as 00:00 of the next day — it is not).
        b.addCell(Cell(lesson: l, student: b.student("А", group: g), value: CellValue(parsing: "5"), enteredAt: .dayOnly(Self.d("01.09.2025"))))
        // The next day: late whatever the hour.
        b.addCell(Cell(lesson: l, student: b.student("Б", group: g), value: CellValue(parsing: "4"), enteredAt: .dayOnly(Self.d("02.09.2025"))))
        let report = Checker.check(pack: pack, journal: b.journal, options: CheckOptions(asOf: Self.t("10.09.2025 12:00")))
        let day = try #require(report.outcomes.first { $0.ruleId == "T-DAY" })
        #expect(day.checked == 2 && day.violations == 1)
        #expect(report.findings.first { $0.ruleId == "T-DAY" }?.found == "02.09.2025 (время не указано)")
        let hour = try #require(report.outcomes.first { $0.ruleId == "T-HOUR" })
        // 01.09 (any hour) against 01.09 12:00: unknown → skipped; 02.09 is after 12:00 whatever the hour → violation.
        #expect(hour.checked == 1 && hour.violations == 1 && hour.skipped == 1)
        #expect(hour.skippedReasons.map(\.reason) == ["время внесения известно только с точностью до дня"])
    }
}
