import Testing
import JournalModel

@Suite("Working days: 5- and 6-day weeks, public holidays, school holidays")
struct CalendarTests {
    func d(_ s: String) -> LocalDate { DateParsing.date(s)! }

    @Test func sixDayWeekSkipsSundaysAndPublicHolidays() {
        let cal = SchoolCalendar(studyWeekDays: 6)
        // Fri 31.10.2025 + 3 working days: Sat 01.11 (working), Sun 02.11 off, Mon 03.11 and
        // Tue 04.11 public days off, Wed 05.11, Thu 06.11.
        #expect(cal.addingWorkingDays(3, to: d("31.10.2025")) == d("06.11.2025"))
        #expect(cal.isWorkingDay(d("01.11.2025")))
        #expect(!cal.isWorkingDay(d("04.11.2025")))
    }

    @Test func fiveDayWeekSkipsSaturdays() {
        let cal = SchoolCalendar(studyWeekDays: 5)
        #expect(cal.addingWorkingDays(1, to: d("05.12.2025")) == d("08.12.2025"))
        // 01.11.2025 is a Saturday made working by the 2025 transfer.
        #expect(cal.isWorkingDay(d("01.11.2025")))
    }

    @Test func schoolHolidaysAreNotWorkingDays() {
        let cal = SchoolCalendar(holidays: [DateSpan(name: "осенние каникулы", start: d("25.10.2025"), end: d("02.11.2025"))],
                                 studyWeekDays: 6)
        #expect(!cal.isWorkingDay(d("27.10.2025")))
        #expect(cal.workingDays(from: d("24.10.2025"), to: d("05.11.2025")) == 1)
    }

    @Test func periodLookupPrefersTheShortest() {
        let cal = SchoolCalendar(periods: [
            StudyPeriod(name: "2025/2026", kind: .year, start: d("01.09.2025"), end: d("31.05.2026")),
            StudyPeriod(name: "1 четверть", kind: .quarter, start: d("01.09.2025"), end: d("24.10.2025")),
        ])
        #expect(cal.period(containing: d("10.09.2025")) == 1)
        #expect(cal.period(containing: d("10.12.2025")) == 0)
    }

    @Test func suggestionsForTypos() {
        #expect(Suggestions.closest(to: "enterd_at", among: ["entered_at", "date"]) == "entered_at")
        #expect(Suggestions.closest(to: "xyz", among: ["entered_at"]) == nil)
    }

    @Test func diagnosticRendersFileLineColumnAndCaret() {
        let d = Diagnostic(location: SourceLocation(file: "r.rules", line: 4, column: 11),
                           message: "неизвестное поле `enterd_at`",
                           sourceLine: "  require enterd_at <= 1", hint: "возможно, `entered_at`?")
        #expect(d.rendered == """
        r.rules:4:11: ошибка: неизвестное поле `enterd_at`
            require enterd_at <= 1
                    ^
        подсказка: возможно, `entered_at`?
        """)
    }
}
