/// A wall-clock time within a day, to the second.
///
///     TimeOfDay(hour: 9, minute: 25)!.description   // "09:25"
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since midnight, 0..<86400.
    public let seconds: Int32

    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        seconds = Int32(hour * 3600 + minute * 60 + second)
    }

    public init(secondsSinceMidnight: Int32) {
        precondition((0..<86400).contains(secondsSinceMidnight))
        seconds = secondsSinceMidnight
    }

    public var hour: Int { Int(seconds) / 3600 }
    public var minute: Int { Int(seconds) % 3600 / 60 }
    public var second: Int { Int(seconds) % 60 }

    /// `HH:mm`, or `HH:mm:ss` when seconds are present.
    public var description: String {
        let base = "\(LocalDate.pad2(hour)):\(LocalDate.pad2(minute))"
        return second == 0 ? base : base + ":\(LocalDate.pad2(second))"
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.seconds < b.seconds }
}
