import Foundation
import JournalModel

/// The built-in functions of the rule language (rules/README.md, section 4.2).
enum Functions {
    static func compile(_ name: String, _ a: [Fn]) -> Fn {
        // The arguments taken out of the array here: a closure that reads `a[0]` copies the
        // argument's closure out of the array (a retain and a release) on every call.
        let a0: Fn = a.first ?? { _ in .null }, a1: Fn = a.count > 1 ? a[1] : { _ in .null }
        switch name {
        case "end_of_day":
            return { env in if case .date(let d) = a0(env) { .time(LocalDate(dayNumber: d).endOfDay.seconds) } else { .null } }
        case "start_of_day":
            return { env in if case .date(let d) = a0(env) { .time(LocalDate(dayNumber: d).startOfDay.seconds) } else { .null } }
        case "date_of":
            return { env in
                switch a0(env) {
                case .time(let t): .date(LocalDateTime(seconds: t).date.dayNumber)
                case .timeIn(let lo, let hi):
                    // The date is known when the whole range lies in one day (an entry known to the day).
                    LocalDateTime(seconds: lo).date == LocalDateTime(seconds: hi).date ? .date(LocalDateTime(seconds: lo).date.dayNumber) : .null
                default: .null
                }
            }
        case "days_between":
            return { env in
                if case .date(let x) = a0(env), case .date(let y) = a1(env) { .num(Double(y - x)) } else { .null }
            }
        case "working_days_between":
            return { env in
                guard case .date(let x) = a0(env), case .date(let y) = a1(env) else { return .null }
                return .num(Double(env.journal.calendar.workingDays(from: LocalDate(dayNumber: x), to: LocalDate(dayNumber: y))))
            }
        case "length":
            return { env in if case .text(let s) = a0(env) { .num(Double(s.count)) } else { .null } }
        case "lower":
            return { env in if case .text(let s) = a0(env) { .text(s.lowercased()) } else { .null } }
        case "mostly_cyrillic":
            return { env in if case .text(let s) = a0(env) { .bool(mostlyCyrillic(s)) } else { .null } }
        case "similarity":
            return { env in
                if case .text(let x) = a0(env), case .text(let y) = a1(env) { .num(similarity(x, y)) } else { .null }
            }
        case "has":
            return { env in
                switch a0(env) {
                case .null: .bool(false)
                case .text(let s): .bool(!s.isEmpty)
                case .list(let xs): .bool(!xs.isEmpty)
                default: .bool(true)
                }
            }
        case "coalesce":
            if a.count == 2 {
                return { env in
                    let v = a0(env)
                    return v.isNull ? a1(env) : v
                }
            }
            return { env in
                for f in a {
                    let v = f(env)
                    if !v.isNull { return v }
                }
                return .null
            }
        case "abs":
            return { env in
                switch a0(env) {
                case .num(let v): .num(Swift.abs(v))
                case .dur(let v): .dur(v == .min ? .max : Swift.abs(v))
                default: .null
                }
            }
        case "first", "last":
            let fromStart = name == "first"
            return { env in
                guard case .list(let xs) = a0(env), case .num(let n) = a1(env), n.isFinite else { return .null }
                let k = n <= 0 ? 0 : (n >= Double(xs.count) ? xs.count : Int(n))
                return .list(fromStart ? Array(xs.prefix(k)) : Array(xs.suffix(k)))
            }
        case "topic_similarity":
            return { env in
                guard case .text(let x) = a0(env), case .text(let y) = a1(env) else { return .null }
                return .num(TopicWords.similarity(TopicWords.stems(x), TopicWords.stems(y)))
            }
        default:
            preconditionFailure("function \(name) passed the checker but is not implemented")
        }
    }

    /// More than half of the letters are Cyrillic.
    static func mostlyCyrillic(_ s: String) -> Bool {
        var letters = 0, cyr = 0
        for u in s.unicodeScalars where CharacterSet.letters.contains(u) {
            letters += 1
            if (0x0400...0x04FF).contains(u.value) { cyr += 1 }
        }
        return letters > 0 && cyr * 2 > letters
    }

    /// Word overlap (Dice coefficient over lower-cased words of ≥ 2 letters), 0–100.
    static func similarity(_ a: String, _ b: String) -> Double {
        func words(_ s: String) -> Set<String> {
            Set(s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count >= 2 })
        }
        let x = words(a), y = words(b)
        guard !x.isEmpty || !y.isEmpty else { return 100 }
        return Double(2 * x.intersection(y).count) * 100 / Double(x.count + y.count)
    }
}
