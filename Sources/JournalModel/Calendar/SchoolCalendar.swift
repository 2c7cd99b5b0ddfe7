/// The institution's calendar: study periods, school holidays, the bell schedule and the
/// working-day rules that "N рабочих дней" deadlines count with.
///
///     var cal = SchoolCalendar(studyWeekDays: 6)
///     cal.addingWorkingDays(3, to: LocalDate(year: 2025, month: 10, day: 31)!)   // 05.11.2025 (03 and 04.11 are days off)
public struct SchoolCalendar: Hashable, Sendable {
    public var periods: [StudyPeriod]
    public var holidays: [DateSpan]
    public var bells: [BellSlot]
    public var studyWeekDays: Int
    public var production: ProductionCalendar

    public init(periods: [StudyPeriod] = [], holidays: [DateSpan] = [], bells: [BellSlot] = [],
                studyWeekDays: Int = 5, production: ProductionCalendar = .russia) {
        self.periods = periods
        self.holidays = holidays
        self.bells = bells
        self.studyWeekDays = studyWeekDays
        self.production = production
    }

    /// A study day: not Sunday (nor Saturday in a 5-day week, unless a transfer made it
    /// working), not a public holiday or transferred day off, not in the school holidays.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if holidays.contains(where: { $0.contains(date) }) { return false }
        if production.isNonWorking(date) { return false }
        switch date.weekday {
        case 7: return production.isExtraWorking(date)
        case 6: return studyWeekDays >= 6 || production.isExtraWorking(date)
        default: return true
        }
    }

    /// The date `n` working days after `date` (n ≥ 0; n = 0 returns `date`).
    public func addingWorkingDays(_ n: Int, to date: LocalDate) -> LocalDate {
        var d = date
        var left = n
        while left > 0 {
            d = d.adding(days: 1)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    /// Working days strictly after `from` up to and including `to` (0 when `to <= from`).
    public func workingDays(from: LocalDate, to: LocalDate) -> Int {
        guard to > from else { return 0 }
        var n = 0
        var d = from.adding(days: 1)
        while d <= to {
            if isWorkingDay(d) { n += 1 }
            d = d.adding(days: 1)
        }
        return n
    }

    /// The study period containing `date`, preferring the shortest (a quarter over the year).
    public func period(containing date: LocalDate) -> PeriodID? {
        var best: (PeriodID, Int)?
        for (i, p) in periods.enumerated() where p.contains(date) {
            let len = p.start.days(until: p.end)
            if let b = best, b.1 <= len { continue }
            best = (PeriodID(i), len)
        }
        return best?.0
    }

    /// The bell slot for a lesson number.
    public func bell(number: Int) -> BellSlot? { bells.first { $0.number == number } }
}
