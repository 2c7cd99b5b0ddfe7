import JournalModel

/// Merges the staged records of one batch into the journal tables, in SQL: resolves lessons
/// without a number, rejects repeated rows, finds disagreements between files, records the
/// change history against earlier batches, then writes the values.
struct Merge {
    let db: Database
    let batch: Int64
    let files: [String]
    /// More than one file staged lessons or cells (else no disagreements are possible).
    let severalFiles: Bool
    /// More than one file staged cells (else each cell has one staged row after the duplicates).
    let severalCellFiles: Bool
    /// The cells are already in `cell` (`DirectCells`): nothing staged to merge.
    var directCells: DirectCells? = nil
    /// Per file id, its place in the order the user named the files.
    var userOrder: [Int] = []
    /// Lines of grids the store rejected while reading: the rest of each line is unstaged.
    var rejectedGridLines: [(file: Int64, line: Int64)] = []
    /// Lessons made for numbered cells on days a grid or topics file lists without numbers.
    var provisionalLessons = Set<Int64>()
    /// Every staged lesson row added its lesson, with its own attributes, to a journal that had
    /// no lessons (`ImportBatch.describesNewLessons`): the lessons are already as the rows
    /// describe them, and `mergeLessons` has nothing to write (see there).
    var lessonsAsStaged = false
    /// The period marks are held in the process, not staged (`MemoryPeriodMarks`): their repeats
    /// and upsert are done there.
    var memoryPeriodMarks: MemoryPeriodMarks?

    func run() throws -> MergeOutcome {
        var out = MergeOutcome()
        var timer = PhaseTimer()
        out.batch = batch
        // The period marks kept in the process are sifted and upserted on another thread while
        // the SQL below runs (0.08 s of a college's 0.16 s merge): nothing here reads them or
        // writes what they read before the end, where their repeats are waited for.
        let periodMarks = memoryPeriodMarks.map { m in
            BackgroundJob { [rejectedGridLines] in
                let repeats = m.sift(rejectedGridLines: rejectedGridLines)
                m.upsert()
                return repeats
            }
        }
        // Also when the merge fails: nothing may read them while the worker still writes.
        defer { _ = periodMarks?.wait() }
        try unstageRejectedLines()
        try db.execute("CREATE INDEX temp.s_lesson_k ON s_lesson(lesson_id, file_id, line)")
        let paired = try LessonPairer(db: db, batch: batch, fileName: file).run()
        out.pairing = paired.pairing
        out.duplicates = try rejectUnpairedProvisional()
        timer.mark("уроки без номера")
        try db.execute("""
            CREATE INDEX temp.s_pmark_k ON s_pmark(student_id, subject_id, period, file_id, line);
            CREATE INDEX temp.s_change_k ON s_change(lesson_id, student_id, target);
            """)
        timer.mark("индексы")
        let (repeats, periodMarkRepeatsAt) = try duplicates()
        let periodMarkRepeatsIndex = out.duplicates.count + periodMarkRepeatsAt
        out.duplicates += repeats
        timer.mark("повторы")
        if severalFiles {
            out.disagreements = try Disagreements(db: db, files: files, userOrder: userOrder, severalCellFiles: severalCellFiles).find {
                try db.execute("INSERT INTO s_clesson SELECT file_id, lesson_id, MIN(line), COUNT(*) FROM s_cell GROUP BY 1, 2")
                try directCells?.writeSummary()
            }
        }
        out.disagreements = paired.disagreements + out.disagreements
        timer.mark("расхождения")
        out.changes = try mergeLessons()
        timer.mark("уроки")
        if directCells == nil { out.changes += try mergeCells() }
        timer.mark("клетки")
        if periodMarks == nil { out.changes += try mergePeriodMarks() }
        timer.mark("итоговые отметки")
        out.changes += try mergeChanges()
        timer.mark("история изменений")
        let addFinding = try db.prepare("INSERT INTO import_finding(batch_id, kind, message, file, line, other_file, other_line) VALUES (?,?,?,?,?,?,?)")
        for d in out.disagreements {
            try addFinding.run([.int(batch), .text(d.kind.id), .text(d.message), .text(d.file), .opt(d.line), .opt(d.otherFile), .opt(d.otherLine)])
        }
        if let periodMarks {
            // Their repeats in their place among the others (after the lessons').
            out.duplicates.insert(contentsOf: periodMarks.wait(), at: periodMarkRepeatsIndex)
            timer.mark("итоговые отметки (другой поток, ожидание)")
        }
        return out
    }

    func file(_ id: Int64) -> String { Int(id) < files.count ? files[Int(id)] : "?" }

    /// Later rows of a file that repeat an earlier row's key are rejected (and unstaged); and
    /// where in that list the repeats of the period marks kept in the process go (they are
    /// found on another thread, see `run`).
    private func duplicates() throws -> ([MergeOutcome.Duplicate], periodMarkRepeatsAt: Int) {
        var out: [MergeOutcome.Duplicate] = []
        var drop: [(Int64, Int64, Int64, Int64)] = []
        let groups = try db.prepare("""
            SELECT lesson_id, student_id, file_id FROM s_cell GROUP BY lesson_id, student_id, file_id HAVING COUNT(*) > 1
            """)
        let rows = try db.prepare("SELECT line, value FROM s_cell WHERE lesson_id = ? AND student_id = ? AND file_id = ? ORDER BY line")
        var keys: [(Int64, Int64, Int64)] = []
        while try groups.step() { keys.append((groups.int(0), groups.int(1), groups.int(2))) }
        for (l, s, f) in keys {
            try rows.bind([.int(l), .int(s), .int(f)])
            var first: (line: Int64, value: String)?
            while try rows.step() {
                let (line, value) = (rows.int(0), rows.text(1))
                guard let fst = first else { first = (line, value); continue }
                drop.append((l, s, f, line))
                if line == fst.line { continue }   // the same row (a grid with a repeated date column)
                let reason = value == fst.value
                    ? "строка повторяет строку \(fst.line) (та же клетка: тот же обучающийся на том же уроке)"
                    : "клетка уже заполнена в строке \(fst.line) значением «\(fst.value)», здесь «\(value)»: строка не принята"
                out.append(.init(file: Int(f), line: Int(line), reason: reason, column: "Значение"))
            }
            rows.reset()
        }
        let del = try db.prepare("DELETE FROM s_cell WHERE lesson_id = ? AND student_id = ? AND file_id = ? AND line = ?")
        for (l, s, f, line) in drop { try del.run([.int(l), .int(s), .int(f), .int(line)]) }
        // Lessons listed twice by one file (rows of a lesson table).
        let lessonDups = try db.prepare("""
            SELECT d.rowid, d.file_id, d.line, MIN(a.line) FROM s_lesson d JOIN s_lesson a
              ON a.lesson_id = d.lesson_id AND a.file_id = d.file_id AND a.line < d.line
            GROUP BY d.rowid
            """)
        var lessonDrop: [Int64] = []
        let lessonDupsPossible = try repeats("s_lesson", "lesson_id, file_id")
        while lessonDupsPossible, try lessonDups.step() {
            lessonDrop.append(lessonDups.int(0))
            out.append(.init(file: Int(lessonDups.int(1)), line: Int(lessonDups.int(2)),
                             reason: "урок уже описан в строке \(lessonDups.int(3)) (та же дата и номер урока): строка не принята",
                             column: "Дата"))
        }
        let delLesson = try db.prepare("DELETE FROM s_lesson WHERE rowid = ?")
        for r in lessonDrop { try delLesson.run([.int(r)]) }
        let periodMarkRepeatsAt = out.count
        let pmDups = try db.prepare("""
            SELECT d.rowid, d.file_id, d.line, MIN(a.line) FROM s_pmark d JOIN s_pmark a
              ON a.student_id = d.student_id AND a.subject_id = d.subject_id AND a.period = d.period
             AND a.file_id = d.file_id AND a.line < d.line
            GROUP BY d.rowid
            """)
        var pmDrop: [Int64] = []
        let pmDupsPossible = try repeats("s_pmark", "student_id, subject_id, period, file_id")
        while pmDupsPossible, try pmDups.step() {
            pmDrop.append(pmDups.int(0))
            out.append(.init(file: Int(pmDups.int(1)), line: Int(pmDups.int(2)),
                             reason: "отметка за период уже указана в строке \(pmDups.int(3)): строка не принята",
                             column: "Период"))
        }
        let delPM = try db.prepare("DELETE FROM s_pmark WHERE rowid = ?")
        for r in pmDrop { try delPM.run([.int(r)]) }
        // Change-log rows that repeat an earlier row of the same file (same cell, moment, values).
        let changeDups = try db.prepare("""
            SELECT d.rowid, d.file_id, d.line, MIN(a.line) FROM s_change d JOIN s_change a
              ON a.lesson_id IS d.lesson_id AND a.student_id IS d.student_id AND a.target = d.target AND a.file_id = d.file_id
             AND a.line < d.line AND \(ChangeIdentity.same("a", "d"))
            GROUP BY d.rowid
            """)
        var changeDrop: [Int64] = []
        let changeDupsPossible = try repeats("s_change", "lesson_id, student_id, target, file_id")
        while changeDupsPossible, try changeDups.step() {
            changeDrop.append(changeDups.int(0))
            out.append(.init(file: Int(changeDups.int(1)), line: Int(changeDups.int(2)),
                             reason: "строка повторяет строку \(changeDups.int(3)) (то же изменение той же клетки в то же время)",
                             column: "Что"))
        }
        let delChange = try db.prepare("DELETE FROM s_change WHERE rowid = ?")
        for r in changeDrop { try delChange.run([.int(r)]) }
        return (out, periodMarkRepeatsAt)
    }

    /// Whether some rows of `table` share `key` (a scan of its index, stopping at the first):
    /// the self-joins that find which rows repeat which then run only when some do.
    private func repeats(_ table: String, _ key: String) throws -> Bool {
        try db.scalar("SELECT EXISTS (SELECT 1 FROM \(table) GROUP BY \(key) HAVING COUNT(*) > 1)") == 1
    }

    /// Lesson attributes: each is taken from the files that have it; topic and homework changes
    /// against an earlier batch go to the change history — a topic where there was none only
    /// when the earlier imports had topics for that group and subject (a grid has no topics:
    /// the topics of a later lessons table are not «added» to it).
    private func mergeLessons() throws -> Int {
        // Each staged row added its own lesson with its attributes (`lessonsAsStaged`), so no
        // lesson has a second row (another row of it would not have added it) and none has an
        // attribute its row lacks or gives otherwise: nothing between the reading and here
        // writes a lesson's attributes but the pairing, which fills only a numbered lesson's
        // empty ones from the unnumbered lessons it takes over — whose rows, added bare, are
        // not such rows. No lesson is from an earlier batch either (the journal had none), so
        // there is no history to record. The update would find no row to change; on a college
        // (91,516 lessons) it took 0.08 s of a folder check's single-threaded merge.
        if lessonsAsStaged { return 0 }
        let before = try count("SELECT COUNT(*) FROM change WHERE batch_id = \(batch)")
        // Several rows describe one lesson (a lessons log and a topics file, say): each attribute
        // from the files that have it. One row per lesson, the common case: the row as it is.
        let several = try db.scalar("SELECT EXISTS (SELECT 1 FROM s_lesson GROUP BY lesson_id HAVING COUNT(*) > 1)") == 1
        let source = several ? "s_lagg" : "s_lesson"
        if several {
            try db.execute("""
                CREATE TEMP TABLE s_lagg AS SELECT lesson_id, \(Self.lessonAttributes.map { "MAX(\($0)) AS \($0)" }.joined(separator: ", "))
                FROM s_lesson GROUP BY lesson_id;
                """)
        }
        // Topic and homework changes against lessons of earlier batches.
        if try db.scalar("SELECT EXISTS (SELECT 1 FROM lesson WHERE first_batch < \(batch))") == 1 {
            try db.execute("""
                INSERT INTO change(target, lesson_id, group_id, subject_id, old_value, new_value, placed_at, changed_at, batch_id, inferred)
                SELECT 'тема', l.id, l.group_id, l.subject_id, l.topic, a.topic, l.topic_at, a.topic_at, \(batch), 1
                  FROM \(source) a JOIN lesson l ON l.id = a.lesson_id
                 WHERE l.first_batch < \(batch) AND a.topic IS NOT NULL AND a.topic IS NOT l.topic
                   AND (l.topic IS NOT NULL OR EXISTS (SELECT 1 FROM lesson o WHERE o.group_id = l.group_id AND o.subject_id = l.subject_id
                                                        AND o.first_batch < \(batch) AND o.topic IS NOT NULL))
                   AND NOT \(ChangeIdentity.logged("'тема'", lesson: "l.id", student: "NULL", old: "l.topic", new: "a.topic"));
                INSERT INTO change(target, lesson_id, group_id, subject_id, old_value, new_value, placed_at, changed_at, batch_id, inferred)
                SELECT 'дз', l.id, l.group_id, l.subject_id, l.homework, a.homework, l.homework_at, a.homework_at, \(batch), 1
                  FROM \(source) a JOIN lesson l ON l.id = a.lesson_id
                 WHERE l.first_batch < \(batch) AND a.homework IS NOT NULL AND a.homework IS NOT l.homework
                   AND (l.homework IS NOT NULL OR EXISTS (SELECT 1 FROM lesson o WHERE o.group_id = l.group_id AND o.subject_id = l.subject_id
                                                        AND o.first_batch < \(batch) AND o.homework IS NOT NULL))
                   AND NOT \(ChangeIdentity.logged("'дз'", lesson: "l.id", student: "NULL", old: "l.homework", new: "a.homework"));
                """)
        }
        let after = try count("SELECT COUNT(*) FROM change WHERE batch_id = \(batch)")
        try db.execute("""
            UPDATE lesson SET \(Self.lessonAttributes.map { "\($0) = COALESCE(a.\($0), lesson.\($0))" }.joined(separator: ", "))
            FROM \(source) a WHERE lesson.id = a.lesson_id
             AND (\(Self.lessonAttributes.map { "a.\($0) IS NOT NULL AND a.\($0) IS NOT lesson.\($0)" }.joined(separator: " OR ")));
            """)
        return after - before
    }

    /// The attribute columns of `lesson` that `s_lesson` stages, in its order (the merge, the
    /// pairing and a lesson added with its attributes use this one list). The update writes
    /// only rows where one of them changes: a row it would leave as it is (described when added,
    /// see `ImportBatch.describesNewLessons`) is skipped.
    static let lessonAttributes = ["start_sec", "end_sec", "scheduled_teacher_id", "teacher_id", "substitution_at", "topic", "kind",
                                   "homework", "recorded_at", "topic_at", "homework_at", "entered_by"]

    private func count(_ sql: String) throws -> Int { Int(try db.scalar(sql) ?? 0) }

    /// Cells: where files disagree the entry with a timestamp (the log) is kept — the
    /// disagreement is reported. Against earlier batches: changed, added and removed values go
    /// to the change history.
    private func mergeCells() throws -> Int {
        let before = try count("SELECT COUNT(*) FROM change WHERE batch_id = \(batch)")
        // One row per cell: straight from the staging table when only one file had cells.
        let source = severalCellFiles ? "s_pick" : "s_cell"
        if severalCellFiles {
            try db.execute("""
                CREATE TEMP TABLE s_pick AS
                SELECT lesson_id, student_id, value, work_type_id, entered_at, entered_by,
                       MAX((entered_at IS NOT NULL) * 1000000 + file_id) AS rank
                  FROM s_cell GROUP BY lesson_id, student_id;
                """)
        }
        // Against earlier batches (only when there are cells from them).
        if try db.scalar("SELECT EXISTS (SELECT 1 FROM cell)") == 1 {
            try db.execute("""
                CREATE TEMP TABLE s_cov AS
                SELECT l.group_id, l.subject_id, MIN(l.day) AS lo, MAX(l.day) AS hi
                  FROM (SELECT DISTINCT lesson_id FROM s_cell) c JOIN lesson l ON l.id = c.lesson_id GROUP BY 1, 2;
                INSERT INTO change(target, lesson_id, student_id, group_id, subject_id, old_value, new_value, placed_at, changed_at, changed_by, batch_id, inferred)
                SELECT 'отметка', c.lesson_id, c.student_id, l.group_id, l.subject_id, c.value, p.value, c.entered_at, p.entered_at, p.entered_by, \(batch), 1
                  FROM \(source) p JOIN cell c ON c.lesson_id = p.lesson_id AND c.student_id = p.student_id
                  JOIN lesson l ON l.id = c.lesson_id
                 WHERE c.value <> p.value
                   AND NOT \(ChangeIdentity.logged("'отметка'", lesson: "c.lesson_id", student: "c.student_id", old: "c.value", new: "p.value"));
                INSERT INTO change(target, lesson_id, student_id, group_id, subject_id, old_value, new_value, placed_at, changed_at, changed_by, batch_id, inferred)
                SELECT 'отметка', p.lesson_id, p.student_id, l.group_id, l.subject_id, NULL, p.value, NULL, p.entered_at, p.entered_by, \(batch), 1
                  FROM \(source) p JOIN lesson l ON l.id = p.lesson_id
                 WHERE l.first_batch < \(batch)
                   AND EXISTS (SELECT 1 FROM cell o JOIN lesson ol ON ol.id = o.lesson_id
                                WHERE ol.group_id = l.group_id AND ol.subject_id = l.subject_id AND o.first_batch < \(batch))
                   AND NOT EXISTS (SELECT 1 FROM cell c WHERE c.lesson_id = p.lesson_id AND c.student_id = p.student_id)
                   AND NOT \(ChangeIdentity.logged("'отметка'", lesson: "p.lesson_id", student: "p.student_id", old: "NULL", new: "p.value"));
                INSERT INTO change(target, lesson_id, student_id, group_id, subject_id, old_value, new_value, placed_at, changed_at, batch_id, inferred)
                SELECT 'отметка', c.lesson_id, c.student_id, l.group_id, l.subject_id, c.value, NULL, c.entered_at, NULL, \(batch), 1
                  FROM cell c JOIN lesson l ON l.id = c.lesson_id
                  JOIN s_cov v ON v.group_id = l.group_id AND v.subject_id = l.subject_id AND l.day BETWEEN v.lo AND v.hi
                 WHERE c.first_batch < \(batch)
                   AND NOT EXISTS (SELECT 1 FROM \(source) p WHERE p.lesson_id = c.lesson_id AND p.student_id = c.student_id);
                DELETE FROM cell WHERE first_batch < \(batch) AND (lesson_id, student_id) IN (
                  SELECT h.lesson_id, h.student_id FROM change h WHERE h.batch_id = \(batch) AND h.target = 'отметка' AND h.new_value IS NULL);
                """)
        }
        try db.execute("""
            INSERT INTO cell(lesson_id, student_id, value, work_type_id, entered_at, entered_by, first_batch)
            SELECT lesson_id, student_id, value, work_type_id, entered_at, entered_by, \(batch) FROM \(source)
             WHERE true ORDER BY lesson_id, student_id
            ON CONFLICT(lesson_id, student_id) DO UPDATE SET value = excluded.value,
              work_type_id = COALESCE(excluded.work_type_id, cell.work_type_id), entered_at = COALESCE(excluded.entered_at, cell.entered_at),
              entered_by = COALESCE(excluded.entered_by, cell.entered_by)
             WHERE \(Self.cellUpdateChanges);
            """)
        return try count("SELECT COUNT(*) FROM change WHERE batch_id = \(batch)") - before
    }

    /// Whether the upsert of a staged cell over a stored one changes it: the update is then
    /// skipped for the cells a re-exported file repeats as they are (a weekly export of the
    /// whole marks table repeats almost all of them), which it left byte for byte as they were
    /// but rewrote, page by page. Each clause is one assignment of the update, true exactly when
    /// that assignment changes its column.
    static let cellUpdateChanges = """
        (cell.value IS NOT excluded.value
          OR (excluded.work_type_id IS NOT NULL AND excluded.work_type_id IS NOT cell.work_type_id)
          OR (excluded.entered_at IS NOT NULL AND excluded.entered_at IS NOT cell.entered_at)
          OR (excluded.entered_by IS NOT NULL AND excluded.entered_by IS NOT cell.entered_by))
        """

    /// Staged period marks into `period_mark` (those kept in the process are upserted there:
    /// the journal had none, so no change is possible).
    private func mergePeriodMarks() throws -> Int {
        let before = try count("SELECT COUNT(*) FROM change WHERE batch_id = \(batch)")
        // Changes only against period marks already in the journal (none on a first import).
        if try db.scalar("SELECT EXISTS (SELECT 1 FROM period_mark)") == 1 {
            try db.execute("""
                INSERT INTO change(target, student_id, subject_id, group_id, old_value, new_value, placed_at, changed_at, changed_by, batch_id, inferred)
                SELECT 'итоговая', m.student_id, m.subject_id, s.group_id, m.value, p.value, m.entered_at, p.entered_at, p.entered_by, \(batch), 1
                  FROM s_pmark p JOIN period_mark m ON m.student_id = p.student_id AND m.subject_id = p.subject_id AND m.period_name = p.period
                  JOIN student s ON s.id = m.student_id
                 WHERE m.value <> p.value;
                """)
        }
        try db.execute("""
            INSERT INTO period_mark(student_id, subject_id, period_name, value, entered_at, entered_by, first_batch)
            SELECT student_id, subject_id, period, value, entered_at, entered_by, \(batch) FROM s_pmark WHERE true
            ON CONFLICT(student_id, subject_id, period_name) DO UPDATE SET value = excluded.value,
              entered_at = COALESCE(excluded.entered_at, period_mark.entered_at),
              entered_by = COALESCE(excluded.entered_by, period_mark.entered_by);
            """)
        return try count("SELECT COUNT(*) FROM change WHERE batch_id = \(batch)") - before
    }
}
