import JournalModel

/// Pre-rendered `dd.mm.yyyy` and `HH:MM` strings: formatting millions of timestamps through
/// date arithmetic would dominate the generator's run time.
struct TextCache: Sendable {
    private let firstDay: Int32
    private let dates: [String]
    private let minutes: [String]

    init(from: LocalDate, to: LocalDate) {
        firstDay = from.dayNumber
        dates = (from.dayNumber...to.dayNumber).map { LocalDate(dayNumber: $0).description }
        minutes = (0..<1440).map { m in
            (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
        }
    }

    func date(_ d: LocalDate) -> String {
        let i = Int(d.dayNumber - firstDay)
        return i >= 0 && i < dates.count ? dates[i] : d.description
    }

    /// `HH:MM` of a minute of the day (0..<1440).
    func time(minute: Int) -> String { minutes[minute] }

    func time(_ t: TimeOfDay) -> String { minutes[Int(t.seconds) / 60] }

    /// `dd.mm.yyyy HH:MM` of a timestamp in minutes since the epoch (local).
    func stamp(_ s: Stamp) -> String {
        let day = Int32(s.minutes / 1440)
        return date(LocalDate(dayNumber: day)) + " " + minutes[Int(s.minutes % 1440)]
    }
}

/// A local timestamp to the minute; the generator's entry times.
struct Stamp: Hashable, Comparable, Sendable {
    var minutes: Int64

    init(minutes: Int64) { self.minutes = minutes }
    init(_ date: LocalDate, minute: Int) { minutes = Int64(date.dayNumber) * 1440 + Int64(minute) }

    var date: LocalDate { LocalDate(dayNumber: Int32(minutes / 1440)) }
    var minuteOfDay: Int { Int(minutes % 1440) }
    func adding(minutes m: Int) -> Stamp { Stamp(minutes: minutes + Int64(m)) }
    func adding(days d: Int) -> Stamp { Stamp(minutes: minutes + Int64(d) * 1440) }
    static func < (a: Stamp, b: Stamp) -> Bool { a.minutes < b.minutes }
}
