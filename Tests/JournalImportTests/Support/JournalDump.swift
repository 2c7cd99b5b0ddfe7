import JournalModel

/// A journal as sorted lines of text, by name rather than id: two journals with the same
/// content give the same lines, whatever order their files were read in.
enum JournalDump {
    static func lines(_ j: Journal) -> [String] {
        func t(_ id: TeacherID?) -> String { id.map { j.teacher($0).name } ?? "-" }
        func o<T>(_ v: T?) -> String { v.map { "\($0)" } ?? "-" }
        var out: [String] = []
        let i = j.institution
        out.append("учреждение|\(i.name)|\(i.kind)|\(i.timeZone.identifier)|\(i.studyWeekDays)|\(o(i.director))|\(o(i.deputyDirector))")
        for p in j.calendar.periods { out.append("период|\(p.name)|\(p.kind.rawValue)|\(p.start)|\(p.end)") }
        for h in j.calendar.holidays { out.append("каникулы|\(h.name)|\(h.start)|\(h.end)") }
        for b in j.calendar.bells { out.append("звонок|\(b.number)|\(b.start)|\(b.end)") }
        for g in j.groups { out.append("группа|\(g.name)|\(o(g.grade))|\(o(g.curator))") }
        for s in j.students { out.append("ученик|\(j.group(s.group).name)|\(s.name)|\(o(s.code))|\(o(s.subgroup))|\(o(s.enrolled))|\(o(s.left))") }
        for l in j.load { out.append("нагрузка|\(j.group(l.group).name)|\(j.subject(l.subject).name)|\(t(l.teacher))|\(l.weeklyHours)|\(o(l.yearHours))") }
        for p in j.plan { out.append("ктп|\(j.group(p.group).name)|\(j.subject(p.subject).name)|\(p.ordinal)|\(p.topic)|\(p.hours)") }
        for l in j.lessons {
            out.append("урок|\(j.group(l.group).name)|\(o(l.subgroup))|\(j.subject(l.subject).name)|\(l.date)|\(o(l.number))|\(o(l.start))|\(o(l.end))"
                       + "|\(t(l.scheduledTeacher))|\(t(l.teacher))|\(o(l.substitutionEnteredAt))|\(o(l.topic))|\(o(l.homework))"
                       + "|\(o(l.recordedAt))|\(o(l.topicEnteredAt))|\(o(l.homeworkEnteredAt))")
        }
        for c in j.cells {
            let l = j.lesson(c.lesson)
            out.append("клетка|\(j.group(l.group).name)|\(j.subject(l.subject).name)|\(l.date)|\(o(l.number))|\(j.student(c.student).name)"
                       + "|\(c.value.raw)|\(o(c.workType))|\(o(c.enteredAt))|\(t(c.enteredBy))")
        }
        for p in j.periodMarks {
            out.append("итоговая|\(j.student(p.student).name)|\(j.subject(p.subject).name)|\(p.periodName)|\(o(p.period.map { j.calendar.periods[Int($0)].name }))|\(p.value.raw)")
        }
        for c in j.changes { out.append("изменение|\(c.target.rawValue)|\(o(c.oldValue))|\(o(c.newValue))|\(o(c.placedAt))|\(o(c.changedAt))") }
        return out.sorted()
    }
}
