import JournalModel
import RuleLanguage

/// When a record falls due — the moment after which it can be judged and the day a window
/// (`--week`, `--month`, `--from/--to`) files it under:
///
/// 1. the rule's `due` item, when it has one (`due lesson.date + retest_max`);
/// 2. the deadline `B` of a condition `A <= B` / `A < B` (a lower bound `A >= B` is not a
///    deadline: such a record falls due with its own unit, below);
/// 3. otherwise the end of the record's own unit: the lesson day for lessons and cells, the end
///    of the period for period marks and student × subject × period, the end of the month for
///    group × subject × month, the moment of the correction for changes, the planned date for
///    КТП lines (a КТП line without one is due from the start of the data).
enum DueMoment {
    /// Local seconds, or nil when the record has no due moment (always due). `due`: the rule's
    /// `due` item (`CompiledRule.due`); `deadline`: the right side `B` of the rule's `A <= B` /
    /// `A < B` condition, nil for other conditions.
    static func of(due: Fn?, _ ref: Ref, _ day: Int32?, _ env: Env, deadline: Value?) -> Int64? {
        if let due {
            return moment(due(env)) ?? scopeDefault(ref, day, env)
        }
        if let b = deadline, let m = moment(b) { return m }
        return scopeDefault(ref, day, env)
    }

    /// A date is due at its 24:00; a moment at itself; a range at its latest point.
    static func moment(_ v: Value) -> Int64? {
        switch v {
        case .date(let d): LocalDate(dayNumber: d).endOfDay.seconds
        case .time(let t): t
        case .timeIn(_, let hi): hi
        default: nil
        }
    }

    static func scopeDefault(_ ref: Ref, _ day: Int32?, _ env: Env) -> Int64? {
        switch ref.kind {
        case .change:
            if let t = env.journal.changes[Int(ref.i)].changedAt {
                // A correction known to the day falls due within that day.
                return t.isDayOnly ? t.seconds + 43_200 : t.seconds
            }
        case .groupMonth, .span, .planFact, .teaching, .teacherMonth:
            // A span (a month, a period, the year, a teacher's month) falls due at its end.
            return LocalDate(dayNumber: ref.to).endOfDay.seconds
        default:
            break
        }
        return day.map { LocalDate(dayNumber: $0).endOfDay.seconds }
    }

    /// The day a due moment belongs to: a deadline at 24:00 (00:00 of the next day) belongs to
    /// the day it ends. Records without a due moment belong to the first day of the data.
    static func day(_ due: Int64?, _ env: Env) -> Int32 {
        guard let t = due else { return env.ix.dataStart ?? 0 }
        let s = t - 1
        return Int32(s >= 0 ? s / 86400 : (s - 86399) / 86400)
    }
}
