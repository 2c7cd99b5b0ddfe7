import JournalModel
import RuleLanguage

/// Getters of "who": the group's students, lessons and teachers, a teacher's lessons, load
/// rows, who teaches what (`teaching`) and a teacher's month.
extension FieldGetters {
    static let whoGetters: [FieldKey: Box] = {
        var m: [FieldKey: Box] = [:]
        func add(_ en: Entity, _ n: String, _ g: @escaping Getter) { m[FieldKey(en, n)] = Box(g) }

        add(.group, "students") { r, e in
            .list((Int(r.i) < e.ix.studentsByGroup.count ? e.ix.studentsByGroup[Int(r.i)] : []).map { Ref(kind: .student, i: $0) })
        }
        add(.group, "lessons") { r, e in
            lessonRefs(Int(r.i) < e.nb.lessonsByGroup.count ? e.nb.lessonsByGroup[Int(r.i)] : [])
        }
        add(.group, "teachers") { r, e in
            var seen = Set<Int32>(), out: [Ref] = []
            func note(_ t: Int32?) { if let t, seen.insert(t).inserted { out.append(Ref(kind: .teacher, i: t)) } }
            for l in Int(r.i) < e.nb.lessonsByGroup.count ? e.nb.lessonsByGroup[Int(r.i)] : [] {
                note(e.journal.lessons[Int(l)].teacher)
                note(e.journal.lessons[Int(l)].scheduledTeacher)
            }
            for li in e.journal.load where li.group == r.i { note(li.teacher) }
            return .list(out)
        }
        add(.group, "load") { r, e in
            loadRefs(e.journal.load.indices.filter { e.journal.load[$0].group == r.i }.map(Int32.init))
        }
        add(.teacher, "lessons") { r, e in
            lessonRefs(Int(r.i) < e.nb.lessonsByTeacher.count ? e.nb.lessonsByTeacher[Int(r.i)] : [])
        }

        add(.load, "teacher") { r, e in .ref(Ref(kind: .teacher, i: load(r, e).teacher)) }
        add(.load, "group") { r, e in .ref(Ref(kind: .group, i: load(r, e).group)) }
        add(.load, "subject") { r, e in .ref(Ref(kind: .subject, i: load(r, e).subject)) }
        add(.load, "subgroup") { r, e in Value.text(load(r, e).subgroup) }
        add(.load, "weekly_hours") { r, e in .num(load(r, e).weeklyHours) }
        add(.load, "year_hours") { r, e in Value.opt(load(r, e).yearHours) { .num($0) } }
        add(.load, "lessons") { r, e in
            let li = load(r, e)
            let want = li.subgroup?.trimmingSpaces() ?? ""
            return lessonRefs((e.ix.lessonsByGS[JournalIndex.key(li.group, li.subject)] ?? []).filter { x in
                let s = e.journal.lessons[Int(x)].subgroup?.trimmingSpaces() ?? ""
                return want.isEmpty || s.isEmpty || s == want
            })
        }

        // teaching: i — group, a — subject, p — teacher, sub — subgroup, from/to — first/last lesson.
        add(.teaching, "teacher") { r, _ in .ref(Ref(kind: .teacher, i: r.p)) }
        add(.teaching, "group") { r, _ in .ref(Ref(kind: .group, i: r.i)) }
        add(.teaching, "subject") { r, _ in .ref(Ref(kind: .subject, i: r.a)) }
        add(.teaching, "subgroup") { r, e in e.nb.subgroupName(r.sub).map { .text($0) } ?? .null }
        add(.teaching, "start") { r, _ in .date(r.from) }
        add(.teaching, "end") { r, _ in .date(r.to) }
        add(.teaching, "lessons") { r, e in lessonRefs(teachingLessons(r, e)) }
        add(.teaching, "load") { r, e in loadRefs(loadRows(group: r.i, subject: r.a, subgroup: e.nb.subgroupName(r.sub), e)) }

        // teacher_month: i — teacher, from/to — the month.
        add(.teacherMonth, "teacher") { r, _ in .ref(Ref(kind: .teacher, i: r.i)) }
        add(.teacherMonth, "start") { r, _ in .date(r.from) }
        add(.teacherMonth, "end") { r, _ in .date(r.to) }
        add(.teacherMonth, "lessons") { r, e in
            lessonRefs((Int(r.i) < e.nb.lessonsByTeacher.count ? e.nb.lessonsByTeacher[Int(r.i)] : []).filter {
                let d = e.journal.lessons[Int($0)].date.dayNumber
                return d >= r.from && d <= r.to
            })
        }
        return m
    }()

    static func load(_ r: Ref, _ e: Env) -> LoadItem { e.journal.load[Int(r.i)] }

    /// The teacher in charge of a lesson for "who teaches": the timetable's teacher, else who taught.
    static func teachingTeacher(_ l: Lesson) -> TeacherID? { l.scheduledTeacher ?? l.teacher }

    static func teachingLessons(_ r: Ref, _ e: Env) -> [Int32] {
        (e.ix.lessonsByGS[JournalIndex.key(r.i, r.a)] ?? []).filter {
            e.nb.lessonSub[Int($0)] == r.sub && teachingTeacher(e.journal.lessons[Int($0)]) == r.p
        }
    }
}
