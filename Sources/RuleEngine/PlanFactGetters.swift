import JournalModel
import RuleLanguage

/// Getters of `plan_fact` records (scopes `plan_period`, `plan_month`, `plan_year`): a group
/// (or one subgroup) × subject × span, with the КТП and the curriculum hours as plan and the
/// lessons held as fact. Ref: i — group, a — subject, sub — subgroup, from/to — the span,
/// p — the study period or -1.
extension FieldGetters {
    /// The stream's lessons (its subgroup's and the whole group's), by date.
    static func streamLessons(_ r: Ref, _ e: Env) -> [Int32] {
        (e.ix.lessonsByGS[JournalIndex.key(r.i, r.a)] ?? []).filter { NeighbourIndex.compatible(r.sub, e.nb.lessonSub[Int($0)]) }
    }

    static func planRows(_ r: Ref, _ e: Env) -> [Int32] { e.nb.planByGS[JournalIndex.key(r.i, r.a)] ?? [] }

    /// КТП rows planned by the span's end; nil when the КТП has none or a row has no planned date.
    static func planRowsByEnd(_ r: Ref, _ e: Env) -> [Int32]? {
        let rows = planRows(r, e)
        guard !rows.isEmpty, rows.allSatisfy({ e.journal.plan[Int($0)].plannedDate != nil }) else { return nil }
        return rows.filter { (e.journal.plan[Int($0)].plannedDate?.dayNumber ?? .max) <= r.to }
    }

    static func hours(_ rows: [Int32], _ e: Env) -> Double { rows.reduce(0) { $0 + e.journal.plan[Int($1)].hours } }

    /// The most frequent hours of a КТП row (1 for a plan by lessons, 2 by pairs); ties — the smaller.
    static func hoursPerLesson(_ r: Ref, _ e: Env) -> Double? {
        let rows = planRows(r, e)
        guard !rows.isEmpty else { return nil }
        var counts: [Double: Int] = [:]
        for p in rows { counts[e.journal.plan[Int(p)].hours, default: 0] += 1 }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }

    static func heldByEnd(_ r: Ref, _ e: Env) -> Int {
        streamLessons(r, e).reduce(0) { $0 + (e.journal.lessons[Int($1)].date.dayNumber <= r.to ? 1 : 0) }
    }

    /// Load rows of the stream: the subgroup's own rows and the whole group's; for the whole
    /// group when only subgroup rows exist, the largest one (subgroups repeat the curriculum).
    static func streamLoad(_ r: Ref, _ e: Env) -> [LoadItem] {
        let rows = (e.nb.loadByGS[JournalIndex.key(r.i, r.a)] ?? []).map { e.journal.load[Int($0)] }
        let name = e.nb.subgroupName(r.sub)
        let whole = rows.filter { ($0.subgroup?.trimmingSpaces() ?? "").isEmpty }
        if let name { return whole + rows.filter { $0.subgroup?.trimmingSpaces() == name } }
        if !whole.isEmpty { return whole }
        return rows.max { ($0.yearHours ?? $0.weeklyHours) < ($1.yearHours ?? $1.weeklyHours) }.map { [$0] } ?? []
    }

    static let planFactGetters: [FieldKey: Box] = {
        var m: [FieldKey: Box] = [:]
        func add(_ n: String, _ g: @escaping Getter) { m[FieldKey(.planFact, n)] = Box(g) }

        add("group") { r, _ in .ref(Ref(kind: .group, i: r.i)) }
        add("subject") { r, _ in .ref(Ref(kind: .subject, i: r.a)) }
        add("subgroup") { r, e in e.nb.subgroupName(r.sub).map { .text($0) } ?? .null }
        add("period") { r, _ in r.p < 0 ? .null : .ref(Ref(kind: .period, i: r.p)) }
        add("start") { r, _ in .date(r.from) }
        add("end") { r, _ in .date(r.to) }
        add("teacher") { r, e in
            if let t = streamLoad(r, e).first?.teacher { return .ref(Ref(kind: .teacher, i: t)) }
            var counts: [Int32: Int] = [:]
            for l in streamLessons(r, e) { if let t = e.journal.lessons[Int(l)].responsibleTeacher { counts[t, default: 0] += 1 } }
            return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }.map { .ref(Ref(kind: .teacher, i: $0.key)) } ?? .null
        }
        add("weekly_hours") { r, e in
            let rows = streamLoad(r, e)
            return rows.isEmpty ? .null : .num(rows.reduce(0) { $0 + $1.weeklyHours })
        }
        add("year_hours") { r, e in
            let rows = streamLoad(r, e).compactMap(\.yearHours)
            return rows.isEmpty ? .null : .num(rows.reduce(0, +))
        }
        add("lessons") { r, e in
            lessonRefs(streamLessons(r, e).filter { let d = e.journal.lessons[Int($0)].date.dayNumber; return d >= r.from && d <= r.to })
        }
        add("lessons_by_end") { r, e in
            lessonRefs(streamLessons(r, e).filter { e.journal.lessons[Int($0)].date.dayNumber <= r.to })
        }
        add("plan_items") { r, e in
            let rows = planRows(r, e)
            return rows.isEmpty ? .null : .list(rows.map { Ref(kind: .planItem, i: $0) })
        }
        add("plan_items_by_end") { r, e in planRowsByEnd(r, e).map { .list($0.map { Ref(kind: .planItem, i: $0) }) } ?? .null }
        add("plan_hours") { r, e in
            let rows = planRows(r, e)
            return rows.isEmpty ? .null : .num(hours(rows, e))
        }
        add("plan_hours_by_end") { r, e in planRowsByEnd(r, e).map { .num(hours($0, e)) } ?? .null }
        add("hours_per_lesson") { r, e in hoursPerLesson(r, e).map { .num($0) } ?? .null }
        add("held_hours_by_end") { r, e in hoursPerLesson(r, e).map { .num(Double(heldByEnd(r, e)) * $0) } ?? .null }
        add("lag_hours") { r, e in
            guard let due = planRowsByEnd(r, e), let h = hoursPerLesson(r, e) else { return .null }
            return .num(hours(due, e) - Double(heldByEnd(r, e)) * h)
        }
        add("marks") { r, e in
            .list(streamLessons(r, e).filter { let d = e.journal.lessons[Int($0)].date.dayNumber; return d >= r.from && d <= r.to }
                .flatMap { l in e.ix.cells(ofLesson: l).filter { e.ix.hasMark($0) }.map { Ref(kind: .cell, i: $0) } })
        }
        return m
    }()
}
