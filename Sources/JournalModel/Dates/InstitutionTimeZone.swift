import Foundation

/// The institution's time zone (Russia spans UTC+2…UTC+12; the default is Europe/Moscow).
/// Converts timestamps that carry an offset into local time; timestamps without one are
/// already local.
///
///     let tz = InstitutionTimeZone(identifier: "Asia/Yekaterinburg")!
///     tz.local(DateParsing.timestamp("2025-09-01T07:25:00+03:00")!)   // 01.09.2025 09:25
public struct InstitutionTimeZone: Hashable, Sendable {
    public let identifier: String
    private let zone: TimeZone

    public static let moscow = InstitutionTimeZone(identifier: "Europe/Moscow")!

    public init?(identifier: String) {
        guard let z = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        zone = z
    }

    /// Local wall-clock time of a parsed timestamp.
    public func local(_ t: DateParsing.Timestamp) -> LocalDateTime {
        guard let offset = t.offsetSeconds else { return t.local }
        let utcSeconds = t.local.seconds - Int64(offset)
        let date = Date(timeIntervalSince1970: TimeInterval(utcSeconds))
        return LocalDateTime(seconds: utcSeconds + Int64(zone.secondsFromGMT(for: date)))
    }

    public static func == (a: Self, b: Self) -> Bool { a.identifier == b.identifier }
    public func hash(into h: inout Hasher) { h.combine(identifier) }
}
