/// Parses the date and timestamp forms found in journal exports: `dd.mm.yyyy`, `dd.mm.yy`,
/// ISO `yyyy-mm-dd`, each optionally followed by a time `HH:MM[:SS[.fff]]`, separated by a
/// space or `T`, and an offset `Z` / `+03:00` / `+0300` / `+03`. A timestamp without a time is
/// known to the day only (`LocalDateTime.isDayOnly`), never 00:00.
///
///     DateParsing.date("01.09.2025")                 // 01.09.2025
///     DateParsing.date("31.02.2025")                 // nil: impossible date
///     DateParsing.timestamp("2025-09-01T10:25:00+05:00")?.offsetSeconds   // 18000
///     DateParsing.timestamp("02.09.2025")?.local.isDayOnly                // true
public enum DateParsing {
    /// A parsed timestamp; `offsetSeconds` is nil when the text carried no offset (then it is
    /// already local to the institution).
    public struct Timestamp: Hashable, Sendable {
        public var local: LocalDateTime
        public var offsetSeconds: Int?
        public init(local: LocalDateTime, offsetSeconds: Int? = nil) {
            self.local = local
            self.offsetSeconds = offsetSeconds
        }
    }

    /// A date alone. Two-digit years are 20yy.
    public static func date(_ text: Substring) -> LocalDate? { var t = text; return t.withUTF8 { date(bytes: $0) } }
    public static func date(_ text: String) -> LocalDate? { var t = text; return t.withUTF8 { date(bytes: $0) } }

    /// `date(_:)` on UTF-8 bytes (no String is made: the import parses fields in place).
    public static func date(bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        var s = Scanner(bytes)
        s.skipSpaces()
        guard let d = s.date() else { return nil }
        s.skipSpaces()
        return s.atEnd ? d : nil
    }

    /// A time of day `H:MM` or `HH:MM:SS` (or with dots: `9.25`).
    public static func time(_ text: Substring) -> TimeOfDay? { var t = text; return t.withUTF8 { time(bytes: $0) } }
    public static func time(_ text: String) -> TimeOfDay? { var t = text; return t.withUTF8 { time(bytes: $0) } }

    public static func time(bytes: UnsafeBufferPointer<UInt8>) -> TimeOfDay? {
        var s = Scanner(bytes)
        s.skipSpaces()
        guard let t = s.time() else { return nil }
        s.skipSpaces()
        return s.atEnd ? t : nil
    }

    /// A date with an optional time and optional offset; without a time the moment is known to
    /// the day only (`LocalDateTime.dayOnly`).
    public static func timestamp(_ text: Substring) -> Timestamp? { var t = text; return t.withUTF8 { timestamp(bytes: $0) } }
    public static func timestamp(_ text: String) -> Timestamp? { var t = text; return t.withUTF8 { timestamp(bytes: $0) } }

    public static func timestamp(bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var none = DatePrefix()
        return timestamp(bytes: bytes, datePrefix: &none)
    }

    /// The date at the start of the previous timestamp of a column: its bytes and the byte after
    /// them (the most `Scanner.date` reads), and the date they are. A column of entry moments
    /// repeats the day row after row while the minutes differ: the date is then not parsed
    /// again. Exact: the date is a function of the bytes it read, and a timestamp whose first
    /// bytes are those bytes reads the same.
    public struct DatePrefix {
        fileprivate var bytes: (UInt64, UInt64) = (0, 0)
        fileprivate var count = 0
        fileprivate var date = LocalDate(dayNumber: 0)
        public init() {}

        fileprivate func matches(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            guard count > 0, b.count - start >= count else { return false }
            return withUnsafeBytes(of: bytes) { mine in
                for k in 0..<count where mine[k] != b[start + k] { return false }
                return true
            }
        }

        fileprivate mutating func remember(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ d: LocalDate) {
            // The date's bytes and the one after (absent at the end: nothing is remembered).
            guard end < b.count, end + 1 - start <= 16 else { count = 0; return }
            count = end + 1 - start
            withUnsafeMutableBytes(of: &bytes) { mine in for k in 0..<count { mine[k] = b[start + k] } }
            date = d
        }
    }

    /// `timestamp(bytes:)`, the date read from `datePrefix` when the bytes start with its bytes.
    public static func timestamp(bytes: UnsafeBufferPointer<UInt8>, datePrefix: inout DatePrefix) -> Timestamp? {
        var s = Scanner(bytes)
        s.skipSpaces()
        let d: LocalDate
        if datePrefix.matches(bytes, at: s.i) {
            d = datePrefix.date
            s.i += datePrefix.count - 1
        } else {
            let start = s.i
            guard let parsed = s.date() else { return nil }
            d = parsed
            datePrefix.remember(bytes, from: start, to: s.i, d)
        }
        var time: TimeOfDay?
        var offset: Int?
        if s.peek == UInt8(ascii: "T") || s.peek == UInt8(ascii: "t") || s.peek == UInt8(ascii: " ") {
            s.advance()
            s.skipSpaces()
            if !s.atEnd {
                guard let t = s.time() else { return nil }
                time = t
                if s.peek == UInt8(ascii: ".") {   // fractional seconds are dropped
                    s.advance()
                    while let c = s.peek, c >= 48, c <= 57 { s.advance() }
                }
                s.skipSpaces()
                if let o = s.offset() { offset = o } else if !s.atEnd { return nil }
            }
        }
        s.skipSpaces()
        guard s.atEnd else { return nil }
        guard let time else { return Timestamp(local: .dayOnly(d)) }
        return Timestamp(local: LocalDateTime(date: d, time: time), offsetSeconds: offset)
    }

    /// A byte scanner over UTF-8; dates and times are ASCII.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        init(_ b: UnsafeBufferPointer<UInt8>) { bytes = b }

        var atEnd: Bool { i >= bytes.count }
        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }
        mutating func advance() { i += 1 }
        mutating func skipSpaces() { while let c = peek, c == 32 || c == 9 { i += 1 } }

        mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
            var v = 0, n = 0
            while n < maxDigits, let c = peek, c >= 48, c <= 57 { v = v * 10 + Int(c - 48); n += 1; i += 1 }
            return n == 0 ? nil : (v, n)
        }

        mutating func expect(_ c: UInt8) -> Bool {
            if peek == c { i += 1; return true }
            return false
        }

        mutating func date() -> LocalDate? {
            let start = i
            guard let first = number(maxDigits: 4) else { return nil }
            if first.digits == 4 {   // ISO yyyy-mm-dd
                guard expect(UInt8(ascii: "-")), let m = number(maxDigits: 2), m.digits == 2,
                      expect(UInt8(ascii: "-")), let d = number(maxDigits: 2), d.digits == 2
                else { i = start; return nil }
                return LocalDate(year: first.value, month: m.value, day: d.value)
            }
            guard first.digits <= 2 else { i = start; return nil }
            let sep = peek
            guard sep == UInt8(ascii: ".") || sep == UInt8(ascii: "/") else { i = start; return nil }
            advance()
            guard let m = number(maxDigits: 2), expect(sep!), let y = number(maxDigits: 4),
                  y.digits == 2 || y.digits == 4 else { i = start; return nil }
            return LocalDate(year: y.digits == 2 ? 2000 + y.value : y.value, month: m.value, day: first.value)
        }

        /// `H:MM`, `HH:MM:SS`; or with dots, `H.MM`, `HH.MM.SS`, as exports that print the
        /// lesson's «9.25» write it.
        mutating func time() -> TimeOfDay? {
            guard let h = number(maxDigits: 2), let sep = peek, sep == UInt8(ascii: ":") || sep == UInt8(ascii: ".") else { return nil }
            advance()
            guard let m = number(maxDigits: 2), m.digits == 2 else { return nil }
            var sec = 0
            if peek == sep {
                advance()
                guard let s = number(maxDigits: 2), s.digits == 2 else { return nil }
                sec = s.value
            }
            return TimeOfDay(hour: h.value, minute: m.value, second: sec)
        }

        mutating func offset() -> Int? {
            if expect(UInt8(ascii: "Z")) || expect(UInt8(ascii: "z")) { return 0 }
            guard let c = peek, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") else { return nil }
            advance()
            guard let h = number(maxDigits: 2), h.digits == 2, h.value <= 14 else { return nil }
            _ = expect(UInt8(ascii: ":"))
            let m = number(maxDigits: 2)?.value ?? 0
            guard m < 60 else { return nil }
            let v = h.value * 3600 + m * 60
            return c == UInt8(ascii: "-") ? -v : v
        }
    }
}
