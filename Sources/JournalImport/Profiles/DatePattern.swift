import JournalModel

/// A date/time format of a profile, written with Russian letters:
///
///     DatePattern("дд.мм.гггг чч:ми")!.timestamp("01.09.2025 13:31")          // 01.09.2025 13:31
///     DatePattern("ДД.ММ.ГГГГ ЧЧ:ММ")!                                          // the same: case does not matter,
///                                                                              // and «ММ» after «ЧЧ:» is minutes
///     DatePattern("гггг-мм-ддTчч:ми:сс")!.timestamp("2025-09-02T10:25:07.250")  // fractions of a second dropped
///     DatePattern("гггг-мм-ддTчч:ми:ссзона")!.parse("2025-09-02T07:25:00+03:00")?.offsetSeconds   // 10800
///
/// Tokens: `дд` day, `мм` month, `гггг` or `гг` year, `чч` hour, `ми` minute, `сс` second
/// (a fraction after it is read and dropped), `зона` an offset (`Z`, `+03:00`, `+0300`,
/// `+03`; the time is then converted to the institution's time zone). Anything else must
/// match as written (letters in any case). Days, months, hours may have one digit.
public struct DatePattern: Sendable, Equatable {
    enum Token: Hashable { case day, month, year4, year2, hour, minute, second, zone, literal(Character) }
    let tokens: [Token]
    public let text: String

    public init?(_ text: String) {
        var t: [Token] = []
        var s = Substring(text.lowercased())
        while let c = s.first {
            let two = String(s.prefix(2))
            if s.hasPrefix("гггг") { t.append(.year4); s = s.dropFirst(4); continue }
            if s.hasPrefix("зона") { t.append(.zone); s = s.dropFirst(4); continue }
            switch two {
            case "дд": t.append(.day)
            case "мм":
                // «ЧЧ:ММ» as people write it: minutes after an hour.
                let afterHour = t.last == .literal(":") && t.dropLast().last == .hour
                t.append(afterHour ? .minute : .month)
            case "гг": t.append(.year2)
            case "чч": t.append(.hour)
            case "ми": t.append(.minute)
            case "сс": t.append(.second)
            default: t.append(.literal(c)); s = s.dropFirst(); continue
            }
            s = s.dropFirst(2)
        }
        guard t.contains(.day) || t.contains(.hour) else { return nil }
        guard t.contains(.day) == t.contains(.month) else { return nil }
        tokens = t
        self.text = text
    }

    /// The text the workbook reader gives a cell typed as a date or time (`CellFormat`).
    static let typedCell = DatePattern("дд.мм.гггг чч:ми:сс")!

    /// The pattern has a time of day.
    public var hasTime: Bool { tokens.contains(.hour) }

    /// Parses `text`: a date and time with its offset when the pattern has `зона`; nil if it
    /// does not match or names an impossible date/time. A pattern with a time matches a text
    /// that stops before it (the date alone): that entry is known to the day only.
    public func parse(_ text: String) -> DateParsing.Timestamp? {
        var chars = Substring(text.trimmingSpaces())
        var v: [Token: Int] = [:]
        var offset: Int?
        var dayOnly = false
        func number(_ maxDigits: Int) -> Int? {
            let digits = chars.prefix(while: { $0.isASCII && $0.isNumber }).prefix(maxDigits)
            guard !digits.isEmpty, let n = Int(digits) else { return nil }
            chars = chars.dropFirst(digits.count)
            return n
        }
        for (k, tok) in tokens.enumerated() {
            if chars.isEmpty, hasTime, v[.hour] == nil, v[.minute] == nil, tok != .day, tok != .month, tok != .year4, tok != .year2,
               !tokens[k...].contains(.day), !tokens[k...].contains(.month), !tokens[k...].contains(.year4), !tokens[k...].contains(.year2) {
                dayOnly = true
                break
            }
            // Seconds may be left out («10:25» where the pattern says «чч:ми:сс»).
            if chars.isEmpty, tok == .literal(":"), k + 2 == tokens.count, tokens[k + 1] == .second { break }
            switch tok {
            case .literal(let c):
                guard let f = chars.first, f == c || f.lowercased() == String(c) else { return nil }
                chars = chars.dropFirst()
            case .year4: guard let n = number(4) else { return nil }; v[.year4] = n
            case .year2: guard let n = number(2) else { return nil }; v[.year4] = 2000 + n
            case .second:
                guard let n = number(2) else { return nil }
                v[.second] = n
                if chars.first == "." || chars.first == "," {
                    let rest = chars.dropFirst()
                    let frac = rest.prefix(while: { $0.isASCII && $0.isNumber })
                    if !frac.isEmpty { chars = rest.dropFirst(frac.count) }
                }
            case .zone:
                guard let o = Self.offset(&chars) else { return nil }
                offset = o
            default: guard let n = number(2) else { return nil }; v[tok] = n
            }
        }
        guard chars.isEmpty, let y = v[.year4], let m = v[.month], let d = v[.day],
              let date = LocalDate(year: y, month: m, day: d) else { return nil }
        if dayOnly || !hasTime { return DateParsing.Timestamp(local: .dayOnly(date)) }
        guard let time = TimeOfDay(hour: v[.hour] ?? 0, minute: v[.minute] ?? 0, second: v[.second] ?? 0) else { return nil }
        return DateParsing.Timestamp(local: LocalDateTime(date: date, time: time), offsetSeconds: offset)
    }

    /// `parse` without converting an offset (the wall-clock time as written).
    public func timestamp(_ text: String) -> LocalDateTime? { parse(text)?.local }

    /// `Z`, `+03:00`, `+0300`, `+03`, `-05:00`.
    static func offset(_ s: inout Substring) -> Int? {
        if s.first == "Z" || s.first == "z" { s = s.dropFirst(); return 0 }
        guard let sign = s.first, sign == "+" || sign == "-" || sign == "−" else { return nil }
        var rest = s.dropFirst()
        let h = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard h.count == 2 || h.count == 4, let hv = Int(h.prefix(2)) else { return nil }
        rest = rest.dropFirst(h.count)
        var mv = h.count == 4 ? Int(h.suffix(2)) ?? 0 : 0
        if h.count == 2, rest.first == ":" {
            let m = rest.dropFirst().prefix(while: { $0.isASCII && $0.isNumber })
            guard m.count == 2, let mm = Int(m) else { return nil }
            mv = mm
            rest = rest.dropFirst(3)
        }
        guard hv <= 14, mv < 60 else { return nil }
        s = rest
        let v = hv * 3600 + mv * 60
        return sign == "+" ? v : -v
    }
}
