import Foundation
import JournalModel

/// The forms of entry times an export may use, so that every import path is exercised on the
/// same instants: `дд.мм.гггг ЧЧ:ММ:СС` (занятия.csv), ISO 8601 with the institution's offset
/// (изменения.csv «Изменено», the legacy lessons log) or in UTC with `Z` (итоговые.csv), and the
/// date alone (day-only) in the legacy marks log for some teachers. The seconds are a function
/// of the minute, so one moment written in two columns is still one moment.
struct EntryTimes: Sendable {
    let text: TextCache
    /// The institution's offset from UTC, minutes (Europe/Moscow +180, Asia/Yekaterinburg +300).
    let offsetMinutes: Int

    init(text: TextCache, timeZone: String) {
        self.text = text
        offsetMinutes = (TimeZone(identifier: timeZone)?.secondsFromGMT() ?? 10_800) / 60
    }

    static func second(_ s: Stamp) -> Int { Int(s.minutes % 59) }

    /// `01.09.2025 10:25:27`
    func withSeconds(_ s: Stamp) -> String { text.stamp(s) + ":" + Self.pad(Self.second(s)) }

    /// `2025-09-01T10:25:27+03:00`: local time and the institution's offset.
    func isoWithOffset(_ s: Stamp) -> String {
        let sign = offsetMinutes < 0 ? "-" : "+"
        return Self.iso(s) + sign + Self.pad(abs(offsetMinutes) / 60) + ":" + Self.pad(abs(offsetMinutes) % 60)
    }

    /// `2025-09-01T07:25:27Z`: the same moment in UTC.
    func utc(_ s: Stamp) -> String { Self.iso(s.adding(minutes: -offsetMinutes)) + "Z" }

    /// `01.09.2025`: the date alone (an export that did not keep the time).
    func dayOnly(_ s: Stamp) -> String { text.date(s.date) }

    /// Legacy marks logs of some teachers keep only the date of an entry (a fixed quarter of the
    /// teachers, by name).
    static func keepsDateOnly(_ teacher: String) -> Bool {
        teacher.unicodeScalars.reduce(UInt32(7)) { $0 &* 31 &+ $1.value } % 4 == 0
    }

    private static func iso(_ s: Stamp) -> String {
        let m = s.minuteOfDay
        return s.date.iso + "T" + pad(m / 60) + ":" + pad(m % 60) + ":" + pad(second(s))
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
