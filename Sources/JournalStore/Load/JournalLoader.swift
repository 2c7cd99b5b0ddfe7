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
        try load(from: from, to: to, group: group, parallel: ThreadSetting.several)
    }

    /// `parallel`: read the cells on a second connection when the database allows (tests
    /// compare the two ways).
    func load(from: LocalDate?, to: LocalDate?, group: String?, parallel: Bool) throws -> Journal {
        var loader = JournalLoader(db: db)
        loader.parallel = parallel
        loader.kept = kept
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
    /// A group or a date range is asked: not every row is loaded.
    var filtered = false
    /// Read the cells on a second connection while the lessons load, when the database allows
    /// (`ParallelCells`); off, everything is read on the one connection.
    var parallel = true
    /// What a database in memory keeps out of its tables, read instead of them (`KeptInMemory`).
    var kept = KeptInMemory()

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
        filtered = from != nil || to != nil || group != nil
        var timer = PhaseTimer(indent: "    загрузка: ")
        // One state of the database for every table (see `ParallelCells`).
        let reading = try Self.beginRead(db, parallel: parallel)
        defer { if reading != .callers { try? db.execute("COMMIT") } }
        // Runs before the COMMIT above: the worker's reads end inside the lock.
        var parallelCells: ParallelCells?
        defer { _ = try? parallelCells?.wait() }
        var j = Journal(institution: try institution(), calendar: try calendar())
        j.calendar.studyWeekDays = j.institution.studyWeekDays

        // Texts of plan items and lessons (topics, kinds, homework, subgroups).
        var texts = TextInterner { $0 }
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
        // The cells need only the students and teachers: from here they are read on another
        // thread (`ParallelCells`: a second connection, when the database allows, or the cells
        // a database in memory keeps) while the rest loads on this one.
        let teachers = Self.dense(teacherIndex)
        if reading == .locked, kept.cells == nil {
            parallelCells = .secondConnection(path: db.path, students: studentIndex, teachers: teachers, all: !filtered)
        } else if parallel, let memoryCells = kept.cells {
            parallelCells = .memory(memoryCells, workTypes: try CellReader.storedWorkTypes(db), students: studentIndex,
                                    teachers: teachers, all: !filtered)
        }

        let ld = try db.prepare("SELECT teacher_id, subject_id, group_id, subgroup, weekly_hours, year_hours FROM load_item WHERE 1\(groupFilter)")
        while try ld.step() {
            guard let t = teacherIndex[ld.int(0)], let s = subjectIndex[ld.int(1)], let g = groupIndex[ld.int(2)] else { continue }
            let sub = ld.text(3)
            j.load.append(LoadItem(teacher: t, subject: s, group: g, subgroup: sub.isEmpty ? nil : sub,
                                   weeklyHours: ld.double(4), yearHours: ld.optDouble(5)))
        }
        // The plan (КТП) by group, subject and ordinal (its unique key: no ties), read in the
        // table's order and sorted here (the key's index would fetch each row by a look-up);
        // its topics are the lessons' topics, interned the same way (`loadLessons`).
        let groups = Self.dense(groupIndex), subjects = Self.dense(subjectIndex)
        var plan: [PlanItem] = [], planKeys: [(group: Int64, subject: Int64, ordinal: Int64, read: Int32)] = []
        if !filtered, let n = try kept.plan.map({ Int64($0.rows.count) }) ?? db.scalar("SELECT COUNT(*) FROM plan_item") {
            plan.reserveCapacity(Int(n))
            planKeys.reserveCapacity(Int(n))
        }
        if let m = kept.plan {
            // The rows a database in memory keeps (`MemoryPlan`), in the table's order, alike.
            for r in m.rows {
                guard let g = at(groups, r.group), let s = at(subjects, r.subject) else { continue }
                planKeys.append((r.group, r.subject, r.ordinal, Int32(plan.count)))
                plan.append(PlanItem(group: g, subject: s, ordinal: Int(r.ordinal), topic: texts.value(r.topic), hours: r.hours,
                                     lessonKind: r.kind.map { texts.value($0) }, plannedDate: day(r.plannedDay)))
            }
        } else {
            let pl = try db.prepare("SELECT group_id, subject_id, ordinal, topic, hours, kind, planned_day FROM plan_item WHERE 1\(groupFilter)")
            while try pl.step() {
                guard let g = at(groups, pl.int(0)), let s = at(subjects, pl.int(1)) else { continue }
                planKeys.append((pl.int(0), pl.int(1), pl.int(2), Int32(plan.count)))
                plan.append(PlanItem(group: g, subject: s, ordinal: Int(pl.int(2)), topic: texts.value(pl, 3), hours: pl.double(4),
                                     lessonKind: pl.isNull(5) ? nil : texts.value(pl, 5), plannedDate: day(pl.optInt(6))))
            }
        }
        planKeys.sort { x, y in (x.group, x.subject, x.ordinal) < (y.group, y.subject, y.ordinal) }
        var planPlace = [Int32](repeating: 0, count: planKeys.count)
        for (k, key) in planKeys.enumerated() { planPlace[Int(key.read)] = Int32(k) }
        Permutation.apply(&planPlace, to: &plan)
        j.plan = plan

        timer.mark("справочники")
        try loadLessons(into: &j, lo: lo, hi: hi, groupFilter: groupFilter, texts: &texts)
        timer.mark("уроки")
        try loadPeriodMarks(into: &j)
        timer.mark("итоговые отметки")
        try loadChanges(into: &j, lo: lo, hi: hi)
        timer.mark("история изменений")
        // Read here (on this connection, still in the same transaction) if the other thread
        // failed or did not run.
        let waited = parallelCells != nil
        var cells = try (try? parallelCells?.wait())
            ?? kept.cells.map { CellReader(memory: $0, workTypes: try CellReader.storedWorkTypes(db), students: studentIndex,
                                            teachers: teachers, all: !filtered) }
            ?? CellReader(db: db, students: studentIndex, teachers: teachers, all: !filtered)
        parallelCells = nil
        timer.mark(waited ? "клетки (другой поток, ожидание)" : "клетки")
        j.cells = cells.cells(rank: lessonRank, index: lessonIndex)
        timer.mark("клетки по порядку уроков")
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
    /// Texts are interned (`TextInterner`): a college's 91,000 topics are 1,600 distinct texts.
    private mutating func loadLessons(into j: inout Journal, lo: Int64, hi: Int64, groupFilter: String,
                                      texts: inout TextInterner<String>) throws {
        var keys: [LessonKey] = []
        var read: [Lesson] = []
        if groupFilter.isEmpty, let n = try kept.lessons.map({ Int64($0.count) }) ?? db.scalar("SELECT COUNT(*) FROM lesson") {
            keys.reserveCapacity(Int(n))
            read.reserveCapacity(Int(n))
        }
        let groups = Self.dense(groupIndex), subjects = Self.dense(subjectIndex), teachers = Self.dense(teacherIndex)
        if let m = kept.lessons {
            readMemoryLessons(m, lo: lo, hi: hi, groups: groups, subjects: subjects, teachers: teachers, texts: &texts,
                              keys: &keys, read: &read)
        } else {
            try readStoredLessons(lo: lo, hi: hi, groupFilter: groupFilter, groups: groups, subjects: subjects, teachers: teachers,
                                  texts: &texts, keys: &keys, read: &read)
        }
        sortLessons(into: &j, keys: &keys, read: &read)
    }

    /// The `lesson` table's rows in its order (see `loadLessons`).
    private func readStoredLessons(lo: Int64, hi: Int64, groupFilter: String, groups: [Int32], subjects: [Int32], teachers: [Int32],
                                   texts: inout TextInterner<String>, keys: inout [LessonKey], read: inout [Lesson]) throws {
        let s = try db.prepare("""
            SELECT id, group_id, subgroup, subject_id, day, number, start_sec, end_sec, teacher_id, scheduled_teacher_id,
                   substitution_at, topic, kind, homework, recorded_at, topic_at, homework_at, entered_by
              FROM lesson NOT INDEXED WHERE day BETWEEN ? AND ?\(groupFilter)
            """)
        try s.bind([.int(lo), .int(hi)])
        while try s.step() {
            let groupID = s.int(1), subjectID = s.int(3)
            guard let g = at(groups, groupID), let subj = at(subjects, subjectID) else { continue }
            let number = Int(s.int(5)), day = Int32(truncatingIfNeeded: s.int(4))
            var l = Lesson(group: g, subgroup: s.isEmptyText(2) ? nil : texts.value(s, 2), subject: subj,
                           date: LocalDate(dayNumber: day), number: number <= 0 ? nil : number)
            l.start = s.optInt(6).map { TimeOfDay(secondsSinceMidnight: Int32($0)) }
            l.end = s.optInt(7).map { TimeOfDay(secondsSinceMidnight: Int32($0)) }
            l.teacher = at(teachers, s.optInt(8))
            l.scheduledTeacher = at(teachers, s.optInt(9))
            l.substitutionEnteredAt = ts(s.optInt(10))
            if !s.isNull(11) { l.topic = texts.value(s, 11) }
            if !s.isNull(12) { l.lessonKind = texts.value(s, 12) }
            if !s.isNull(13) { l.homework = texts.value(s, 13) }
            l.recordedAt = ts(s.optInt(14))
            l.topicEnteredAt = ts(s.optInt(15))
            l.homeworkEnteredAt = ts(s.optInt(16))
            l.enteredBy = at(teachers, s.optInt(17))
            keys.append(LessonKey(day: day, number: number > 0 ? number : 1000 - number, group: groupID, subject: subjectID,
                                  id: s.int(0), read: Int32(read.count)))
            read.append(l)
        }
    }

    /// The lessons a database in memory keeps (`MemoryLessons`), as `readStoredLessons` reads
    /// the table: in id order, the same filter, the same values (texts interned alike).
    private func readMemoryLessons(_ m: MemoryLessons, lo: Int64, hi: Int64, groups: [Int32], subjects: [Int32], teachers: [Int32],
                                   texts: inout TextInterner<String>, keys: inout [LessonKey], read: inout [Lesson]) {
        // Each row read in place through a pointer: `enumerated()` copied it whole (a retain and
        // release of each of its texts).
        m.rows.withUnsafeBufferPointer { rows in
            for k in rows.indices {
                let r = rows.baseAddress! + k
                guard Int64(r.pointee.day) >= lo, Int64(r.pointee.day) <= hi, let g = at(groups, r.pointee.group),
                      let subj = at(subjects, r.pointee.subject) else { continue }
                let number = Int(r.pointee.number)
                var l = Lesson(group: g, subgroup: r.pointee.subgroup.isEmpty ? nil : texts.value(r.pointee.subgroup), subject: subj,
                               date: LocalDate(dayNumber: r.pointee.day), number: number <= 0 ? nil : number)
                if r.pointee.attributes != nil {
                    l.start = r.pointee.attributes?.startSec.map { TimeOfDay(secondsSinceMidnight: Int32($0)) }
                    l.end = r.pointee.attributes?.endSec.map { TimeOfDay(secondsSinceMidnight: Int32($0)) }
                    l.teacher = at(teachers, r.pointee.attributes?.teacher)
                    l.scheduledTeacher = at(teachers, r.pointee.attributes?.scheduledTeacher)
                    l.substitutionEnteredAt = ts(r.pointee.attributes?.substitutionAt)
                    l.topic = r.pointee.attributes?.topic.map { texts.value($0) }
                    l.lessonKind = r.pointee.attributes?.kind.map { texts.value($0) }
                    l.homework = r.pointee.attributes?.homework.map { texts.value($0) }
                    l.recordedAt = ts(r.pointee.attributes?.recordedAt)
                    l.topicEnteredAt = ts(r.pointee.attributes?.topicAt)
                    l.homeworkEnteredAt = ts(r.pointee.attributes?.homeworkAt)
                    l.enteredBy = at(teachers, r.pointee.attributes?.enteredBy)
                }
                keys.append(LessonKey(day: r.pointee.day, number: number > 0 ? number : 1000 - number, group: r.pointee.group,
                                      subject: r.pointee.subject, id: Int64(k + 1), read: Int32(read.count)))
                read.append(l)
            }
        }
    }

    /// The lessons read, in the journal's order (see `loadLessons`), and the ids' maps.
    private mutating func sortLessons(into j: inout Journal, keys: inout [LessonKey], read: inout [Lesson]) {
        // Journal order, then the lessons moved there (no copies: each text is retained once).
        keys.sort { x, y in (x.day, x.number, x.group, x.subject, x.id) < (y.day, y.number, y.group, y.subject, y.id) }
        var place = [Int32](repeating: 0, count: keys.count)
        for (k, key) in keys.enumerated() { place[Int(key.read)] = Int32(k) }
        Permutation.apply(&place, to: &read)
        let first = j.lessons.count
        if j.lessons.isEmpty { j.lessons = read } else { j.lessons.append(contentsOf: read) }
        read = []
        var index = [Int32](repeating: -1, count: Int((keys.lazy.map(\.id).max() ?? -1) + 1))
        for (k, key) in keys.enumerated() where key.id >= 0 { index[Int(key.id)] = LessonID(first + k) }
        lessonIndex = index
        // Cells come day by day, lessons of a day in order, then by lesson id (see `loadCells`):
        // the journal order with group and subject left out.
        keys.sort { x, y in (x.day, x.number, x.id) < (y.day, y.number, y.id) }
        lessonRank = [Int32](repeating: -1, count: lessonIndex.count)
        for (rank, key) in keys.enumerated() where key.id >= 0 { lessonRank[Int(key.id)] = Int32(rank) }
    }

    /// A lesson's place in the journal's order (`loadLessons`).
    private struct LessonKey {
        var day: Int32, number: Int, group: Int64, subject: Int64, id: Int64
        /// Its place in the order read.
        var read: Int32
    }

    /// Period marks by student, subject and period name (SQLite's BINARY order: the names'
    /// bytes), read in the table's order and sorted here: through the primary key's index each
    /// row would be fetched by a look-up.
    private func loadPeriodMarks(into j: inout Journal) throws {
        // Period names matched and values parsed once per distinct text.
        let calendarPeriods = j.calendar.periods
        var names: [String] = []
        var periods = TextInterner { name in
            names.append(name)
            return (name: name, period: PeriodNames.match(name, in: calendarPeriods), id: names.count - 1)
        }
        var values = TextInterner { CellValue(parsing: $0) }
        let teachers = Self.dense(teacherIndex), subjects = Self.dense(subjectIndex)
        var read: [PeriodMark] = []
        var keys: [(student: Int64, subject: Int64, name: Int, read: Int32)] = []
        if !filtered, let n = try kept.periodMarks.map({ Int64($0.rows.count) }) ?? db.scalar("SELECT COUNT(*) FROM period_mark") {
            read.reserveCapacity(Int(n))
            keys.reserveCapacity(Int(n))
        }
        if let m = kept.periodMarks {
            // The rows a database in memory keeps (`MemoryPeriodMarks`), in the table's order, alike.
            for r in m.rows {
                guard let st = at(studentIndex, r.student), let subj = at(subjects, r.subject) else { continue }
                let p = periods.value(r.period)
                keys.append((r.student, r.subject, p.id, Int32(read.count)))
                read.append(PeriodMark(student: st, subject: subj, period: p.period, periodName: p.name,
                                       value: values.value(r.value), enteredAt: ts(r.enteredAt), enteredBy: at(teachers, r.enteredBy)))
            }
        } else {
            let s = try db.prepare("SELECT student_id, subject_id, period_name, value, entered_at, entered_by FROM period_mark")
            while try s.step() {
                guard let st = at(studentIndex, s.int(0)), let subj = at(subjects, s.int(1)) else { continue }
                let p = periods.value(s, 2)
                keys.append((s.int(0), s.int(1), p.id, Int32(read.count)))
                read.append(PeriodMark(student: st, subject: subj, period: p.period, periodName: p.name,
                                       value: values.value(s, 3), enteredAt: ts(s.optInt(4)), enteredBy: at(teachers, s.optInt(5))))
            }
        }
        // Each distinct name's rank in byte order (equal texts met twice rank equal).
        let byBytes = names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
        var nameRank = [Int](repeating: 0, count: names.count)
        for (k, i) in byBytes.enumerated() {
            nameRank[i] = k > 0 && names[byBytes[k - 1]].utf8.elementsEqual(names[i].utf8) ? nameRank[byBytes[k - 1]] : k
        }
        keys.sort { x, y in (x.student, x.subject, nameRank[x.name]) < (y.student, y.subject, nameRank[y.name]) }
        var place = [Int32](repeating: 0, count: keys.count)
        for (k, key) in keys.enumerated() { place[Int(key.read)] = Int32(k) }
        Permutation.apply(&place, to: &read)
        if j.periodMarks.isEmpty { j.periodMarks = read } else { j.periodMarks.append(contentsOf: read) }
    }

    private func loadChanges(into j: inout Journal, lo: Int64, hi: Int64) throws {
        let s = try db.prepare("""
            SELECT h.target, h.lesson_id, h.student_id, h.subject_id, h.group_id, h.old_value, h.new_value, h.placed_at,
                   h.changed_at, h.changed_by, h.batch_id, l.day, h.reason
              FROM change h LEFT JOIN lesson l ON l.id = h.lesson_id ORDER BY h.id
            """)
        while try s.step() {
            guard let target = Change.Target(rawValue: s.text(0)) else { continue }
            if let d = s.optInt(11) ?? s.optInt(1).flatMap({ kept.lessons?.day(of: $0) }).map(Int64.init), d < lo || d > hi { continue }
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
