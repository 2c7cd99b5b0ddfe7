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

    func run() throws -> MergeOutcome {
        var out = MergeOutcome()
        var timer = PhaseTimer()
        out.batch = batch
        try remapUnnumberedLessons()
        timer.mark("уроки без номера")
        try db.execute("""
            CREATE INDEX temp.s_lesson_k ON s_lesson(lesson_id, file_id, line);
            CREATE INDEX temp.s_pmark_k ON s_pmark(student_id, subject_id, period, file_id, line);
            """)
        timer.mark("индексы")
        out.duplicates = try duplicates()
        timer.mark("повторы")
        if severalFiles {
            try db.execute("INSERT INTO s_clesson SELECT file_id, lesson_id, MIN(line), COUNT(*) FROM s_cell GROUP BY 1, 2")
            try directCells?.writeSummary()
            out.disagreements = try Disagreements(db: db, files: files, userOrder: userOrder,
                                                  severalCellFiles: severalCellFiles).find()
        }
        timer.mark("расхождения")
        out.changes = try mergeLessons()
        timer.mark("уроки")
        if directCells == nil { out.changes += try mergeCells() }
        timer.mark("клетки")
        out.changes += try mergePeriodMarks()
        timer.mark("итоговые отметки")
        out.changes += try mergeChanges()
        timer.mark("история изменений")
        let addFinding = try db.prepare("INSERT INTO import_finding(batch_id, kind, message, file, line, other_file, other_line) VALUES (?,?,?,?,?,?,?)")
        for d in out.disagreements {
            try addFinding.run([.int(batch), .text(d.kind.id), .text(d.message), .text(d.file), .opt(d.line), .opt(d.otherFile), .opt(d.otherLine)])
        }
        return out
    }

    /// A grid or topics file names a lesson by its date only; when exactly one numbered lesson
    /// of that group and subject is known on that date (from this import or an earlier one, one
    /// of the two being new), they are the same lesson: its cells, attributes and history move
    /// to the numbered one. Pairs whose cells would collide stay apart.
    private func remapUnnumberedLessons() throws {
        try db.execute("""
            CREATE TEMP TABLE s_remap AS
            SELECT z.id AS old_id, MIN(n.id) AS new_id FROM lesson z JOIN lesson n
              ON n.group_id = z.group_id AND n.subject_id = z.subject_id AND n.day = z.day
             AND n.subgroup = z.subgroup AND n.number > 0
            WHERE z.number = 0 AND (z.first_batch = \(batch) OR n.first_batch = \(batch))
              AND NOT EXISTS (SELECT 1 FROM cell a JOIN cell b ON b.student_id = a.student_id
                               WHERE a.lesson_id = z.id AND b.lesson_id = n.id)
            GROUP BY z.id HAVING COUNT(*) = 1;
            UPDATE s_cell SET lesson_id = (SELECT new_id FROM s_remap WHERE old_id = s_cell.lesson_id)
             WHERE lesson_id IN (SELECT old_id FROM s_remap);
            UPDATE s_lesson SET lesson_id = (SELECT new_id FROM s_remap WHERE old_id = s_lesson.lesson_id)
             WHERE lesson_id IN (SELECT old_id FROM s_remap);
            UPDATE s_change SET lesson_id = (SELECT new_id FROM s_remap WHERE old_id = s_change.lesson_id)
             WHERE lesson_id IN (SELECT old_id FROM s_remap);
            UPDATE cell SET lesson_id = (SELECT new_id FROM s_remap WHERE old_id = cell.lesson_id)
             WHERE lesson_id IN (SELECT old_id FROM s_remap);
            UPDATE change SET lesson_id = (SELECT new_id FROM s_remap WHERE old_id = change.lesson_id)
             WHERE lesson_id IN (SELECT old_id FROM s_remap);
            UPDATE lesson SET
              start_sec = COALESCE(start_sec, (SELECT o.start_sec FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)),
              end_sec = COALESCE(end_sec, (SELECT o.end_sec FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)),
              teacher_id = COALESCE(teacher_id, (SELECT o.teacher_id FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)),
              scheduled_teacher_id = COALESCE(scheduled_teacher_id, (SELECT o.scheduled_teacher_id FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)),
              substitution_at = COALESCE(substitution_at, (SELECT o.substitution_at FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)),
              topic = COALESCE(topic, (SELECT o.topic FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)),
              kind = COALESCE(kind, (SELECT o.kind FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)),
              homework = COALESCE(homework, (SELECT o.homework FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)),
              recorded_at = COALESCE(recorded_at, (SELECT o.recorded_at FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)),
              topic_at = COALESCE(topic_at, (SELECT o.topic_at FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)),
              homework_at = COALESCE(homework_at, (SELECT o.homework_at FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)),
              entered_by = COALESCE(entered_by, (SELECT o.entered_by FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id))
             WHERE id IN (SELECT new_id FROM s_remap);
            UPDATE lesson SET first_batch = MIN(first_batch, (SELECT MIN(o.first_batch) FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id))
             WHERE id IN (SELECT new_id FROM s_remap);
            DELETE FROM lesson WHERE id IN (SELECT old_id FROM s_remap);
            """)
    }

    /// Later rows of a file that repeat an earlier row's key are rejected (and unstaged).
    private func duplicates() throws -> [MergeOutcome.Duplicate] {
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
        while try lessonDups.step() {
            lessonDrop.append(lessonDups.int(0))
            out.append(.init(file: Int(lessonDups.int(1)), line: Int(lessonDups.int(2)),
                             reason: "урок уже описан в строке \(lessonDups.int(3)) (та же дата и номер урока): строка не принята",
                             column: "Дата"))
        }
        let delLesson = try db.prepare("DELETE FROM s_lesson WHERE rowid = ?")
        for r in lessonDrop { try delLesson.run([.int(r)]) }
        let pmDups = try db.prepare("""
            SELECT d.rowid, d.file_id, d.line, MIN(a.line) FROM s_pmark d JOIN s_pmark a
              ON a.student_id = d.student_id AND a.subject_id = d.subject_id AND a.period = d.period
             AND a.file_id = d.file_id AND a.line < d.line
            GROUP BY d.rowid
            """)
        var pmDrop: [Int64] = []
        while try pmDups.step() {
            pmDrop.append(pmDups.int(0))
            out.append(.init(file: Int(pmDups.int(1)), line: Int(pmDups.int(2)),
                             reason: "отметка за период уже указана в строке \(pmDups.int(3)): строка не принята",
                             column: "Период"))
        }
        let delPM = try db.prepare("DELETE FROM s_pmark WHERE rowid = ?")
        for r in pmDrop { try delPM.run([.int(r)]) }
        return out
    }

    /// Lesson attributes: each is taken from the files that have it; topic and homework changes
    /// against an earlier batch go to the change history.
    private func mergeLessons() throws -> Int {
        let before = try count("SELECT COUNT(*) FROM change WHERE batch_id = \(batch)")
        // Several rows describe one lesson (a lessons log and a topics file, say): each attribute
        // from the files that have it. One row per lesson, the common case: the row as it is.
        let several = try db.scalar("SELECT EXISTS (SELECT 1 FROM s_lesson GROUP BY lesson_id HAVING COUNT(*) > 1)") == 1
        let source = several ? "s_lagg" : "s_lesson"
        if several {
            try db.execute("""
                CREATE TEMP TABLE s_lagg AS SELECT lesson_id, MAX(start_sec) AS start_sec, MAX(end_sec) AS end_sec,
                  MAX(scheduled_teacher_id) AS scheduled_teacher_id, MAX(teacher_id) AS teacher_id,
                  MAX(substitution_at) AS substitution_at, MAX(topic) AS topic, MAX(kind) AS kind, MAX(homework) AS homework,
                  MAX(recorded_at) AS recorded_at, MAX(topic_at) AS topic_at, MAX(homework_at) AS homework_at,
                  MAX(entered_by) AS entered_by
                FROM s_lesson GROUP BY lesson_id;
                """)
        }
        // Topic and homework changes against lessons of earlier batches.
        if try db.scalar("SELECT EXISTS (SELECT 1 FROM lesson WHERE first_batch < \(batch))") == 1 {
            try db.execute("""
                INSERT INTO change(target, lesson_id, group_id, subject_id, old_value, new_value, placed_at, changed_at, batch_id)
                SELECT 'тема', l.id, l.group_id, l.subject_id, l.topic, a.topic, l.topic_at, a.topic_at, \(batch)
                  FROM \(source) a JOIN lesson l ON l.id = a.lesson_id
                 WHERE l.first_batch < \(batch) AND a.topic IS NOT NULL AND a.topic IS NOT l.topic;
                INSERT INTO change(target, lesson_id, group_id, subject_id, old_value, new_value, placed_at, changed_at, batch_id)
                SELECT 'дз', l.id, l.group_id, l.subject_id, l.homework, a.homework, l.homework_at, a.homework_at, \(batch)
                  FROM \(source) a JOIN lesson l ON l.id = a.lesson_id
                 WHERE l.first_batch < \(batch) AND a.homework IS NOT NULL AND a.homework IS NOT l.homework;
                """)
        }
        let after = try count("SELECT COUNT(*) FROM change WHERE batch_id = \(batch)")
        try db.execute("""
            UPDATE lesson SET start_sec = COALESCE(a.start_sec, lesson.start_sec), end_sec = COALESCE(a.end_sec, lesson.end_sec),
              scheduled_teacher_id = COALESCE(a.scheduled_teacher_id, lesson.scheduled_teacher_id),
              teacher_id = COALESCE(a.teacher_id, lesson.teacher_id),
              substitution_at = COALESCE(a.substitution_at, lesson.substitution_at), topic = COALESCE(a.topic, lesson.topic),
              kind = COALESCE(a.kind, lesson.kind), homework = COALESCE(a.homework, lesson.homework),
              recorded_at = COALESCE(a.recorded_at, lesson.recorded_at), topic_at = COALESCE(a.topic_at, lesson.topic_at),
              homework_at = COALESCE(a.homework_at, lesson.homework_at), entered_by = COALESCE(a.entered_by, lesson.entered_by)
            FROM \(source) a WHERE lesson.id = a.lesson_id;
            """)
        return after - before
    }

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
                INSERT INTO change(target, lesson_id, student_id, group_id, subject_id, old_value, new_value, placed_at, changed_at, changed_by, batch_id)
                SELECT 'отметка', c.lesson_id, c.student_id, l.group_id, l.subject_id, c.value, p.value, c.entered_at, p.entered_at, p.entered_by, \(batch)
                  FROM \(source) p JOIN cell c ON c.lesson_id = p.lesson_id AND c.student_id = p.student_id
                  JOIN lesson l ON l.id = c.lesson_id
                 WHERE c.value <> p.value;
                INSERT INTO change(target, lesson_id, student_id, group_id, subject_id, old_value, new_value, placed_at, changed_at, changed_by, batch_id)
                SELECT 'отметка', p.lesson_id, p.student_id, l.group_id, l.subject_id, NULL, p.value, NULL, p.entered_at, p.entered_by, \(batch)
                  FROM \(source) p JOIN lesson l ON l.id = p.lesson_id
                 WHERE l.first_batch < \(batch)
                   AND EXISTS (SELECT 1 FROM cell o JOIN lesson ol ON ol.id = o.lesson_id
                                WHERE ol.group_id = l.group_id AND ol.subject_id = l.subject_id AND o.first_batch < \(batch))
                   AND NOT EXISTS (SELECT 1 FROM cell c WHERE c.lesson_id = p.lesson_id AND c.student_id = p.student_id);
                INSERT INTO change(target, lesson_id, student_id, group_id, subject_id, old_value, new_value, placed_at, changed_at, batch_id)
                SELECT 'отметка', c.lesson_id, c.student_id, l.group_id, l.subject_id, c.value, NULL, c.entered_at, NULL, \(batch)
                  FROM cell c JOIN lesson l ON l.id = c.lesson_id
                  JOIN s_cov v ON v.group_id = l.group_id AND v.subject_id = l.subject_id AND l.day BETWEEN v.lo AND v.hi
                 WHERE c.first_batch < \(batch)
                   AND NOT EXISTS (SELECT 1 FROM \(source) p WHERE p.lesson_id = c.lesson_id AND p.student_id = c.student_id);
                DELETE FROM cell WHERE first_batch < \(batch) AND EXISTS (
                  SELECT 1 FROM change h WHERE h.batch_id = \(batch) AND h.target = 'отметка' AND h.new_value IS NULL
                    AND h.lesson_id = cell.lesson_id AND h.student_id = cell.student_id);
                """)
        }
        try db.execute("""
            INSERT INTO cell(lesson_id, student_id, value, work_type_id, entered_at, entered_by, first_batch)
            SELECT lesson_id, student_id, value, work_type_id, entered_at, entered_by, \(batch) FROM \(source)
             WHERE true ORDER BY lesson_id, student_id
            ON CONFLICT(lesson_id, student_id) DO UPDATE SET value = excluded.value,
              work_type_id = COALESCE(excluded.work_type_id, cell.work_type_id), entered_at = COALESCE(excluded.entered_at, cell.entered_at),
              entered_by = COALESCE(excluded.entered_by, cell.entered_by);
            """)
        return try count("SELECT COUNT(*) FROM change WHERE batch_id = \(batch)") - before
    }

    private func mergePeriodMarks() throws -> Int {
        let before = try count("SELECT COUNT(*) FROM change WHERE batch_id = \(batch)")
        try db.execute("""
            INSERT INTO change(target, student_id, subject_id, group_id, old_value, new_value, placed_at, changed_at, changed_by, batch_id)
            SELECT 'итоговая', m.student_id, m.subject_id, s.group_id, m.value, p.value, m.entered_at, p.entered_at, p.entered_by, \(batch)
              FROM s_pmark p JOIN period_mark m ON m.student_id = p.student_id AND m.subject_id = p.subject_id AND m.period_name = p.period
              JOIN student s ON s.id = m.student_id
             WHERE m.value <> p.value;
            INSERT INTO period_mark(student_id, subject_id, period_name, value, entered_at, entered_by, first_batch)
            SELECT student_id, subject_id, period, value, entered_at, entered_by, \(batch) FROM s_pmark WHERE true
            ON CONFLICT(student_id, subject_id, period_name) DO UPDATE SET value = excluded.value,
              entered_at = COALESCE(excluded.entered_at, period_mark.entered_at),
              entered_by = COALESCE(excluded.entered_by, period_mark.entered_by);
            """)
        return try count("SELECT COUNT(*) FROM change WHERE batch_id = \(batch)") - before
    }

    /// Change logs exported by the journal system itself.
    private func mergeChanges() throws -> Int {
        try db.execute("""
            INSERT INTO change(target, lesson_id, student_id, subject_id, group_id, old_value, new_value, placed_at, changed_at, changed_by, reason, batch_id)
            SELECT target, lesson_id, student_id, subject_id, group_id, old_value, new_value, placed_at, changed_at, changed_by, reason, \(batch)
              FROM s_change
            """)
        return db.changes
    }
}
