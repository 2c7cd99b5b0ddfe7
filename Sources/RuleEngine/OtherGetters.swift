import JournalModel
import RuleLanguage

extension FieldGetters {
    static func plan(_ r: Ref, _ e: Env) -> PlanItem { e.journal.plan[Int(r.i)] }
    static func change(_ r: Ref, _ e: Env) -> Change { e.journal.changes[Int(r.i)] }

    static func spanStudent(_ r: Ref, _ e: Env) -> Student { e.journal.students[Int(r.i)] }

    static let otherGetters: [FieldKey: Box] = {
        var m: [FieldKey: Box] = [:]
        func add(_ en: Entity, _ n: String, _ g: @escaping Getter) { m[FieldKey(en, n)] = Box(g) }

        add(.planItem, "group") { r, e in .ref(Ref(kind: .group, i: plan(r, e).group)) }
        add(.planItem, "subject") { r, e in .ref(Ref(kind: .subject, i: plan(r, e).subject)) }
        add(.planItem, "ordinal") { r, e in .num(Double(plan(r, e).ordinal)) }
        add(.planItem, "topic") { r, e in Value.text(plan(r, e).topic) }
        add(.planItem, "hours") { r, e in .num(plan(r, e).hours) }
        add(.planItem, "lesson_kind") { r, e in Value.text(plan(r, e).lessonKind) }
        add(.planItem, "planned_date") { r, e in Value.opt(plan(r, e).plannedDate) { .date($0.dayNumber) } }
        add(.planItem, "lesson") { r, e in
            let p = plan(r, e)
            let list = e.ix.lessonsByGS[JournalIndex.key(p.group, p.subject)] ?? []
            return p.ordinal >= 1 && p.ordinal <= list.count ? .ref(Ref(kind: .lesson, i: list[p.ordinal - 1])) : .null
        }

        add(.change, "target") { r, e in .text(change(r, e).target.rawValue) }
        add(.change, "lesson") { r, e in ref(.lesson, change(r, e).lesson) }
        add(.change, "date") { r, e in Value.opt(change(r, e).lesson) { .date(e.journal.lessons[Int($0)].date.dayNumber) } }
        add(.change, "student") { r, e in ref(.student, change(r, e).student) }
        add(.change, "subject") { r, e in
            let c = change(r, e)
            return ref(.subject, c.subject ?? c.lesson.map { e.journal.lessons[Int($0)].subject })
        }
        add(.change, "group") { r, e in
            let c = change(r, e)
            return ref(.group, c.group ?? c.lesson.map { e.journal.lessons[Int($0)].group })
        }
        add(.change, "old_value") { r, e in Value.text(change(r, e).oldValue) }
        add(.change, "new_value") { r, e in Value.text(change(r, e).newValue) }
        add(.change, "placed_at") { r, e in Value.moment(change(r, e).placedAt) }
        add(.change, "changed_at") { r, e in Value.moment(change(r, e).changedAt) }
        add(.change, "changed_by") { r, e in ref(.teacher, change(r, e).changedBy) }

        add(.span, "student") { r, _ in .ref(Ref(kind: .student, i: r.i)) }
        add(.span, "subject") { r, _ in .ref(Ref(kind: .subject, i: r.a)) }
        add(.span, "group") { r, e in .ref(Ref(kind: .group, i: spanStudent(r, e).group)) }
        add(.span, "period") { r, _ in r.p < 0 ? .null : .ref(Ref(kind: .period, i: r.p)) }
        add(.span, "start") { r, _ in .date(r.from) }
        add(.span, "end") { r, _ in .date(r.to) }
        add(.span, "weekly_hours") { r, e in
            Value.opt(e.ix.hoursByGS[JournalIndex.key(spanStudent(r, e).group, r.a)]) { .num($0) }
        }
        add(.span, "marks") { r, e in cellRefs(spanCells(r, e, e.ix.marksBySS)) }
        add(.span, "absences") { r, e in cellRefs(spanCells(r, e, e.ix.absencesBySS)) }
        add(.span, "lessons") { r, e in
            var out: [Ref] = []
            spanLessons(r, e) { out.append(Ref(kind: .lesson, i: $0)) }
            return .list(out)
        }

        add(.groupMonth, "group") { r, _ in .ref(Ref(kind: .group, i: r.i)) }
        add(.groupMonth, "subject") { r, _ in .ref(Ref(kind: .subject, i: r.a)) }
        add(.groupMonth, "start") { r, _ in .date(r.from) }
        add(.groupMonth, "end") { r, _ in .date(r.to) }
        add(.groupMonth, "weekly_hours") { r, e in Value.opt(e.ix.hoursByGS[JournalIndex.key(r.i, r.a)]) { .num($0) } }
        add(.groupMonth, "students") { r, e in
            let p = e.journal.calendar.period(containing: LocalDate(dayNumber: r.from)) ?? -1
            let students = r.i < e.ix.studentsByGroup.count ? e.ix.studentsByGroup[Int(r.i)] : []
            return .list(students.filter { s in
                let st = e.journal.students[Int(s)]
                return st.isEnrolled(on: LocalDate(dayNumber: r.from)) || st.isEnrolled(on: LocalDate(dayNumber: r.to))
            }.map { Ref(kind: .span, i: $0, a: r.a, from: r.from, to: r.to, p: p) })
        }
        add(.groupMonth, "lessons") { r, e in .list(e.ix.lessons(group: r.i, subject: r.a, from: r.from, to: r.to)) }
        add(.groupMonth, "marks") { r, e in
            var out: [Ref] = []
            monthMarks(r, e) { out.append(Ref(kind: .cell, i: $0)) }
            return .list(out)
        }

        add(.group, "name") { r, e in .text(e.journal.groups[Int(r.i)].name) }
        add(.group, "grade") { r, e in Value.opt(e.journal.groups[Int(r.i)].grade) { .num(Double($0)) } }
        add(.group, "curator") { r, e in Value.text(e.journal.groups[Int(r.i)].curator) }
        add(.student, "name") { r, e in .text(e.journal.students[Int(r.i)].name) }
        add(.student, "code") { r, e in Value.text(e.journal.students[Int(r.i)].code) }
        add(.student, "enrolled") { r, e in Value.opt(e.journal.students[Int(r.i)].enrolled) { .date($0.dayNumber) } }
        add(.student, "left") { r, e in Value.opt(e.journal.students[Int(r.i)].left) { .date($0.dayNumber) } }
        add(.student, "in_group_from") { r, e in
            if let d = e.journal.students[Int(r.i)].enrolled { return .date(d.dayNumber) }
            let d = e.ix.studentFirstDay[Int(r.i)]
            return d == .max ? .null : .date(d)
        }
        add(.student, "in_group_to") { r, e in
            if let d = e.journal.students[Int(r.i)].left { return .date(d.dayNumber) }
            let d = e.ix.studentLastDay[Int(r.i)]
            return d == .min ? .null : .date(d)
        }
        add(.teacher, "name") { r, e in .text(e.journal.teachers[Int(r.i)].name) }
        add(.teacher, "position") { r, e in Value.text(e.journal.teachers[Int(r.i)].position) }
        add(.subject, "name") { r, e in .text(e.journal.subjects[Int(r.i)].name) }
        add(.period, "name") { r, e in .text(e.journal.calendar.periods[Int(r.i)].name) }
        add(.period, "kind") { r, e in .text(e.journal.calendar.periods[Int(r.i)].kind.rawValue) }
        add(.period, "start") { r, e in .date(e.journal.calendar.periods[Int(r.i)].start.dayNumber) }
        add(.period, "end") { r, e in .date(e.journal.calendar.periods[Int(r.i)].end.dayNumber) }
        return m
    }()
}
