import JournalModel

/// The study year 2025/2026 of one institution: periods, holidays, bells, the working-day
/// calendar (Russian production calendar + school holidays + 5- or 6-day week).
struct StudyYear: Sendable {
    var calendar: SchoolCalendar
    /// Study periods marks are given for (quarters or semesters), in order; the year is last
    /// in `calendar.periods`.
    var terms: [StudyPeriod]
    var year: StudyPeriod
    /// Public holidays and transferred days off that fall on would-be study days.
    var publicHolidays: [LocalDate]

    static func date(_ d: Int, _ m: Int, _ y: Int) -> LocalDate {
        guard let v = LocalDate(year: y, month: m, day: d) else { preconditionFailure("bad built-in date") }
        return v
    }

    static func school(studyWeekDays: Int, periods: PeriodScheme = .quarters) -> StudyYear {
        let d = date
        let terms: [StudyPeriod]
        switch periods {
        case .quarters:
            terms = [
                StudyPeriod(name: "1 четверть", kind: .quarter, start: d(1, 9, 2025), end: d(24, 10, 2025)),
                StudyPeriod(name: "2 четверть", kind: .quarter, start: d(5, 11, 2025), end: d(26, 12, 2025)),
                StudyPeriod(name: "3 четверть", kind: .quarter, start: d(12, 1, 2026), end: d(20, 3, 2026)),
                StudyPeriod(name: "4 четверть", kind: .quarter, start: d(30, 3, 2026), end: d(26, 5, 2026)),
            ]
        case .trimesters:
            // Trimesters span the holidays (a school on trimesters keeps the usual holidays).
            terms = [
                StudyPeriod(name: "1 триместр", kind: .trimester, start: d(1, 9, 2025), end: d(28, 11, 2025)),
                StudyPeriod(name: "2 триместр", kind: .trimester, start: d(1, 12, 2025), end: d(27, 2, 2026)),
                StudyPeriod(name: "3 триместр", kind: .trimester, start: d(2, 3, 2026), end: d(26, 5, 2026)),
            ]
        case .halves:
            terms = [
                StudyPeriod(name: "1 полугодие", kind: .halfYear, start: d(1, 9, 2025), end: d(26, 12, 2025)),
                StudyPeriod(name: "2 полугодие", kind: .halfYear, start: d(12, 1, 2026), end: d(26, 5, 2026)),
            ]
        }
        let holidays = [
            DateSpan(name: "осенние каникулы", start: d(25, 10, 2025), end: d(4, 11, 2025)),
            DateSpan(name: "зимние каникулы", start: d(27, 12, 2025), end: d(11, 1, 2026)),
            DateSpan(name: "весенние каникулы", start: d(21, 3, 2026), end: d(29, 3, 2026)),
        ]
        return make(terms: terms, holidays: holidays, studyWeekDays: studyWeekDays,
                    bells: bells([(8, 30), (9, 25), (10, 30), (11, 35), (12, 40), (13, 35), (14, 30)], minutes: 45))
    }

    static func college() -> StudyYear {
        let d = date
        let terms = [
            StudyPeriod(name: "1 семестр", kind: .semester, start: d(1, 9, 2025), end: d(27, 12, 2025)),
            StudyPeriod(name: "2 семестр", kind: .semester, start: d(12, 1, 2026), end: d(27, 6, 2026)),
        ]
        let holidays = [DateSpan(name: "зимние каникулы", start: d(29, 12, 2025), end: d(11, 1, 2026))]
        return make(terms: terms, holidays: holidays, studyWeekDays: 6,
                    bells: bells([(8, 30), (10, 10), (12, 10), (13, 50), (15, 30)], minutes: 90))
    }

    private static func bells(_ starts: [(Int, Int)], minutes: Int) -> [BellSlot] {
        starts.enumerated().map { i, s in
            let start = s.0 * 60 + s.1
            let end = start + minutes
            guard let a = TimeOfDay(hour: start / 60, minute: start % 60),
                  let b = TimeOfDay(hour: end / 60, minute: end % 60) else { preconditionFailure("bad bell") }
            return BellSlot(number: i + 1, start: a, end: b)
        }
    }

    private static func make(terms: [StudyPeriod], holidays: [DateSpan], studyWeekDays: Int, bells: [BellSlot]) -> StudyYear {
        guard let first = terms.first, let last = terms.last else { preconditionFailure("no terms") }
        let year = StudyPeriod(name: "2025/2026", kind: .year, start: first.start, end: last.end)
        let cal = SchoolCalendar(periods: terms + [year], holidays: holidays, bells: bells, studyWeekDays: studyWeekDays)
        var publicHolidays: [LocalDate] = []
        var day = year.start
        while day <= year.end {
            let inHolidays = holidays.contains { $0.contains(day) }
            let studyWeekday = day.weekday <= studyWeekDays
            if !inHolidays && studyWeekday && cal.production.isNonWorking(day) { publicHolidays.append(day) }
            day = day.adding(days: 1)
        }
        return StudyYear(calendar: cal, terms: terms, year: year, publicHolidays: publicHolidays)
    }

    /// Study days of the year in order (inside a term and a working day of the calendar).
    var studyDays: [LocalDate] {
        var days: [LocalDate] = []
        for term in terms {
            var day = term.start
            while day <= term.end {
                if calendar.isWorkingDay(day) { days.append(day) }
                day = day.adding(days: 1)
            }
        }
        return days
    }

    /// Index into `terms` of the term containing `date`.
    func termIndex(of date: LocalDate) -> Int? { terms.firstIndex { $0.contains(date) } }
}
