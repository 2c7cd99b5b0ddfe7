import JournalModel
import RuleLanguage

/// Builds a tiny journal from an example's fixture lines (rules/README.md, section 7).
struct FixtureJournal {
    var builder = JournalBuilder(institution: Institution(name: "Пример"))
    var calendar = SchoolCalendar()
    /// `as_of at=…`: the moment the example is judged at (default: after everything in it).
    var asOf: LocalDateTime?
    /// `param имя=значение`: parameters the example sets (the runner re-checks the rule with them).
    var parameters: [String: String] = [:]
    var lastLesson: LessonID?
    var problems: [(SourceLocation, String)] = []
    var pendingPeriodMarks: [FixtureLine] = []

    static let defaultGroup = "7а", defaultSubject = "Алгебра", defaultTeacher = "Учитель"

    static func build(_ lines: [FixtureLine]) -> (Journal, [(SourceLocation, String)]) {
        let f = make(lines)
        return (f.builder.journal, f.problems)
    }

    static func make(_ lines: [FixtureLine]) -> FixtureJournal {
        var f = FixtureJournal()
        for l in lines { f.add(l) }
        f.builder.setCalendar(f.calendar)
        for l in f.pendingPeriodMarks { f.addPeriodMark(l) }
        return f
    }

    mutating func text(_ l: FixtureLine, _ k: String) -> String? { l.values[k]?.asText }

    mutating func date(_ l: FixtureLine, _ k: String) -> LocalDate? {
        guard let v = l.values[k] else { return nil }
        if case .date(let d) = v { return d }
        problems.append((l.keyLocations[k] ?? l.loc, "`\(k)` должно быть датой вида 2025-09-01"))
        return nil
    }

    mutating func moment(_ l: FixtureLine, _ k: String) -> LocalDateTime? {
        guard let v = l.values[k] else { return nil }
        if case .dateTime(let d) = v { return d }
        if case .date(let d) = v { return d.startOfDay }
        problems.append((l.keyLocations[k] ?? l.loc, "`\(k)` должно быть моментом вида 2025-09-01T10:25"))
        return nil
    }

    mutating func time(_ l: FixtureLine, _ k: String) -> TimeOfDay? {
        guard let v = l.values[k] else { return nil }
        if case .time(let t) = v { return t }
        problems.append((l.keyLocations[k] ?? l.loc, "`\(k)` должно быть временем вида 08:30"))
        return nil
    }

    mutating func number(_ l: FixtureLine, _ k: String) -> Double? {
        guard let v = l.values[k] else { return nil }
        if case .number(let n) = v { return n }
        problems.append((l.keyLocations[k] ?? l.loc, "`\(k)` должно быть числом"))
        return nil
    }

    /// A whole number within `range` (lesson numbers, hours, the study week), else a problem.
    mutating func int(_ l: FixtureLine, _ k: String, _ range: ClosedRange<Int>) -> Int? {
        guard let n = number(l, k) else { return nil }
        guard n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
            problems.append((l.keyLocations[k] ?? l.loc, "`\(k)` должно быть целым числом от \(range.lowerBound) до \(range.upperBound)"))
            return nil
        }
        return Int(n)
    }

    /// Hours (of load or of a КТП row): a number from 0 to 10 000.
    mutating func hours(_ l: FixtureLine, _ k: String) -> Double? {
        guard let n = number(l, k) else { return nil }
        guard n >= 0, n <= 10_000 else {
            problems.append((l.keyLocations[k] ?? l.loc, "`\(k)` должно быть числом часов от 0 до 10000"))
            return nil
        }
        return n
    }

    mutating func group(_ l: FixtureLine) -> GroupID { builder.group(text(l, "group") ?? FixtureJournal.defaultGroup) }
    mutating func subject(_ l: FixtureLine) -> SubjectID { builder.subject(text(l, "subject") ?? FixtureJournal.defaultSubject) }
    mutating func teacher(_ name: String?) -> TeacherID? { name.map { builder.teacher($0) } }

    mutating func needLesson(_ l: FixtureLine) -> Lesson? {
        guard let id = lastLesson else {
            problems.append((l.loc, "строке `\(l.kind)` нужен урок: сначала напишите строку `lesson`"))
            return nil
        }
        return builder.journal.lessons[Int(id)]
    }

    mutating func add(_ l: FixtureLine) {
        switch l.kind {
        case "calendar":
            if let w = int(l, "week", 5...6) { calendar.studyWeekDays = w }
            if case .range(let a, let b)? = l.values["holiday"] { calendar.holidays.append(DateSpan(name: "каникулы", start: a, end: b)) }
        case "bell":
            guard let n = int(l, "n", 1...20), let s = time(l, "start"), let e = time(l, "end") else {
                problems.append((l.loc, "у строки `bell` нужны n, start и end: bell n=1 start=08:30 end=09:15"))
                return
            }
            calendar.bells.append(BellSlot(number: n, start: s, end: e))
        case "group":
            let g = builder.group(text(l, "name") ?? FixtureJournal.defaultGroup, curator: text(l, "curator"))
            if let grade = int(l, "grade", 1...11) { builder.setGroupGrade(g, grade) }
        case "teacher":
            let t = builder.teacher(text(l, "name") ?? FixtureJournal.defaultTeacher)
            builder.setTeacherPosition(t, text(l, "position"))
        case "period":
            guard let s = date(l, "start"), let e = date(l, "end") else {
                problems.append((l.loc, "у периода нужны start и end"))
                return
            }
            let kind = StudyPeriod.Kind(rawValue: text(l, "kind") ?? "четверть") ?? .quarter
            calendar.periods.append(StudyPeriod(name: text(l, "name") ?? "1 четверть", kind: kind, start: s, end: e))
        case "load":
            let g = group(l), s = subject(l)
            let t = builder.teacher(text(l, "teacher") ?? FixtureJournal.defaultTeacher)
            builder.addLoad(LoadItem(teacher: t, subject: s, group: g, subgroup: text(l, "subgroup"),
                                     weeklyHours: hours(l, "hours") ?? 1, yearHours: hours(l, "year")))
        case "student":
            let g = group(l)
            _ = builder.addStudent(Student(name: text(l, "name") ?? "Ученик", code: text(l, "code"), group: g,
                                           subgroup: text(l, "subgroup"), enrolled: date(l, "enrolled"), left: date(l, "left")))
        case "lesson":
            guard let d = date(l, "date") else {
                problems.append((l.loc, "у строки `lesson` нужна дата: date=2025-09-01"))
                return
            }
            let g = group(l), s = subject(l)
            lastLesson = builder.addLesson(Lesson(
                group: g, subgroup: text(l, "subgroup"), subject: s, date: d, number: int(l, "n", 0...20), start: time(l, "start"),
                end: time(l, "end"), teacher: teacher(text(l, "teacher") ?? FixtureJournal.defaultTeacher),
                scheduledTeacher: teacher(text(l, "scheduled")), substitutionEnteredAt: moment(l, "substitution_entered"),
                topic: text(l, "topic"), lessonKind: text(l, "kind"), homework: text(l, "homework"),
                recordedAt: moment(l, "recorded"), topicEnteredAt: moment(l, "topic_entered"),
                homeworkEnteredAt: moment(l, "homework_entered"), enteredBy: teacher(text(l, "by"))))
        case "cell":
            guard let les = needLesson(l), let lid = lastLesson else { return }
            let st = builder.student(text(l, "student") ?? "Ученик", group: les.group)
            builder.addCell(Cell(lesson: lid, student: st, value: CellValue(parsing: text(l, "value") ?? ""),
                                 workType: text(l, "work"), enteredAt: moment(l, "entered"), enteredBy: teacher(text(l, "by"))))
        case "period_mark": pendingPeriodMarks.append(l)
        case "plan":
            builder.addPlanItem(PlanItem(group: group(l), subject: subject(l), ordinal: int(l, "n", 1...100_000) ?? 1,
                                         topic: text(l, "topic") ?? "", hours: hours(l, "hours") ?? 1,
                                         lessonKind: text(l, "kind"), plannedDate: date(l, "date")))
        case "change":
            let les = lastLesson.map { builder.journal.lessons[Int($0)] }
            let st = text(l, "student").map { builder.student($0, group: les?.group ?? builder.group(FixtureJournal.defaultGroup)) }
            let target = Change.Target(rawValue: text(l, "target") ?? "отметка") ?? .cell
            builder.addChange(Change(target: target, lesson: lastLesson, student: st, subject: les?.subject, group: les?.group,
                                     oldValue: text(l, "old"), newValue: text(l, "new"), placedAt: moment(l, "placed"),
                                     changedAt: moment(l, "changed"), changedBy: teacher(text(l, "by")),
                                     reason: text(l, "reason")))
        case "as_of":
            asOf = moment(l, "at")
        case "param":
            for (k, v) in l.values { parameters[k] = v.asText }
        default:
            problems.append((l.loc, "неизвестная строка примера `\(l.kind)`"))
        }
    }

    mutating func addPeriodMark(_ l: FixtureLine) {
        let g = group(l), s = subject(l)
        let st = builder.student(text(l, "student") ?? "Ученик", group: g)
        let pname = text(l, "period") ?? calendar.periods.first?.name ?? "1 четверть"
        let pid = calendar.periods.firstIndex { $0.name == pname }.map(PeriodID.init)
        if pid == nil { problems.append((l.keyLocations["period"] ?? l.loc, "нет периода «\(pname)»: объявите его строкой `period`")) }
        builder.addPeriodMark(PeriodMark(student: st, subject: s, period: pid, periodName: pname,
                                         value: CellValue(parsing: text(l, "value") ?? ""), enteredAt: moment(l, "entered")))
    }
}
