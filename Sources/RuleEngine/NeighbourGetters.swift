import JournalModel
import RuleLanguage

/// Getters of the neighbour fields of lessons and cells (previous/next lesson, the student's
/// earlier and later cells), of the subgroup, the lesson's author and load, the bells, and of
/// the best-matching КТП topic.
extension FieldGetters {
    static func lessonIndex(_ r: Ref) -> Int { Int(r.i) }

    /// Lessons of the lesson's group and subject attended by its students (the same subgroup,
    /// or lessons of the whole group), by date; and the lesson's position among them. The list
    /// depends on the group, subject and subgroup only: built once per evaluation thread.
    static func stream(of r: Ref, _ e: Env) -> (list: [Int32], at: Int) {
        let l = e.journal.lessons[Int(r.i)]
        let key = StreamKey(gs: JournalIndex.key(l.group, l.subject), sub: e.nb.lessonSub[Int(r.i)])
        let list: [Int32]
        if let known = e.streams[key] { list = known } else {
            let all = e.ix.lessonsByGS[key.gs] ?? []
            // The lesson's own subgroup is compatible with itself: the lesson is always in it.
            list = all.filter { NeighbourIndex.compatible(key.sub, e.nb.lessonSub[Int($0)]) }
            e.streams[key] = list
        }
        // Sorted by date and number (`JournalIndex.lessonKey`); lessons with equal keys follow
        // in the list's own order, so the lesson is found from the first of its key.
        let lk = e.ix.lessonKey, own = lk[Int(r.i)]
        var lo = 0, hi = list.count
        while lo < hi {
            let m = (lo + hi) / 2
            if lk[Int(list[m])] < own { lo = m + 1 } else { hi = m }
        }
        while lo < list.count, list[lo] != r.i { lo += 1 }
        if lo == list.count { lo = 0 }   // not reached: every lesson is in its group × subject's list
        return (list, lo)
    }

    static func lessonRefs(_ xs: some Sequence<Int32>) -> Value { .list(xs.map { Ref(kind: .lesson, i: $0) }) }

    /// Load rows of a group × subject that a subgroup's lessons are taught under.
    static func loadRows(group: Int32, subject: Int32, subgroup: String?, _ e: Env) -> [Int32] {
        let rows = e.nb.loadByGS[JournalIndex.key(group, subject)] ?? []
        let want = subgroup?.trimmingSpaces() ?? ""
        return rows.filter { i in
            let s = e.journal.load[Int(i)].subgroup?.trimmingSpaces() ?? ""
            return want.isEmpty || s.isEmpty || s == want
        }
    }

    static func loadRefs(_ xs: [Int32]) -> Value { .list(xs.map { Ref(kind: .load, i: $0) }) }

    /// The КТП row of the lesson's group and subject whose topic is closest to the lesson's
    /// topic; ties go to the row whose ordinal is nearest the lesson's.
    static func bestPlan(_ r: Ref, _ e: Env) -> (item: Int32, similarity: Double)? {
        e.nb.bestPlan.get(r.i) { findBestPlan(r, e) }
    }

    static func findBestPlan(_ r: Ref, _ e: Env) -> (item: Int32, similarity: Double)? {
        let l = e.journal.lessons[Int(r.i)]
        guard let topic = l.topic, !topic.trimmingSpaces().isEmpty,
              let rows = e.nb.planByGS[JournalIndex.key(l.group, l.subject)], !rows.isEmpty else { return nil }
        let words = TopicWords.stems(topic)
        let ordinal = Int(e.ix.lessonOrdinal[Int(r.i)])
        var best: (Int32, Double, Int)?
        for p in rows {
            let item = e.journal.plan[Int(p)]
            let s = TopicWords.similarity(words, e.nb.planWords.of(p, item.topic))
            let dist = abs(item.ordinal - ordinal)
            if let b = best, s < b.1 || (s == b.1 && dist >= b.2) { continue }
            best = (p, s, dist)
        }
        return best.map { ($0.0, $0.1) }
    }

    static let neighbourGetters: [FieldKey: Box] = {
        var m: [FieldKey: Box] = [:]
        func add(_ en: Entity, _ n: String, _ g: @escaping Getter) { m[FieldKey(en, n)] = Box(g) }

        add(.lesson, "subgroup") { r, e in Value.text(e.journal.lessons[Int(r.i)].subgroup) }
        add(.lesson, "entered_by") { r, e in ref(.teacher, e.journal.lessons[Int(r.i)].enteredBy) }
        add(.lesson, "load") { r, e in
            let l = e.journal.lessons[Int(r.i)]
            return loadRefs(loadRows(group: l.group, subject: l.subject, subgroup: l.subgroup, e))
        }
        add(.lesson, "previous") { r, e in
            let (list, at) = stream(of: r, e)
            return at > 0 ? .ref(Ref(kind: .lesson, i: list[at - 1])) : .null
        }
        add(.lesson, "next") { r, e in
            let (list, at) = stream(of: r, e)
            return at + 1 < list.count ? .ref(Ref(kind: .lesson, i: list[at + 1])) : .null
        }
        add(.lesson, "earlier_lessons") { r, e in
            let (list, at) = stream(of: r, e)
            return lessonRefs(list[..<at])
        }
        add(.lesson, "later_lessons") { r, e in
            let (list, at) = stream(of: r, e)
            return lessonRefs(list[min(at + 1, list.count)...])
        }
        add(.lesson, "slots") { r, e in
            let l = e.journal.lessons[Int(r.i)]
            let bells = e.journal.calendar.bells
            guard let start = l.start, let end = l.end, !bells.isEmpty else {
                return l.number != nil || (l.start != nil && l.end != nil) ? .num(1) : .null
            }
            // Bell slots inside the lesson's time, five minutes either side allowed.
            let n = bells.filter { $0.start.seconds + 300 >= start.seconds && $0.end.seconds <= end.seconds + 300 }.count
            return .num(Double(max(1, n)))
        }
        add(.lesson, "last_bell_end") { r, e in
            guard let b = e.nb.lastBell else { return .null }
            return .time(Int64(e.journal.lessons[Int(r.i)].date.dayNumber) * 86_400 + b)
        }
        add(.lesson, "best_plan_item") { r, e in bestPlan(r, e).map { .ref(Ref(kind: .planItem, i: $0.item)) } ?? .null }
        add(.lesson, "best_plan_topic") { r, e in bestPlan(r, e).map { Value.text(e.journal.plan[Int($0.item)].topic) } ?? .null }
        add(.lesson, "best_plan_similarity") { r, e in bestPlan(r, e).map { .num($0.similarity) } ?? .null }

        add(.cell, "later_cells") { r, e in
            let c = e.journal.cells[Int(r.i)]
            let l = e.journal.lessons[Int(c.lesson)]
            let list = e.nb.cellsBySS[JournalIndex.key(c.student, l.subject)] ?? []
            let lo = e.ix.position(in: list, day: l.date.dayNumber, inclusive: false)
            return .list(list[lo...].map { Ref(kind: .cell, i: $0) })
        }
        add(.cell, "earlier_cells") { r, e in
            let c = e.journal.cells[Int(r.i)]
            let l = e.journal.lessons[Int(c.lesson)]
            let list = e.nb.cellsBySS[JournalIndex.key(c.student, l.subject)] ?? []
            let hi = e.ix.position(in: list, day: l.date.dayNumber, inclusive: true)
            return .list(list[..<hi].map { Ref(kind: .cell, i: $0) })
        }
        add(.periodMark, "weekly_hours") { r, e in
            let m = e.journal.periodMarks[Int(r.i)]
            return Value.opt(e.ix.hoursByGS[JournalIndex.key(e.journal.students[Int(m.student)].group, m.subject)]) { .num($0) }
        }
        add(.span, "period_mark") { r, e in
            guard r.p >= 0, let i = e.nb.periodMarkBySSP[JournalIndex.key3(r.i, r.a, r.p)] else { return .null }
            return .ref(Ref(kind: .periodMark, i: i))
        }
        add(.change, "reason") { r, e in Value.text(e.journal.changes[Int(r.i)].reason) }

        add(.holiday, "name") { r, e in .text(e.journal.calendar.holidays[Int(r.i)].name) }
        add(.holiday, "start") { r, e in .date(e.journal.calendar.holidays[Int(r.i)].start.dayNumber) }
        add(.holiday, "end") { r, e in .date(e.journal.calendar.holidays[Int(r.i)].end.dayNumber) }
        return m
    }()
}
