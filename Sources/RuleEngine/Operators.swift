import Foundation
import JournalModel
import RuleLanguage
import Synchronization

/// Binary operators specialised by the operand types known after checking.
enum Operators {
    /// -1/0/1 for comparable values, nil when either is unknown or they do not compare.
    static func order(_ a: Value, _ b: Value) -> Int? {
        func c<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case (.num(let x), .num(let y)): return c(x, y)
        case (.date(let x), .date(let y)): return c(x, y)
        case (.time(let x), .time(let y)): return c(x, y)
        case (.dur(let x), .dur(let y)): return c(x, y)
        case (.dur(let x), .days(let n, _)): return c(x, Int64(n) * 86400)
        case (.days(let n, _), .dur(let y)): return c(Int64(n) * 86400, y)
        case (.days(let x, _), .days(let y, _)): return c(x, y)
        case (.text(let x), .text(let y)):
            if TextFold.equal(x, y) { return 0 }
            return x.lowercased() < y.lowercased() ? -1 : 1
        case (.bool(let x), .bool(let y)): return x == y ? 0 : 1
        case (.ref(let x), .ref(let y)): return x == y ? 0 : 1
        default: return nil
        }
    }

    /// Equality without ordering (texts compare case-insensitively); nil when unknown.
    static func equal(_ a: Value, _ b: Value) -> Bool? {
        if case .text(let x) = a, case .text(let y) = b { return TextFold.equal(x, y) }
        return order(a, b).map { $0 == 0 }
    }

    static func compile(_ op: String, _ l: @escaping Fn, _ r: @escaping Fn, _ lt: VType, _ rt: VType, rhs: TExpr) -> Fn {
        switch op {
        case "and":
            return { env in
                let a = l(env)
                if case .bool(false) = a { return .bool(false) }
                let b = r(env)
                if case .bool(false) = b { return .bool(false) }
                if case .bool(true) = a, case .bool(true) = b { return .bool(true) }
                return .null
            }
        case "or":
            return { env in
                let a = l(env)
                if case .bool(true) = a { return .bool(true) }
                let b = r(env)
                if case .bool(true) = b { return .bool(true) }
                if case .bool(false) = a, case .bool(false) = b { return .bool(false) }
                return .null
            }
        case "=", "!=", "<", "<=", ">", ">=":
            let test: (Int) -> Bool = switch op {
            case "=": { $0 == 0 }
            case "!=": { $0 != 0 }
            case "<": { $0 < 0 }
            case "<=": { $0 <= 0 }
            case ">": { $0 > 0 }
            default: { $0 >= 0 }
            }
            if op == "=" || op == "!=" {
                let want = op == "="
                if case .literal(.text(let lit)) = rhs {
                    // Comparing with a constant text: fold the constant once.
                    let lower = lit.lowercased()
                    return { env in
                        guard case .text(let a) = l(env) else { return l(env).isNull ? .null : .bool(!want) }
                        if TextFold.bytesEqual(a, lower) { return .bool(want) }
                        if TextFold.hasNoCapitals(a) { return .bool(!want) }
                        return .bool((a.lowercased() == lower) == want)
                    }
                }
                return { env in
                    let a = l(env), b = r(env)
                    if a.isUncertain || b.isUncertain { return uncertain(op, a, b).map { .bool($0) } ?? .null }
                    return equal(a, b).map { .bool($0 == want) } ?? .null
                }
            }
            return { env in
                let a = l(env), b = r(env)
                if a.isUncertain || b.isUncertain { return uncertain(op, a, b).map { .bool($0) } ?? .null }
                return order(a, b).map { .bool(test($0)) } ?? .null
            }
        case "in":
            return { env in
                guard case .text(let s) = l(env), case .set(let xs) = r(env) else { return .null }
                // Set members are lower-cased: exact bytes first, then the lower-cased text.
                for x in xs where TextFold.bytesEqual(s, x) { return .bool(true) }
                if TextFold.hasNoCapitals(s) { return .bool(false) }
                let low = s.lowercased()
                return .bool(xs.contains { $0 == low })
            }
        case "contains":
            return { env in
                guard case .text(let s) = l(env), case .text(let x) = r(env) else { return .null }
                return .bool(s.lowercased().contains(x.lowercased()))
            }
        case "starts_with":
            return { env in
                guard case .text(let s) = l(env), case .text(let x) = r(env) else { return .null }
                return .bool(s.lowercased().hasPrefix(x.lowercased()))
            }
        case "matches":
            guard case .literal(.text(let pattern)) = rhs, let box = RegexBox.shared(pattern) else {
                preconditionFailure("matches needs a checked literal pattern")
            }
            // The last text and its answer, for this closure alone (compiled per rule and
            // worker): neighbouring records mostly repeat a work type or a placeholder. Only a
            // known answer is reused, and only while the pattern has not been given up — the
            // answer `box.matches` would give again (`BoundedRegex` counts steps, not time).
            let last = LastMatch()
            return { env in
                guard case .text(let s) = l(env) else { return .null }
                if let t = last.text, let a = last.answer, TextBytes.same(t, s), box.cls != nil || !box.re.gaveUp {
                    return .bool(a)
                }
                let m = box.matches(s)
                last.text = s
                last.answer = m
                guard let m else { return .null }
                return .bool(m)
            }
        case "+", "-":
            let sign: Int64 = op == "+" ? 1 : -1
            return { env in arith(l(env), r(env), sign, env.journal.calendar) }
        case "*":
            return { env in if case .num(let a) = l(env), case .num(let b) = r(env) { .num(a * b) } else { .null } }
        case "/":
            return { env in
                if case .num(let a) = l(env), case .num(let b) = r(env), b != 0 { .num(a / b) } else { .null }
            }
        default:
            preconditionFailure("unknown operator \(op)")
        }
    }

    /// `a op b` for an ordering operator on already evaluated sides (the deadline conditions,
    /// whose right side is also the record's due moment).
    static func compare(_ op: String, _ a: Value, _ b: Value) -> Value {
        if a.isUncertain || b.isUncertain { return uncertain(op, a, b).map { .bool($0) } ?? .null }
        guard let o = order(a, b) else { return .null }
        switch op {
        case "<": return .bool(o < 0)
        case "<=": return .bool(o <= 0)
        case ">": return .bool(o > 0)
        case ">=": return .bool(o >= 0)
        case "=": return .bool(o == 0)
        default: return .bool(o != 0)
        }
    }

    /// A comparison where a side is known only as a range: decided when the ranges do not
    /// overlap in the way that matters, else nil (unknown: the record is skipped, not judged).
    ///
    ///     uncertain("<=", .timeIn(d, d + 86399), .time(d + 86400))   // true: any time that day is on time
    ///     uncertain("<=", .timeIn(d, d + 86399), .time(d + 3600))    // nil: 01:00 is inside the day
    static func uncertain(_ op: String, _ a: Value, _ b: Value) -> Bool? {
        guard let x = a.range, let y = b.range else { return nil }
        switch op {
        case "<=": return x.hi <= y.lo ? true : (x.lo > y.hi ? false : nil)
        case "<": return x.hi < y.lo ? true : (x.lo >= y.hi ? false : nil)
        case ">=": return y.hi <= x.lo ? true : (y.lo > x.hi ? false : nil)
        case ">": return y.hi < x.lo ? true : (y.lo >= x.hi ? false : nil)
        case "=": return x.hi < y.lo || y.hi < x.lo ? false : nil
        case "!=": return x.hi < y.lo || y.hi < x.lo ? true : nil
        default: return nil
        }
    }

    /// `±` where a side is a range: the range of every possible result.
    static func uncertainArith(_ a: Value, _ b: Value, _ sign: Int64, _ cal: SchoolCalendar) -> Value {
        switch (a, b) {
        case (.time, .dur), (.timeIn, .dur), (.time, .durIn), (.timeIn, .durIn):
            guard let x = a.range, let y = b.range else { return .null }
            return sign > 0 ? .timeIn(x.lo + y.lo, x.hi + y.hi) : .timeIn(x.lo - y.hi, x.hi - y.lo)
        case (.dur, .timeIn), (.durIn, .timeIn), (.durIn, .time):
            return sign > 0 ? uncertainArith(b, a, 1, cal) : .null
        case (.time, .timeIn), (.timeIn, .time), (.timeIn, .timeIn):
            guard let x = a.range, let y = b.range, sign < 0 else { return .null }
            return .durIn(x.lo - y.hi, x.hi - y.lo)
        case (.dur, .durIn), (.durIn, .dur), (.durIn, .durIn):
            guard let x = a.range, let y = b.range else { return .null }
            return sign > 0 ? .durIn(x.lo + y.lo, x.hi + y.hi) : .durIn(x.lo - y.hi, x.hi - y.lo)
        case (.timeIn(let lo, let hi), .days(let n, let w)):
            // Whole days move both ends alike (working days: from each end's own date).
            let a = arith(.time(lo), .days(n, working: w), sign, cal), b = arith(.time(hi), .days(n, working: w), sign, cal)
            guard case .time(let x) = a, case .time(let y) = b else { return .null }
            return .timeIn(x, y)
        default:
            return .null
        }
    }

    static func arith(_ a: Value, _ b: Value, _ sign: Int64, _ cal: SchoolCalendar) -> Value {
        if a.isUncertain || b.isUncertain { return uncertainArith(a, b, sign, cal) }
        switch (a, b) {
        case (.num(let x), .num(let y)): return .num(x + Double(sign) * y)
        case (.text(let x), .text(let y)) where sign > 0: return .text(x + y)
        case (.dur(let x), .dur(let y)): return .dur(x + sign * y)
        case (.time(let x), .dur(let y)): return .time(x + sign * y)
        case (.dur(let y), .time(let x)): return .time(x + y)
        case (.time(let x), .time(let y)): return .dur(x - y)
        case (.date(let x), .date(let y)): return .num(Double(x - y))
        case (.date(let d), .days(let n, let w)), (.days(let n, let w), .date(let d)):
            return .date(shift(d, Int(n) * Int(sign), working: w, cal))
        case (.time(let t), .days(let n, let w)):
            let dt = LocalDateTime(seconds: t)
            let nd = shift(dt.date.dayNumber, Int(n) * Int(sign), working: w, cal)
            return .time(LocalDateTime(date: LocalDate(dayNumber: nd), time: dt.time).seconds)
        default: return .null
        }
    }
}

extension Operators {
    /// `date ± n` calendar or working days (working days per `SchoolCalendar.isWorkingDay`).
    static func shift(_ day: Int32, _ n: Int, working: Bool, _ cal: SchoolCalendar) -> Int32 {
        guard working else { return day + Int32(n) }
        var d = LocalDate(dayNumber: day)
        var left = abs(n)
        while left > 0 {
            d = d.adding(days: n > 0 ? 1 : -1)
            if cal.isWorkingDay(d) { left -= 1 }
        }
        return d.dayNumber
    }
}

/// The last text a `matches` closure saw and its answer. The closure is compiled per rule and
/// worker and runs on that worker's thread only, one access at a time: the run-time exclusivity
/// check (which a captured `var` gets) would find nothing, and it cost a fifth of a rule whose
/// scope filters every cell with `matches`.
final class LastMatch {
    @exclusivity(unchecked) var text: String?
    @exclusivity(unchecked) var answer: Bool?
}

/// A compiled `matches` pattern. Every match runs under a step budget (`BoundedRegex`): a text
/// it cannot decide in time is unknown (the record is skipped, «не проверено», with the
/// reason), never a hang. Before matching, a literal the pattern requires (`^\s*Контрольная
/// работа…` → "Контрольная работа") rejects most texts cheaply. One box per pattern for the
/// whole run (`shared`), so explaining a skipped record does not compile it again.
final class RegexBox: @unchecked Sendable {
    let re: BoundedRegex
    let required: [UInt8]?
    /// The pattern as one character class, decided without ICU (`ClassPattern`).
    let cls: ClassPattern?

    init(_ re: BoundedRegex) {
        self.re = re
        required = RegexBox.requiredLiteral(re.pattern).map { Array($0.utf8) }
        cls = ClassPattern(re.pattern)
    }

    private static let registry = Mutex<[String: RegexBox]>([:])

    /// The box of `pattern` (compiled once per run); nil for a pattern ICU does not accept.
    static func shared(_ pattern: String) -> RegexBox? {
        registry.withLock { boxes in
            if let b = boxes[pattern] { return b }
            guard let re = try? BoundedRegex(pattern) else { return nil }
            let b = RegexBox(re)
            if boxes.count < 1024 { boxes[pattern] = b }
            return b
        }
    }

    /// Results for texts seen before: work types, letters and stock phrases repeat across a
    /// journal, and a dictionary look-up costs far less than an ICU match. Bounded, so a column
    /// of distinct topics does not grow it without limit.
    private var memo: [TextBytes: Bool?] = [:]
    private let lock = NSLock()
    static let memoLimit = 4096

    /// Texts longer than this go straight to the matcher. Topics and homework are remembered
    /// too: parallel classes share their КТП's topics (a college's 91,516 lessons have 1,578
    /// distinct topics, 61,704 of them longer than 64 bytes), and hashing even a text that
    /// never comes back costs a small part of one ICU match.
    static let memoMaxBytes = 256

    /// Whether `s` matches; nil when the step budget ran out (or the pattern was given up).
    func matches(_ s: String) -> Bool? {
        if let c = cls, let m = c.matches(s) { return m }
        if let r = required, !TextFold.containsBytes(s, r) { return false }
        guard s.utf8.count <= RegexBox.memoMaxBytes else { return re.matches(s) }
        let key = TextBytes(s)
        lock.lock()
        let known = memo[key]
        lock.unlock()
        if let known { return known }
        let result = re.matches(s)
        lock.lock()
        if memo.count < RegexBox.memoLimit { memo[key] = .some(result) }
        lock.unlock()
        return result
    }

    /// The literal run at the start of a pattern without alternation (after `^` and `\s*`/`\s+`),
    /// which every match must contain; nil when there is none of at least two characters.
    static func requiredLiteral(_ pattern: String) -> String? {
        guard !pattern.contains("|") else { return nil }
        var rest = Substring(pattern)
        if rest.hasPrefix("^") { rest = rest.dropFirst() }
        while rest.hasPrefix("\\s*") || rest.hasPrefix("\\s+") { rest = rest.dropFirst(3) }
        var run = ""
        var it = rest.startIndex
        while it < rest.endIndex, rest[it].isLetter || rest[it].isNumber || rest[it] == " " {
            run.append(rest[it])
            it = rest.index(after: it)
        }
        if it < rest.endIndex, "?*{".contains(rest[it]), !run.isEmpty { run.removeLast() }
        return run.count >= 2 ? run : nil
    }
}

/// A text as a dictionary key by its UTF-8 bytes: hashing a `String` normalises it first
/// (costly for Cyrillic), and the memo only needs texts that are byte-for-byte the same.
struct TextBytes: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: TextBytes, b: TextBytes) -> Bool { same(a.text, b.text) }

    /// The same UTF-8 bytes (stricter than `==`, which compares canonical equivalents).
    static func same(_ a: String, _ b: String) -> Bool { TextFold.bytesEqual(a, b) }

    func hash(into h: inout Hasher) {
        TextFold.withBytes(text) { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
