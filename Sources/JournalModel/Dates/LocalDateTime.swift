/// A date and time in the institution's time zone (timestamps in a journal carry no offset;
/// an offset, where an export has one, is converted on import).
///
///     let t = LocalDateTime(date: LocalDate(year: 2025, month: 9, day: 1)!, time: TimeOfDay(hour: 10, minute: 25)!)
///     t.description                                  // "01.09.2025 10:25"
///     t.date.endOfDay.seconds(since: t)              // 48900: until 24:00 of the lesson date
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01 00:00 local civil time. For a day-only entry: 00:00 of that day.
    public let seconds: Int64
    /// The export gave the date only («02.09.2025» in an entry-time column): the moment is some
    /// time in `[seconds, seconds + 86400)`, never 00:00 itself. Deadline rules at day precision
    /// can still judge it; rules at hour precision count it as skipped («время не указано»).
    /// (A Bool costs nothing: `LocalDateTime?` keeps a 16-byte stride either way.)
    public let isDayOnly: Bool

    public init(seconds: Int64) { self.seconds = seconds; isDayOnly = false }

    public init(date: LocalDate, time: TimeOfDay) {
        seconds = Int64(date.dayNumber) * 86400 + Int64(time.seconds)
        isDayOnly = false
    }

    /// An entry known to the day only.
    public static func dayOnly(_ date: LocalDate) -> LocalDateTime { LocalDateTime(dayOnly: date) }

    private init(dayOnly date: LocalDate) {
        seconds = Int64(date.dayNumber) * 86400
        isDayOnly = true
    }

    /// The latest moment the entry may have been made: itself, or 24:00 of its day when day-only.
    public var latestSeconds: Int64 { isDayOnly ? seconds + 86400 : seconds }

    public var date: LocalDate {
        LocalDate(dayNumber: Int32(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400))
    }

    public var time: TimeOfDay {
        let r = seconds % 86400
        return TimeOfDay(secondsSinceMidnight: Int32(r < 0 ? r + 86400 : r))
    }

    /// A moment `delta` seconds later (a day-only entry keeps its precision only for whole days).
    public func adding(seconds delta: Int64) -> LocalDateTime {
        isDayOnly && delta % 86400 == 0 ? LocalDateTime(dayOnly: LocalDate(dayNumber: Int32((seconds + delta) / 86400)))
                                        : LocalDateTime(seconds: seconds + delta)
    }

    /// `self - other` in seconds.
    public func seconds(since other: LocalDateTime) -> Int64 { seconds - other.seconds }

    /// `dd.MM.yyyy HH:mm`; a day-only entry prints as `dd.MM.yyyy`.
    public var description: String { isDayOnly ? "\(date)" : "\(date) \(time)" }

    /// As a moment people name: 00:00 is «24:00» of the day before («на 20.12.2025 24:00» — at the
    /// end of that day), anything else as `description`.
    public var momentText: String {
        if !isDayOnly, time.seconds == 0 { return "\(LocalDateTime(seconds: seconds - 1).date) 24:00" }
        return description
    }

    /// `yyyy-MM-ddTHH:mm:ss`.
    public var iso: String {
        if isDayOnly { return date.iso }
        let t = time
        return "\(date.iso)T\(LocalDate.pad2(t.hour)):\(LocalDate.pad2(t.minute)):\(LocalDate.pad2(t.second))"
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.seconds < b.seconds }
}

extension LocalDate {
    /// 00:00 of this date.
    public var startOfDay: LocalDateTime { LocalDateTime(seconds: Int64(dayNumber) * 86400) }
    /// 24:00 of this date (= 00:00 of the next): "в день проведения" ends here.
    public var endOfDay: LocalDateTime { LocalDateTime(seconds: Int64(dayNumber + 1) * 86400) }
}
