import JournalImport
import JournalModel

/// A request the store cannot answer (an unknown group): Russian, with a suggestion.
public struct LoadError: Error, Sendable {
    public var diagnostic: Diagnostic
}

extension JournalStore {
    /// Loads the journal for `from...to` (either end open) and optionally one group: prepared
    /// statements, one pass per table, ids mapped through arrays — no per-row name lookups.
    public func load(from: LocalDate? = nil, to: LocalDate? = nil, group: String? = nil) throws -> Journal {
        var loader = JournalLoader(db: db)
        var timer = PhaseTimer()
        let j = try loader.load(from: from, to: to, group: group)
        timer.mark("загрузка журнала (\(j.lessons.count) ур., \(j.cells.count) кл.)")
        return j
    }
}

struct JournalLoader {
    let db: Database
    var groupIndex: [Int64: GroupID] = [:]
    var teacherIndex: [Int64: TeacherID] = [:]
    var subjectIndex: [Int64: SubjectID] = [:]
    var studentIndex: [Int32] = []
    var lessonIndex: [Int32] = []
    /// Per stored lesson id, the lesson's place in the cells' order (-1: not loaded).
    var lessonRank: [Int32] = []

    init(db: Database) { self.db = db }

    private static func dense(_ map: [Int64: Int32]) -> [Int32] {
        var a = [Int32](repeating: -1, count: Int(map.keys.max() ?? 0) + 1)
        for (k, v) in map where k >= 0 { a[Int(k)] = v }
        return a
    }

    private func at(_ a: [Int32], _ id: Int64?) -> Int32? {
        guard let id, id >= 0, id < a.count, a[Int(id)] >= 0 else { return nil }
        return a[Int(id)]
    }

    private func ts(_ v: Int64?) -> LocalDateTime? { StoredTime.decode(v) }

    /// Lessons of a day in order: numbered by number, then those named by date only in their
    /// file's order (stored as 0, -1, -2 …: see `LessonRecord.number`).
    static func lessonOrder(_ column: String) -> String { "CASE WHEN \(column) > 0 THEN \(column) ELSE 1000 - \(column) END" }
    private func day(_ v: Int64?) -> LocalDate? { v.map { LocalDate(dayNumber: Int32($0)) } }

    mutating func load(from: LocalDate?, to: LocalDate?, group: String?) throws -> Journal {
        let lo = Int64(from?.dayNumber ?? Int32.min), hi = Int64(to?.dayNumber ?? Int32.max)
        var j = Journal(institution: try institution(), calendar: try calendar())
        j.calendar.studyWeekDays = j.institution.studyWeekDays

        // Groups (one, when asked).
        let gs = try db.prepare("SELECT id, name, grade, curator FROM grp ORDER BY name")
        while try gs.step() {
            let name = gs.text(1)
            if let group, GroupName.normalize(group) != name { continue }
            groupIndex[gs.int(0)] = GroupID(j.groups.count)
            j.groups.append(Group(name: name, grade: gs.optInt(2).map { Int($0) }, curator: gs.optText(3)))
        }
        if let group, j.groups.isEmpty {
            let all = try names("SELECT name FROM grp")
            throw LoadError(diagnostic: Diagnostic(id: "load.unknown-group", location: nil,
                message: "в журнале нет группы «\(group)»",
                hint: Suggestions.closest(to: group, among: all).map { "возможно, «\($0)»?" } ?? "группы: " + all.joined(separator: ", ")))
        }
        let groupFilter = group == nil ? "" : " AND group_id IN (\(groupIndex.keys.map(String.init).joined(separator: ",")))"

        let ts_ = try db.prepare("SELECT id, name, position FROM teacher ORDER BY id")
        while try ts_.step() {
            teacherIndex[ts_.int(0)] = TeacherID(j.teachers.count)
            j.teachers.append(Teacher(name: ts_.text(1), position: ts_.optText(2)))
        }
        let ss = try db.prepare("SELECT id, name FROM subject ORDER BY id")
        while try ss.step() {
            subjectIndex[ss.int(0)] = SubjectID(j.subjects.count)
            j.subjects.append(Subject(name: ss.text(1)))
        }

        var students: [Int64: Int32] = [:]
        let st = try db.prepare("SELECT id, group_id, name, code, subgroup, enrolled_day, left_day FROM student WHERE 1\(groupFilter) ORDER BY group_id, name")
        while try st.step() {
            guard let g = groupIndex[st.int(1)] else { continue }
            students[st.int(0)] = StudentID(j.students.count)
            j.students.append(Student(name: st.text(2), code: st.optText(3), group: g, subgroup: st.optText(4),
                                      enrolled: day(st.optInt(5)), left: day(st.optInt(6))))
        }
        studentIndex = Self.dense(students)

        let ld = try db.prepare("SELECT teacher_id, subject_id, group_id, subgroup, weekly_hours, year_hours FROM load_item WHERE 1\(groupFilter)")
        while try ld.step() {
            guard let t = teacherIndex[ld.int(0)], let s = subjectIndex[ld.int(1)], let g = groupIndex[ld.int(2)] else { continue }
            let sub = ld.text(3)
            j.load.append(LoadItem(teacher: t, subject: s, group: g, subgroup: sub.isEmpty ? nil : sub,
                                   weeklyHours: ld.double(4), yearHours: ld.optDouble(5)))
        }
        let pl = try db.prepare("SELECT group_id, subject_id, ordinal, topic, hours, kind, planned_day FROM plan_item WHERE 1\(groupFilter) ORDER BY group_id, subject_id, ordinal")
        while try pl.step() {
            guard let g = groupIndex[pl.int(0)], let s = subjectIndex[pl.int(1)] else { continue }
            j.plan.append(PlanItem(group: g, subject: s, ordinal: Int(pl.int(2)), topic: pl.text(3), hours: pl.double(4),
                                   lessonKind: pl.optText(5), plannedDate: day(pl.optInt(6))))
        }

        var timer = PhaseTimer(indent: "    загрузка: ")
        timer.mark("справочники")
        try loadLessons(into: &j, lo: lo, hi: hi, groupFilter: groupFilter)
        timer.mark("уроки")
        try loadCells(into: &j)
        timer.mark("клетки")
        try loadPeriodMarks(into: &j)
        timer.mark("итоговые отметки")
        try loadChanges(into: &j, lo: lo, hi: hi)
        timer.mark("история изменений")
        return j
    }

    private func names(_ sql: String) throws -> [String] {
        let s = try db.prepare(sql)
        var out: [String] = []
        while try s.step() { out.append(s.text(0)) }
        return out
    }

    /// Lessons in the order `day, lesson order of the day (lessonOrder), group id, subject id,
    /// lesson id`. Read unsorted and sorted here: SQLite sorted the rows with their topics and
    /// homework in a temporary B-tree (0.5 s of the college's 91,000 lessons), Swift sorts an
    /// array of small keys. The last key is the order SQLite gave rows equal in the others (the
    /// day index's rowid order; `LoaderOrderTests` holds the two orders equal). The table is
    /// scanned, not searched through the day index: one pass over the rows costs a quarter of
    /// a look-up per row (0.05 s against 0.23 s for the college), whatever the date range.
    private mutating func loadLessons(into j: inout Journal, lo: Int64, hi: Int64, groupFilter: String) throws {
        struct Key { var day: Int32, number: Int, group: Int64, subject: Int64, id: Int64 }
        var keys: [Key] = []
        var read: [Lesson] = []
        let s = try db.prepare("""
            SELECT id, group_id, subgroup, subject_id, day, number, start_sec, end_sec, teacher_id, scheduled_teacher_id,
                   substitution_at, topic, kind, homework, recorded_at, topic_at, homework_at, entered_by
              FROM lesson NOT INDEXED WHERE day BETWEEN ? AND ?\(groupFilter)
            """)
        try s.bind([.int(lo), .int(hi)])
        while try s.step() {
            guard let g = groupIndex[s.int(1)], let subj = subjectIndex[s.int(3)] else { continue }
            let sub = s.text(2), number = Int(s.int(5))
            var l = Lesson(group: g, subgroup: sub.isEmpty ? nil : sub, subject: subj, date: LocalDate(dayNumber: Int32(s.int(4))),
                           number: number <= 0 ? nil : number)
            l.start = s.optInt(6).map { TimeOfDay(secondsSinceMidnight: Int32($0)) }
            l.end = s.optInt(7).map { TimeOfDay(secondsSinceMidnight: Int32($0)) }
            l.teacher = s.optInt(8).flatMap { teacherIndex[$0] }
            l.scheduledTeacher = s.optInt(9).flatMap { teacherIndex[$0] }
            l.substitutionEnteredAt = ts(s.optInt(10))
            l.topic = s.optText(11)
            l.lessonKind = s.optText(12)
            l.homework = s.optText(13)
            l.recordedAt = ts(s.optInt(14))
            l.topicEnteredAt = ts(s.optInt(15))
            l.homeworkEnteredAt = ts(s.optInt(16))
            l.enteredBy = s.optInt(17).flatMap { teacherIndex[$0] }
            keys.append(Key(day: l.date.dayNumber, number: number > 0 ? number : 1000 - number, group: s.int(1), subject: s.int(3),
                            id: s.int(0)))
            read.append(l)
        }
        let order = keys.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            return (x.day, x.number, x.group, x.subject, x.id) < (y.day, y.number, y.group, y.subject, y.id)
        }
        var index: [Int64: Int32] = [:]
        index.reserveCapacity(order.count)
        j.lessons.reserveCapacity(j.lessons.count + order.count)
        for i in order {
            index[keys[i].id] = LessonID(j.lessons.count)
            j.lessons.append(read[i])
        }
        read = []
        lessonIndex = Self.dense(index)
        // Cells come day by day, lessons of a day in order, then by lesson id (see `loadCells`).
        let ranked = keys.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            return (x.day, x.number, x.id) < (y.day, y.number, y.id)
        }
        lessonRank = [Int32](repeating: -1, count: lessonIndex.count)
        for (rank, i) in ranked.enumerated() { lessonRank[Int(keys[i].id)] = Int32(rank) }
    }

    /// Cells in the order `lesson.day, lesson order of the day, lesson id, student id`, read
    /// without SQL sorting: the table is stored by (lesson id, student id), so one pass counts the
    /// cells of each lesson, and the second puts each cell in its lesson's run (a counting sort by
    /// the lesson's rank from `loadLessons`; within a lesson the stored student order is kept).
    /// Cells of lessons or students not loaded (another period or group) are skipped.
    private func loadCells(into j: inout Journal) throws {
        let lessons = lessonRank.lazy.filter { $0 >= 0 }.count
        var start = [Int](repeating: 0, count: lessons + 1)
        let keys = try db.prepare("SELECT lesson_id, student_id FROM cell")
        while try keys.step() {
            guard let r = rank(keys.int(0)), at(studentIndex, keys.int(1)) != nil else { continue }
            start[Int(r) + 1] += 1
        }
        for i in 0..<lessons { start[i + 1] += start[i] }
        let total = start[lessons]
        guard total > 0 else { return }
        // Work types and teachers by id through arrays; cell values parsed once per distinct text.
        var workTypes: [String?] = []
        let w = try db.prepare("SELECT id, name FROM work_type")
        while try w.step() {
            let id = Int(w.int(0))
            guard id >= 0 else { continue }
            if id >= workTypes.count { workTypes += Array(repeating: nil, count: id + 1 - workTypes.count) }
            workTypes[id] = w.text(1)
        }
        let teachers = Self.dense(teacherIndex)
        var values = TextInterner { CellValue(parsing: $0) }
        let first = j.cells.count
        j.cells.append(contentsOf: repeatElement(Cell(lesson: 0, student: 0, value: CellValue(parsing: "")), count: total))
        // The primary key's order: the table's own, no sorting.
        let s = try db.prepare("SELECT lesson_id, student_id, value, work_type_id, entered_at, entered_by FROM cell ORDER BY lesson_id, student_id")
        var placed = 0
        while try s.step() {
            guard let r = rank(s.int(0)), let st = at(studentIndex, s.int(1)), let l = at(lessonIndex, s.int(0)) else { continue }
            let wt = s.optInt(3).flatMap { $0 >= 0 && $0 < workTypes.count ? workTypes[Int($0)] : nil }
            let k = start[Int(r)]
            start[Int(r)] = k + 1
            j.cells[first + k] = Cell(lesson: l, student: st, value: values.value(s, 2), workType: wt,
                                      enteredAt: ts(s.optInt(4)), enteredBy: at(teachers, s.optInt(5)))
            placed += 1
        }
        // The table cannot change between the two passes (one connection, one statement at a time).
        precondition(placed == total, "cell table changed while loading")
    }

    private func rank(_ lesson: Int64) -> Int32? { at(lessonRank, lesson) }

    private func loadPeriodMarks(into j: inout Journal) throws {
        let s = try db.prepare("SELECT student_id, subject_id, period_name, value, entered_at, entered_by FROM period_mark ORDER BY student_id, subject_id, period_name")
        // Period names matched and values parsed once per distinct text.
        let calendarPeriods = j.calendar.periods
        var periods = TextInterner { name in (name: name, period: PeriodNames.match(name, in: calendarPeriods)) }
        var values = TextInterner { CellValue(parsing: $0) }
        let teachers = Self.dense(teacherIndex)
        while try s.step() {
            guard let st = at(studentIndex, s.int(0)), let subj = subjectIndex[s.int(1)] else { continue }
            let p = periods.value(s, 2)
            j.periodMarks.append(PeriodMark(student: st, subject: subj, period: p.period, periodName: p.name,
                                            value: values.value(s, 3), enteredAt: ts(s.optInt(4)), enteredBy: at(teachers, s.optInt(5))))
        }
    }

    private func loadChanges(into j: inout Journal, lo: Int64, hi: Int64) throws {
        let s = try db.prepare("""
            SELECT h.target, h.lesson_id, h.student_id, h.subject_id, h.group_id, h.old_value, h.new_value, h.placed_at,
                   h.changed_at, h.changed_by, h.batch_id, l.day, h.reason
              FROM change h LEFT JOIN lesson l ON l.id = h.lesson_id ORDER BY h.id
            """)
        while try s.step() {
            guard let target = Change.Target(rawValue: s.text(0)) else { continue }
            if let d = s.optInt(11), d < lo || d > hi { continue }
            let g = s.optInt(4).flatMap { groupIndex[$0] }
            if s.optInt(4) != nil, g == nil { continue }
            j.changes.append(Change(target: target, lesson: at(lessonIndex, s.optInt(1)), student: at(studentIndex, s.optInt(2)),
                                    subject: s.optInt(3).flatMap { subjectIndex[$0] }, group: g, oldValue: s.optText(5),
                                    newValue: s.optText(6), placedAt: ts(s.optInt(7)), changedAt: ts(s.optInt(8)),
                                    changedBy: s.optInt(9).flatMap { teacherIndex[$0] }, batch: s.optInt(10).map { Int($0) },
                                    reason: s.optText(12)))
        }
    }
}
