/// A date and time in the institution's time zone (timestamps in a journal carry no offset;
/// an offset, where an export has one, is converted on import).
///
///     let t = LocalDateTime(date: LocalDate(year: 2025, month: 9, day: 1)!, time: TimeOfDay(hour: 10, minute: 25)!)
///     t.description                                  // "01.09.2025 10:25"
///     t.date.endOfDay.seconds(since: t)              // 48900: until 24:00 of the lesson date
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01 00:00 local civil time.
    public let seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public init(date: LocalDate, time: TimeOfDay) {
        seconds = Int64(date.dayNumber) * 86400 + Int64(time.seconds)
    }

    public var date: LocalDate {
        LocalDate(dayNumber: Int32(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400))
    }

    public var time: TimeOfDay {
        let r = seconds % 86400
        return TimeOfDay(secondsSinceMidnight: Int32(r < 0 ? r + 86400 : r))
    }

    public func adding(seconds delta: Int64) -> LocalDateTime { LocalDateTime(seconds: seconds + delta) }

    /// `self - other` in seconds.
    public func seconds(since other: LocalDateTime) -> Int64 { seconds - other.seconds }

    /// `dd.MM.yyyy HH:mm`.
    public var description: String { "\(date) \(time)" }

    /// `yyyy-MM-ddTHH:mm:ss`.
    public var iso: String {
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
