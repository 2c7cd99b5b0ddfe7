import JournalModel

extension Parser {
    /// A literal: number, percent, duration, string, date, moment, true/false or a set of strings.
    mutating func parseLiteral() -> Literal? {
        let t = tok
        switch t.kind {
        case .number(let v):
            _ = next()
            guard v.isFinite else {
                error(.syntax, t, "слишком большое число «\(t.raw.prefix(30))»")
                return nil
            }
            return numberTail(v, at: t)
        case .numWord(let s):
            _ = next()
            return compactLiteral(s, at: t)
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

    /// After a number: `%`, a unit (`дня`, `рабочих дня`, `недели`, `часа`, `мин.`), a compound
    /// duration (`1 ч 30 мин`), a decimal comma (`1,5 часа`), or nothing.
    mutating func numberTail(_ v: Double, at t: Token) -> Literal? {
        if tok.isPunct("%"), !tok.spaceBefore { _ = next(); return .percent(v) }
        var value = v
        // `1,5 часа`: a comma glued to both numbers and followed by a unit is a decimal comma.
        if tok.isPunct(","), !tok.spaceBefore, case .number(let frac) = peek().kind, !peek().spaceBefore,
           peek(2).identText.map({ DurationUnits.unit(of: $0) != nil || DurationUnits.workingWords.contains($0.lowercased()) }) == true {
            value = Double("\(t.raw).\(peek().raw)") ?? (v + frac)
            _ = next(); _ = next()
        }
        guard !atExprEnd, let w = tok.identText else { return .number(value) }
        if Parser.reserved.contains(w) { return .number(value) }
        var acc = DurationAccumulator()
        var amount = value
        var amountTok = t
        while true {
            guard let unit = parseUnit() else { return nil }
            if let problem = acc.add(amount, unit) {
                error(.badDuration, amountTok, problem.message, hint: problem.hint)
                return nil
            }
            // Another `число единица` pair continues the duration: `1 ч 30 мин`, `2 недели 3 дня`.
            guard !atExprEnd, case .number(let n) = tok.kind, let nextWord = peek().identText,
                  !peek().startsLine, DurationUnits.unit(of: nextWord) != nil || DurationUnits.workingWords.contains(nextWord.lowercased())
            else { break }
            amountTok = next()
            amount = n
        }
        switch acc.result() {
        case .success(let lit): return lit
        case .failure(let problem):
            error(.badDuration, t, problem.message, hint: problem.hint)
            return nil
        }
    }

    /// A unit word at `tok` (with an optional glued `.`: `дн.`, `мин.`); reports an unknown one.
    mutating func parseUnit() -> DurationUnits.Unit? {
        let wt = tok
        guard let w = wt.identText else { return nil }
        _ = next()
        if tok.isPunct("."), !tok.spaceBefore, !atExprEnd, DurationUnits.abbreviations.contains(w.lowercased()) { _ = next() }
        if DurationUnits.workingWords.contains(w.lowercased()) {
            let dt = tok
            if let d = dt.identText, !atExprEnd, DurationUnits.unit(of: d) == .days {
                _ = next()
                if tok.isPunct("."), !tok.spaceBefore, !atExprEnd, DurationUnits.abbreviations.contains(d.lowercased()) { _ = next() }
                return .workingDays
            }
            error(.badDuration, dt, "после «\(w)» ожидалось «день», «дня», «дней» или «дн.»", hint: DurationUnits.hint)
            return nil
        }
        guard let u = DurationUnits.unit(of: w) else {
            error(.badDuration, wt, "непонятная единица срока «\(w)»", hint: DurationUnits.hint)
            return nil
        }
        return u
    }

    /// `3дня`, `2нед`, `1ч30м`, `90мин` — a number glued to its unit.
    mutating func compactLiteral(_ s: String, at t: Token) -> Literal? {
        var acc = DurationAccumulator()
        var digits = "", word = ""
        var parts: [(String, String)] = []
        for c in s {
            if c.isASCII && (c.isNumber || c == ".") && word.isEmpty {
                digits.append(c)
            } else if c.isASCII && c.isNumber {
                parts.append((digits, word)); digits = String(c); word = ""
            } else {
                word.append(c)
            }
        }
        parts.append((digits, word))
        for (d, w) in parts {
            guard let n = Double(d), n.isFinite, let u = DurationUnits.unit(of: w) else {
                error(.badDuration, t, "непонятная продолжительность «\(s)»", hint: DurationUnits.hint)
                return nil
            }
            if let problem = acc.add(n, u) {
                error(.badDuration, t, problem.message, hint: problem.hint)
                return nil
            }
        }
        switch acc.result() {
        case .success(let lit): return lit
        case .failure(let problem):
            error(.badDuration, t, problem.message, hint: problem.hint)
            return nil
        }
    }
}

/// The words of durations in rule files and the bounds of their values.
public enum DurationUnits {
    public enum Unit: Sendable, Equatable { case days, workingDays, weeks, hours, minutes }

    static let dayWords: Set<String> = ["день", "дня", "дней", "дн", "сутки", "суток", "сут"]
    static let weekWords: Set<String> = ["неделя", "недели", "недель", "неделю", "нед"]
    static let hourWords: Set<String> = ["ч", "час", "часа", "часов"]
    static let minuteWords: Set<String> = ["м", "мин", "минута", "минуты", "минут", "минуту"]
    static let workingWords: Set<String> = ["рабочий", "рабочих", "рабочего", "раб"]
    /// Short forms that may carry a dot: `3 дн.`, `2 нед.`, `90 мин.`, `1 ч.`, `3 раб. дня`.
    static let abbreviations: Set<String> = ["дн", "нед", "мин", "ч", "м", "сут", "раб"]

    /// The longest term a rule may name: 100 years (36 600 days). Larger numbers are a typo, and
    /// would overflow date arithmetic.
    public static let maxDays = 36_600
    public static let maxSeconds = Int64(maxDays) * 86_400

    public static let hint = "понимаются дни (3 дня, 3 дн.), рабочие дни (3 рабочих дня), недели (2 недели, 2 нед.), "
        + "часы (2 ч, 2 часа), минуты (90 мин, 90 минут); можно сочетать и писать слитно: «1 ч 30 мин», «1ч30м»; "
        + "дробное число — через запятую: «1,5 часа»"

    static func unit(of word: String) -> Unit? {
        let w = word.lowercased()
        if dayWords.contains(w) { return .days }
        if weekWords.contains(w) { return .weeks }
        if hourWords.contains(w) { return .hours }
        if minuteWords.contains(w) { return .minutes }
        return nil
    }
}

/// Sums the parts of a duration (`2 недели 3 дня`, `1 ч 30 мин`) and decides its kind: whole
/// calendar days, working days, or an exact duration in seconds.
struct DurationAccumulator {
    struct Problem: Error { var message: String; var hint: String? }

    var days = 0.0
    var seconds = 0.0
    var working = false
    var parts = 0

    mutating func add(_ amount: Double, _ unit: DurationUnits.Unit) -> Problem? {
        guard amount.isFinite, amount >= 0 else { return Problem(message: "срок должен быть неотрицательным числом") }
        parts += 1
        if working || (unit == .workingDays && parts > 1) {
            return Problem(message: "рабочие дни не складываются с другими единицами", hint: "пишите одно число: `5 рабочих дней`")
        }
        switch unit {
        case .days: days += amount
        case .weeks: days += amount * 7
        case .workingDays: days += amount; working = true
        case .hours: seconds += amount * 3600
        case .minutes: seconds += amount * 60
        }
        let total = days * 86_400 + seconds
        if total > Double(DurationUnits.maxSeconds) {
            return Problem(message: "слишком большой срок: больше 36 600 дней (100 лет)",
                           hint: "проверьте число: сроки в положениях — дни, недели, часы")
        }
        return nil
    }

    func result() -> Result<Literal, Problem> {
        if seconds == 0 {
            guard days == days.rounded() else {
                return .failure(Problem(message: "срок в днях должен быть целым числом дней",
                                        hint: "дробный срок пишите в часах: «1,5 дня» = «36 ч»"))
            }
            return .success(.days(Int(days), working: working))
        }
        let total = days * 86_400 + seconds
        guard total == total.rounded() else {
            return .failure(Problem(message: "продолжительность должна быть целым числом секунд"))
        }
        return .success(.duration(Int64(total)))
    }
}
