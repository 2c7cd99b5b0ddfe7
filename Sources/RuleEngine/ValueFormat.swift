import JournalModel
import RuleLanguage

/// Values as a teacher reads them in messages and evidence.
enum ValueFormat {
    static func text(_ v: Value, _ type: VType?, _ env: Env) -> String {
        switch v {
        case .null: return "—"
        case .bool(let b): return b ? "да" : "нет"
        case .num(let x): return type == .percent ? Format.percent(x) : Format.number(x)
        case .text(let s): return s
        case .date(let d): return LocalDate(dayNumber: d).description
        case .time(let t): return LocalDateTime(seconds: t).description
        case .timeIn(let lo, let hi):
            let a = LocalDateTime(seconds: lo), b = LocalDateTime(seconds: hi)
            if Value.isWholeDay(lo, hi) { return "\(a.date) (время не указано)" }
            return "между \(a) и \(b)"
        case .dur(let s): return Format.delay(s)
        case .durIn(let lo, let hi): return "от \(Format.delay(lo)) до \(Format.delay(hi))"
        case .days(let n, let w): return Literal.days(Int(n), working: w).description
        case .set(let xs): return xs.sorted().joined(separator: ", ")
        case .ref(let r): return name(r, env)
        case .list(let xs): return String(xs.count)
        }
    }

    /// A deadline: a moment at exactly 00:00 is shown as 24:00 of the previous day
    /// («до 01.09.2025 24:00» — the end of the lesson day, rules/README.md section 2).
    static func deadline(_ v: Value, _ type: VType?, _ env: Env) -> String {
        if case .time(let t) = v, t % 86400 == 0 {
            return "\(LocalDateTime(seconds: t - 1).date) 24:00"
        }
        return text(v, type, env)
    }

    /// A record's human name: a student's name, "урок 01.09.2025", a group's name…
    static func name(_ r: Ref, _ env: Env) -> String {
        let j = env.journal
        switch r.kind {
        case .group: return j.groups[Int(r.i)].name
        case .student: return j.students[Int(r.i)].name
        case .teacher: return j.teachers[Int(r.i)].name
        case .subject: return j.subjects[Int(r.i)].name
        case .period: return j.calendar.periods[Int(r.i)].name
        case .lesson:
            let l = j.lessons[Int(r.i)]
            return "урок \(l.date)" + (l.number.map { ", \($0)-й" } ?? "")
        case .cell: return j.cells[Int(r.i)].value.raw
        case .periodMark: return j.periodMarks[Int(r.i)].value.raw
        case .planItem: return j.plan[Int(r.i)].topic
        case .change: return j.changes[Int(r.i)].newValue ?? "—"
        case .span: return j.students[Int(r.i)].name
        case .groupMonth, .planFact: return j.groups[Int(r.i)].name
        case .teaching: return j.teachers[Int(r.p)].name
        case .teacherMonth: return j.teachers[Int(r.i)].name
        case .load: return j.teachers[Int(j.load[Int(r.i)].teacher)].name
        case .holiday: return j.calendar.holidays[Int(r.i)].name
        }
    }
}

/// Where a record sits, for findings: natural key and the report columns.
struct ItemFacts {
    var key: String
    var group: String?
    var subject: String?
    var teacher: String?
    var date: LocalDate?
    var student: String?

    init(_ r: Ref, _ env: Env) {
        let j = env.journal
        func lessonKey(_ l: Lesson, _ id: Int32) -> String {
            let rank = env.ix.unnumberedRank[Int(id)]
            let number = l.number.map(String.init) ?? (rank > 0 ? "-\(rank)" : "-")
            return "\(j.groups[Int(l.group)].name)|\(j.subjects[Int(l.subject)].name)|\(l.date.iso)|\(number)"
        }
        func fromLesson(_ l: Lesson) {
            group = j.groups[Int(l.group)].name
            subject = j.subjects[Int(l.subject)].name
            teacher = l.responsibleTeacher.map { j.teachers[Int($0)].name }
            date = l.date
        }
        key = ""
        switch r.kind {
        case .lesson:
            let l = j.lessons[Int(r.i)]
            fromLesson(l)
            key = lessonKey(l, r.i)
        case .cell:
            let c = j.cells[Int(r.i)], l = j.lessons[Int(c.lesson)]
            fromLesson(l)
            student = j.students[Int(c.student)].name
            key = lessonKey(l, c.lesson) + "|" + (student ?? "")
        case .periodMark:
            let m = j.periodMarks[Int(r.i)]
            student = j.students[Int(m.student)].name
            group = j.groups[Int(j.students[Int(m.student)].group)].name
            subject = j.subjects[Int(m.subject)].name
            date = m.period.flatMap { Int($0) < j.calendar.periods.count ? j.calendar.periods[Int($0)].end : nil }
            teacher = m.enteredBy.map { j.teachers[Int($0)].name }
                ?? env.ix.teacherByGS[JournalIndex.key(j.students[Int(m.student)].group, m.subject)].map { j.teachers[Int($0)].name }
            key = "\(group ?? "")|\(subject ?? "")|\(m.periodName)|\(student ?? "")"
        case .planItem:
            let p = j.plan[Int(r.i)]
            group = j.groups[Int(p.group)].name
            subject = j.subjects[Int(p.subject)].name
            date = p.plannedDate
            teacher = env.ix.teacherByGS[JournalIndex.key(p.group, p.subject)].map { j.teachers[Int($0)].name }
            key = "\(group ?? "")|\(subject ?? "")|КТП \(p.ordinal)"
        case .change:
            let c = j.changes[Int(r.i)]
            if let l = c.lesson { fromLesson(j.lessons[Int(l)]) }
            if let g = c.group { group = j.groups[Int(g)].name }
            if let s = c.subject { subject = j.subjects[Int(s)].name }
            student = c.student.map { j.students[Int($0)].name }
            teacher = c.changedBy.map { j.teachers[Int($0)].name } ?? teacher
            key = "\(c.target.rawValue)|\(group ?? "")|\(subject ?? "")|\(date?.iso ?? "-")|\(student ?? "")|\(c.changedAt?.iso ?? "-")"
        case .span:
            let st = j.students[Int(r.i)]
            student = st.name
            group = j.groups[Int(st.group)].name
            subject = j.subjects[Int(r.a)].name
            date = LocalDate(dayNumber: r.to)
            teacher = env.ix.teacherByGS[JournalIndex.key(st.group, r.a)].map { j.teachers[Int($0)].name }
            if r.p >= 0, Int(r.p) < j.calendar.periods.count, j.calendar.periods[Int(r.p)].start.dayNumber == r.from,
               j.calendar.periods[Int(r.p)].end.dayNumber == r.to {
                // A whole study period: the key of the period mark it stands for.
                key = "\(group ?? "")|\(subject ?? "")|\(j.calendar.periods[Int(r.p)].name)|\(student ?? "")"
            } else {
                key = "\(group ?? "")|\(subject ?? "")|\(student ?? "")|\(LocalDate(dayNumber: r.from).iso)..\(LocalDate(dayNumber: r.to).iso)"
            }
        case .groupMonth:
            group = j.groups[Int(r.i)].name
            subject = j.subjects[Int(r.a)].name
            date = LocalDate(dayNumber: r.from)
            teacher = env.ix.teacherByGS[JournalIndex.key(r.i, r.a)].map { j.teachers[Int($0)].name }
            key = "\(group ?? "")|\(subject ?? "")|\(String(LocalDate(dayNumber: r.from).iso.prefix(7)))"
        case .planFact:
            group = j.groups[Int(r.i)].name
            subject = j.subjects[Int(r.a)].name
            date = LocalDate(dayNumber: r.to)
            if case .ref(let t) = FieldGetters.planFactGetters[FieldKey(.planFact, "teacher")]?.get(r, env) ?? .null {
                teacher = j.teachers[Int(t.i)].name
            }
            let span = r.p >= 0 && Int(r.p) < j.calendar.periods.count ? j.calendar.periods[Int(r.p)].name
                : "\(LocalDate(dayNumber: r.from).iso)..\(LocalDate(dayNumber: r.to).iso)"
            key = "\(group ?? "")|\(subject ?? "")|\(env.nb.subgroupName(r.sub) ?? "")|\(span)"
        case .teaching:
            group = j.groups[Int(r.i)].name
            subject = j.subjects[Int(r.a)].name
            teacher = j.teachers[Int(r.p)].name
            date = LocalDate(dayNumber: r.to)
            key = "ведёт|\(group ?? "")|\(subject ?? "")|\(env.nb.subgroupName(r.sub) ?? "")|\(teacher ?? "")"
        case .teacherMonth:
            teacher = j.teachers[Int(r.i)].name
            date = LocalDate(dayNumber: r.from)
            key = "\(teacher ?? "")|\(String(LocalDate(dayNumber: r.from).iso.prefix(7)))"
        case .load:
            let li = j.load[Int(r.i)]
            group = j.groups[Int(li.group)].name
            subject = j.subjects[Int(li.subject)].name
            teacher = j.teachers[Int(li.teacher)].name
            key = "нагрузка|\(group ?? "")|\(li.subgroup ?? "")|\(subject ?? "")|\(teacher ?? "")"
        case .group:
            group = j.groups[Int(r.i)].name
            key = group ?? ""
        default:
            key = ValueFormat.name(r, env)
        }
    }
}
