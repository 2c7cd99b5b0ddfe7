/// A calendar date without a time zone: the date printed in a journal.
///
///     let d = LocalDate(year: 2025, month: 9, day: 1)!   // 01.09.2025, a Monday
///     d.adding(days: 3).description                      // "04.09.2025"
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (proleptic Gregorian).
    public let dayNumber: Int32

    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    /// Returns nil for an impossible date such as 31.02.2025.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        dayNumber = Int32(LocalDate.daysFromCivil(year: year, month: month, day: day))
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// Howard Hinnant's days_from_civil.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(dayNumber) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let r = (Int(dayNumber) + 3) % 7   // 1970-01-01 was a Thursday
        return (r < 0 ? r + 7 : r) + 1
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + Int32(days)) }

    public func days(until other: LocalDate) -> Int { Int(other.dayNumber - dayNumber) }

    /// Monday of the ISO week containing this date.
    public var weekStart: LocalDate { adding(days: -(weekday - 1)) }

    /// First day of the month.
    public var monthStart: LocalDate {
        let c = components
        return LocalDate(dayNumber: Int32(LocalDate.daysFromCivil(year: c.year, month: c.month, day: 1)))
    }

    /// `dd.MM.yyyy`, the form Russian documents use.
    public var description: String {
        let c = components
        return "\(LocalDate.pad2(c.day)).\(LocalDate.pad2(c.month)).\(c.year)"
    }

    /// `yyyy-MM-dd`.
    public var iso: String {
        let c = components
        return "\(c.year)-\(LocalDate.pad2(c.month))-\(LocalDate.pad2(c.day))"
    }

    static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }
}
