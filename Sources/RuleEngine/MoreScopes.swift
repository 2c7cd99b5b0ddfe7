import JournalModel
import RuleLanguage

/// Scopes over derived records: plan and fact per group (subgroup) × subject × span, who
/// teaches what, a teacher's months, load rows and groups. Like `Scopes.each`, each record of
/// the whole journal comes with the date it belongs to: the end of a period or year, the first
/// day of a month, the last lesson of what it covers (a span is due at its end: DueMoment).
enum MoreScopes {
    /// Returns false for a scope this file does not enumerate.
    static func each(_ scope: ScopeInfo, _ env: Env, _ body: (Ref, Int32?) -> Void) -> Bool {
        let j = env.journal, ix = env.ix
        switch scope.name {
        case "plan_period":
            for (pi, p) in j.calendar.periods.enumerated() {
                for (g, s, sub) in streams(ix) {
                    guard ix.hasLesson(group: g, subject: s, from: p.start.dayNumber, to: p.end.dayNumber) else { continue }
                    body(Ref(kind: .planFact, i: g, a: s, from: p.start.dayNumber, to: p.end.dayNumber, p: Int32(pi), sub: sub),
                         p.end.dayNumber)
                }
            }
        case "plan_month":
            let nb = ix.nb
            for (g, s, sub) in streams(ix) {
                var months: [Int32] = []
                for l in ix.lessonsByGS[JournalIndex.key(g, s)] ?? [] where NeighbourIndex.compatible(sub, nb.lessonSub[Int(l)]) {
                    let m = ix.monthStart(of: j.lessons[Int(l)].date.dayNumber)
                    if months.last != m { months.append(m) }
                }
                for m in Set(months).sorted() {
                    let start = LocalDate(dayNumber: m)
                    let end = start.adding(days: LocalDate.daysIn(month: start.month, year: start.year) - 1)
                    body(Ref(kind: .planFact, i: g, a: s, from: m, to: end.dayNumber, p: -1, sub: sub), m)
                }
            }
        case "plan_year":
            let span = yearSpan(j, ix)
            for (g, s, sub) in streams(ix) {
                guard let (from, to, p) = span else { break }
                body(Ref(kind: .planFact, i: g, a: s, from: from, to: to, p: p, sub: sub), to)
            }
        case "teaching":
            let nb = ix.nb
            for key in ix.lessonsByGS.keys.sorted() {
                let g = Int32(truncatingIfNeeded: key >> 32), s = Int32(truncatingIfNeeded: key)
                var items: [Int64: (Int32, Int32)] = [:]   // teacher × subgroup → first, last day
                var order: [Int64] = []
                for l in ix.lessonsByGS[key] ?? [] {
                    let lesson = j.lessons[Int(l)]
                    guard let t = FieldGetters.teachingTeacher(lesson) else { continue }
                    let k = JournalIndex.key(t, nb.lessonSub[Int(l)])
                    let d = lesson.date.dayNumber
                    if let have = items[k] { items[k] = (min(have.0, d), max(have.1, d)) } else { items[k] = (d, d); order.append(k) }
                }
                for k in order {
                    guard let (from, to) = items[k] else { continue }
                    let t = Int32(truncatingIfNeeded: k >> 32), sub = Int32(truncatingIfNeeded: k)
                    body(Ref(kind: .teaching, i: g, a: s, from: from, to: to, p: t, sub: sub), to)
                }
            }
        case "teacher_month":
            let nb = ix.nb
            for (t, lessons) in nb.lessonsByTeacher.enumerated() {
                var months: [Int32] = []
                for l in lessons {
                    let m = ix.monthStart(of: j.lessons[Int(l)].date.dayNumber)
                    if months.last != m { months.append(m) }
                }
                for m in months {
                    let start = LocalDate(dayNumber: m)
                    let end = start.adding(days: LocalDate.daysIn(month: start.month, year: start.year) - 1)
                    body(Ref(kind: .teacherMonth, i: Int32(t), from: m, to: end.dayNumber), m)
                }
            }
        case "load_items":
            for (i, li) in j.load.enumerated() {
                let last = (ix.lessonsByGS[JournalIndex.key(li.group, li.subject)] ?? []).last.map { j.lessons[Int($0)].date.dayNumber }
                body(Ref(kind: .load, i: Int32(i)), last)
            }
        case "groups":
            let nb = ix.nb
            for g in j.groups.indices {
                let last = (g < nb.lessonsByGroup.count ? nb.lessonsByGroup[g] : []).last.map { j.lessons[Int($0)].date.dayNumber }
                body(Ref(kind: .group, i: Int32(g)), last)
            }
        default:
            return false
        }
        return true
    }

    /// Every group × subject × subgroup whose lessons are taught to the same students: one
    /// stream per subgroup when the subject is split (whole-group lessons belong to each), one
    /// for the whole group otherwise.
    static func streams(_ ix: JournalIndex) -> [(Int32, Int32, Int32)] {
        var out: [(Int32, Int32, Int32)] = []
        let nb = ix.nb
        for key in ix.lessonsByGS.keys.sorted() {
            let g = Int32(truncatingIfNeeded: key >> 32), s = Int32(truncatingIfNeeded: key)
            var subs = Set<Int32>()
            for l in ix.lessonsByGS[key] ?? [] { subs.insert(nb.lessonSub[Int(l)]) }
            let named = subs.filter { $0 >= 0 }.sorted()
            if named.isEmpty { out.append((g, s, -1)) } else { for sub in named { out.append((g, s, sub)) } }
        }
        return out
    }

    /// The study year: the calendar's year period, else from the first period's start to the
    /// last period's end, else the first to the last lesson.
    static func yearSpan(_ j: Journal, _ ix: JournalIndex) -> (Int32, Int32, Int32)? {
        if let y = j.calendar.periods.firstIndex(where: { $0.kind == .year }) {
            let p = j.calendar.periods[y]
            return (p.start.dayNumber, p.end.dayNumber, Int32(y))
        }
        if let a = j.calendar.periods.map(\.start).min(), let b = j.calendar.periods.map(\.end).max() {
            return (a.dayNumber, b.dayNumber, -1)
        }
        guard let span = j.lessonDates else { return nil }
        return (span.lowerBound.dayNumber, span.upperBound.dayNumber, -1)
    }
}
