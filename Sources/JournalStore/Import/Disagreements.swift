import JournalModel

/// Finds where the files of one import disagree about the same journal: a cell with different
/// values, a cell one file has and another (covering that date) lacks, a lesson listed by one
/// file and not another, a topic on a date no other file lists as a lesson, and lesson
/// attributes (topic, homework, teachers) that differ. (A mark on a date no lesson source lists
/// is rejected by `AttendedLessons`; days whose unnumbered lessons cannot be paired are reported
/// by `LessonPairer`.)
struct Disagreements {
    let db: Database
    let files: [String]
    /// Per file id, its place in the order the user named the files (messages list files so).
    var userOrder: [Int] = []
    /// More than one file staged cells: only then can two files disagree cell by cell.
    var severalCellFiles = true

    private func file(_ id: Int64) -> String { Int(id) < files.count ? files[Int(id)] : "?" }
    /// The file's name without folders, for messages.
    private func name(_ id: Int64) -> String { String(file(id).split(separator: "/").last ?? "?") }
    private func place(_ id: Int64) -> Int { Int(id) < userOrder.count ? userOrder[Int(id)] : Int(id) }
    private func date(_ day: Int64) -> String { LocalDate(dayNumber: Int32(day)).description }

    /// «урок 05.09.2025 № 2»; a lesson a file names by date only: «урок 05.09.2025 без номера»
    /// («2-й урок 05.09.2025 без номера» for a date's second column or row). Naming the lesson
    /// keeps a message true on a day with two lessons of the subject.
    static func lesson(_ day: Int64, _ number: Int64) -> String {
        let d = LocalDate(dayNumber: Int32(day)).description
        if number > 0 { return "урок \(d) № \(number)" }
        return number == 0 ? "урок \(d) без номера" : "\(1 - number)-й урок \(d) без номера"
    }

    /// The disagreements; `summarize` writes `s_clesson` (which lessons each file has cells of),
    /// called only when a query needs it.
    func find(summarize: () throws -> Void = {}) throws -> [Disagreement] {
        var out: [Disagreement] = []
        var timer = PhaseTimer()
        defer { timer.mark("  расхождения: остальное") }
        // Lessons more than one row describes (attributes can differ only there).
        try db.execute("""
            CREATE TEMP TABLE s_lmulti(lesson_id INTEGER PRIMARY KEY);
            INSERT INTO s_lmulti SELECT lesson_id FROM s_lesson GROUP BY lesson_id HAVING COUNT(*) > 1;
            """)
        defer { try? db.execute("DROP TABLE IF EXISTS temp.s_lmulti") }
        // With one file of lessons and one of cells (a lessons log and a marks table, say) no
        // query below can find anything: cells are compared only between cell files, lessons
        // only between lesson files, attributes only of lessons several rows describe. The
        // common case then skips the summary and the coverage join (a third of the merge).
        let lessonFiles = try db.scalar("SELECT COUNT(*) FROM (SELECT DISTINCT file_id FROM s_lesson)") ?? 0
        let multiRow = try db.scalar("SELECT EXISTS (SELECT 1 FROM s_lmulti)") == 1
        timer.mark("  расхождения: возможны ли")
        guard severalCellFiles || lessonFiles > 1 || multiRow else { return out }
        try summarize()
        // Only groups/subjects that more than one file of this import speaks about.
        let multi = try db.scalar("""
            SELECT COUNT(*) FROM (SELECT group_id, subject_id FROM (
                SELECT DISTINCT x.file_id, l.group_id, l.subject_id FROM s_clesson x JOIN lesson l ON l.id = x.lesson_id
                UNION
                SELECT DISTINCT x.file_id, l.group_id, l.subject_id FROM s_lesson x JOIN lesson l ON l.id = x.lesson_id)
              GROUP BY 1, 2 HAVING COUNT(*) > 1)
            """) ?? 0
        timer.mark("  расхождения: охват")
        guard multi > 0 else { return out }

        try cellDisagreements(into: &out)
        timer.mark("  расхождения: клетки")
        // A lesson of one file that another file covering its date lacks (two lesson files).
        if lessonFiles > 1 { try lessonsMissing(into: &out) }
        timer.mark("  расхождения: уроки")
        for (column, title) in [("topic", "тема"), ("homework", "домашнее задание"),
                                ("scheduled_teacher_id", "учитель по расписанию"), ("teacher_id", "кто провёл урок")] {
            let q = try db.prepare("""
                SELECT MIN(a.file_id), MIN(a.line), l.day, GROUP_CONCAT(DISTINCT COALESCE(t.name, a.\(column))),
                       MAX(a.\(column)), l.number
                  FROM s_lesson a JOIN lesson l ON l.id = a.lesson_id
                  LEFT JOIN teacher t ON t.id = a.\(column) AND '\(column)' LIKE '%teacher_id'
                 WHERE a.\(column) IS NOT NULL AND a.lesson_id IN (SELECT lesson_id FROM s_lmulti)
                 GROUP BY a.lesson_id HAVING COUNT(DISTINCT a.\(column)) > 1 ORDER BY a.lesson_id
                """)
            let teacherName = try db.prepare("SELECT name FROM teacher WHERE id = ?")
            while try q.step() {
                var kept = q.text(4)   // what the merge keeps: MAX over the files
                if column.hasSuffix("teacher_id") {
                    try teacherName.bind([.int(q.int(4))])
                    if try teacherName.step() { kept = teacherName.text(0) }
                    teacherName.reset()
                }
                out.append(Disagreement(kind: .lessonAttribute,
                    message: "\(Self.lesson(q.int(2), q.int(5))): \(title) в файлах различается («\(q.text(3).replacingOccurrences(of: ",", with: "» / «"))»); в журнал записано «\(kept)»",
                    file: file(q.int(0)), line: Int(q.int(1))))
            }
        }
        return out
    }

    /// A lesson of one file that another file covering its date lacks: the other file has no
    /// lesson that day, or (both numbered) not this one. Days where one side names lessons by
    /// date only and cannot be paired are reported by `LessonPairer`.
    private func lessonsMissing(into out: inout [Disagreement]) throws {
        try db.execute("""
            CREATE TEMP TABLE s_lcov AS
            SELECT x.file_id, l.group_id, l.subject_id, MIN(l.day) AS lo, MAX(l.day) AS hi
              FROM (SELECT DISTINCT file_id, lesson_id FROM s_lesson) x JOIN lesson l ON l.id = x.lesson_id GROUP BY 1, 2, 3;
            CREATE INDEX temp.s_lcov_k ON s_lcov(group_id, subject_id);
            """)
        defer { try? db.execute("DROP TABLE IF EXISTS temp.s_lcov;") }
        let lessonMissing = try db.prepare("""
            SELECT a.file_id, MIN(a.line), GROUP_CONCAT(DISTINCT v.file_id), l.day, MAX(a.topic IS NOT NULL), MAX(a.topic), l.number
              FROM s_lesson a JOIN lesson l ON l.id = a.lesson_id
              JOIN s_lcov v ON v.group_id = l.group_id AND v.subject_id = l.subject_id AND v.file_id <> a.file_id
                           AND l.day BETWEEN v.lo AND v.hi
             WHERE NOT EXISTS (SELECT 1 FROM s_lesson b WHERE b.lesson_id = a.lesson_id AND b.file_id = v.file_id)
               AND NOT EXISTS (SELECT 1 FROM s_lesson b JOIN lesson lb ON lb.id = b.lesson_id
                                WHERE b.file_id = v.file_id AND lb.group_id = l.group_id AND lb.subject_id = l.subject_id AND lb.day = l.day
                                  AND (lb.number <= 0 OR l.number <= 0))
             GROUP BY a.file_id, a.lesson_id ORDER BY a.file_id, MIN(a.line)
            """)
        while try lessonMissing.step() {
            let (fa, la, day) = (lessonMissing.int(0), lessonMissing.int(1), lessonMissing.int(3))
            let others = lessonMissing.text(2).split(separator: ",").compactMap { Int64($0) }
                .sorted { place($0) < place($1) }
            let otherNames = others.map { name($0) }.joined(separator: ", ")
            let hasTopic = lessonMissing.int(4) != 0
            let label = Self.lesson(day, lessonMissing.int(6))
            out.append(Disagreement(kind: hasTopic ? .topicWithoutLesson : .lessonMissing,
                message: hasTopic
                    ? "тема «\(lessonMissing.text(5))» (\(label), файл \(name(fa))), а этого урока нет в файлах: \(otherNames)"
                    : "\(label) есть в файле \(name(fa)), но нет в файлах: \(otherNames)",
                file: file(fa), line: Int(la), otherFile: others.first.map { file($0) }))
        }
    }

    /// A cell with different values in two files, or in one file and not in another that covers
    /// its date.
    private func cellDisagreements(into out: inout [Disagreement]) throws {
        guard severalCellFiles else { return }
        let contradictions = try db.prepare("""
            SELECT a.file_id, a.line, b.file_id, b.line, a.value, b.value, l.day, s.name,
                   (a.entered_at IS NOT NULL) * 1000000 + a.file_id < (b.entered_at IS NOT NULL) * 1000000 + b.file_id, l.number
              FROM s_cell a JOIN s_cell b ON b.lesson_id = a.lesson_id AND b.student_id = a.student_id AND b.file_id > a.file_id
              JOIN lesson l ON l.id = a.lesson_id JOIN student s ON s.id = a.student_id
             WHERE a.value <> b.value ORDER BY a.file_id, a.line
            """)
        while try contradictions.step() {
            let (fa, la, fb, lb) = (contradictions.int(0), contradictions.int(1), contradictions.int(2), contradictions.int(3))
            let (va, vb) = (contradictions.text(4), contradictions.text(5))
            let kept = contradictions.int(8) != 0 ? vb : va
            out.append(Disagreement(kind: .cellContradiction,
                message: "\(contradictions.text(7)), \(Self.lesson(contradictions.int(6), contradictions.int(9))): в файле \(name(fa)) «\(va)», в файле \(name(fb)) «\(vb)»; в журнал записано «\(kept)»",
                file: file(fa), line: Int(la), otherFile: file(fb), otherLine: Int(lb),
                brief: "\(Self.lesson(contradictions.int(6), contradictions.int(9))): у обучающегося в файлах \(name(fa)) и \(name(fb)) разные значения"))
        }

        try db.execute("""
            CREATE TEMP TABLE s_fcov AS
            SELECT x.file_id, l.group_id, l.subject_id, MIN(l.day) AS lo, MAX(l.day) AS hi
              FROM s_clesson x JOIN lesson l ON l.id = x.lesson_id GROUP BY 1, 2, 3;
            CREATE INDEX temp.s_fcov_k ON s_fcov(group_id, subject_id);
            """)
        defer { try? db.execute("DROP TABLE IF EXISTS temp.s_fcov;") }
        let missing = try db.prepare("""
            SELECT a.file_id, a.line, v.file_id, a.value, l.day, s.name, l.number, l.id, l.group_id, l.subject_id, a.student_id
              FROM s_cell a JOIN lesson l ON l.id = a.lesson_id JOIN student s ON s.id = a.student_id
              JOIN s_fcov v ON v.group_id = l.group_id AND v.subject_id = l.subject_id AND v.file_id <> a.file_id
                           AND l.day BETWEEN v.lo AND v.hi
             WHERE NOT EXISTS (SELECT 1 FROM s_cell b WHERE b.lesson_id = a.lesson_id AND b.student_id = a.student_id AND b.file_id = v.file_id)
             ORDER BY a.file_id, a.line
            """)
        // What the other file has for the student on the day's other lessons (a double lesson).
        let elsewhere = try db.prepare("""
            SELECT b.value, lb.number FROM lesson lb JOIN s_cell b ON b.lesson_id = lb.id AND b.student_id = ? AND b.file_id = ?
             WHERE lb.group_id = ? AND lb.subject_id = ? AND lb.day = ? AND lb.id <> ? ORDER BY lb.number DESC
            """)
        while try missing.step() {
            let (fa, la, fb) = (missing.int(0), missing.int(1), missing.int(2))
            try elsewhere.bind([.int(missing.int(10)), .int(fb), .int(missing.int(8)), .int(missing.int(9)), .int(missing.int(4)), .int(missing.int(7))])
            var there: [String] = []
            while try elsewhere.step() {
                there.append("«\(elsewhere.text(0))» — \(Self.lesson(missing.int(4), elsewhere.int(1)))")
            }
            elsewhere.reset()
            let note = there.isEmpty ? "" : " (в файле \(name(fb)) у обучающегося в этот день: \(there.joined(separator: ", ")))"
            out.append(Disagreement(kind: .cellMissing,
                message: "\(missing.text(5)), \(Self.lesson(missing.int(4), missing.int(6))): «\(missing.text(3))» есть в файле \(name(fa)), но нет в файле \(name(fb)) на этом уроке\(note); в журнал записано «\(missing.text(3))»",
                file: file(fa), line: Int(la), otherFile: file(fb),
                brief: "\(Self.lesson(missing.int(4), missing.int(6))): клетка обучающегося есть в файле \(name(fa)), но нет в файле \(name(fb))"
                    + (there.isEmpty ? "" : " (там у него в этот день есть запись на другом уроке)")))
        }
    }
}
