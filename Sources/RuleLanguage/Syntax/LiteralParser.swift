import JournalModel

extension Parser {
    static let dayWords: Set<String> = ["день", "дня", "дней"]
    static let hourWords: Set<String> = ["ч", "час", "часа", "часов"]
    static let minuteWords: Set<String> = ["м", "мин", "минута", "минуты", "минут"]
    static let workingWords: Set<String> = ["рабочий", "рабочих"]

    /// A literal: number, percent, duration, string, date, moment, true/false or a set of strings.
    mutating func parseLiteral() -> Literal? {
        let t = tok
        switch t.kind {
        case .number(let v):
            _ = next()
            return numberTail(v, at: t)
        case .numWord(let s):
            _ = next()
            if let secs = Parser.compactDuration(s) { return .duration(secs) }
            if let days = Parser.compactDays(s) { return .days(days, working: false) }
            error(.badDuration, t, "непонятная продолжительность «\(s)»",
                  hint: "пишите `3 дня`, `3 рабочих дня`, `1ч30м`, `90 мин` или `2 часа`")
            return nil
        case .string(let s): _ = next(); return .text(s)
        case .date(let d): _ = next(); return .date(d)
        case .dateTime(let d): _ = next(); return .dateTime(d)
        case .ident("true"): _ = next(); return .bool(true)
        case .ident("false"): _ = next(); return .bool(false)
        case .punct("{"):
            _ = next()
            var items: [String] = []
            while !tok.isPunct("}") {
                guard case .string(let s) = tok.kind else {
                    error(.syntax, tok, "в множестве ожидалась строка в кавычках, а найдено \(tok.shown)")
                    while !tok.isPunct("}") && !tok.isEOF && !(tok.startsLine && nesting == 0) { _ = next() }
                    break
                }
                _ = next()
                items.append(s)
                if tok.isPunct(",") { _ = next() } else { break }
            }
            if tok.isPunct("}") { _ = next() } else {
                error(.syntax, tok, "множество не закрыто скобкой `}`")
            }
            return .set(items)
        default:
            error(.syntax, t, "ожидалось значение (число, срок, строка, дата), а найдено \(t.shown)")
            return nil
        }
    }

    /// After a number: `%`, `дня`, `рабочих дня`, `часа`, `минут`, or nothing.
    mutating func numberTail(_ v: Double, at t: Token) -> Literal? {
        if tok.isPunct("%"), !tok.spaceBefore { _ = next(); return .percent(v) }
        guard !atExprEnd, let w = tok.identText?.lowercased() else { return .number(v) }
        let n = Int(v)
        if Parser.dayWords.contains(w) { _ = next(); return .days(n, working: false) }
        if Parser.workingWords.contains(w) {
            _ = next()
            if let d = tok.identText?.lowercased(), Parser.dayWords.contains(d), !atExprEnd {
                _ = next()
                return .days(n, working: true)
            }
            error(.badDuration, tok, "после «\(w)» ожидалось «день», «дня» или «дней»")
            return nil
        }
        if Parser.hourWords.contains(w) { _ = next(); return .duration(Int64(v * 3600)) }
        if Parser.minuteWords.contains(w) { _ = next(); return .duration(Int64(v * 60)) }
        return .number(v)
    }

    /// `1ч30м`, `2ч`, `45м`, `90мин` → seconds.
    static func compactDuration(_ s: String) -> Int64? {
        var total: Int64 = 0
        var digits = ""
        var unit = ""
        var parts: [(String, String)] = []
        for c in s {
            if c.isASCII && c.isNumber {
                if !unit.isEmpty { parts.append((digits, unit)); digits = ""; unit = "" }
                digits.append(c)
            } else {
                unit.append(c)
            }
        }
        parts.append((digits, unit))
        for (d, u) in parts {
            guard let n = Int64(d) else { return nil }
            let lu = u.lowercased()
            if hourWords.contains(lu) { total += n * 3600 } else if minuteWords.contains(lu) { total += n * 60 } else { return nil }
        }
        return total
    }

    /// `3дня`, `1день` → days.
    static func compactDays(_ s: String) -> Int? {
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        let rest = s.dropFirst(digits.count).lowercased()
        guard let n = Int(digits), dayWords.contains(rest) else { return nil }
        return n
    }
}
