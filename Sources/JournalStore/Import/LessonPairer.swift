import JournalModel

/// Joins lessons a file names by date only to the numbered lessons of the same group,
/// subgroup, subject and day from another file (this import or an earlier one): a grid's day
/// columns, a topics file's rows. A group can have several lessons of a subject on one day (a
/// double lesson; two «пары» in a college): the k-th unnumbered lesson of the date (column or
/// row order) is the k-th numbered one (number order) — when both sides have as many lessons
/// that day. When they do not, which is which cannot be told: nothing is joined, and the
/// ambiguity is reported. A joined lesson's cells, attributes and history move to the numbered
/// one; pairs whose committed cells would collide stay apart.
struct LessonPairer {
    let db: Database
    let batch: Int64
    let fileName: (Int64) -> String

    struct Result {
        var pairing = LessonPairing()
        var disagreements: [Disagreement] = []
    }

    func run() throws -> Result {
        var out = Result()
        var pairs: [(old: Int64, new: Int64)] = []
        let days = try db.prepare("""
            SELECT z.group_id, z.subject_id, z.subgroup, z.day FROM lesson z
             WHERE z.number <= 0 AND EXISTS (SELECT 1 FROM lesson n WHERE n.group_id = z.group_id AND n.subject_id = z.subject_id
                                              AND n.day = z.day AND n.subgroup = z.subgroup AND n.number > 0)
             GROUP BY 1, 2, 3, 4 ORDER BY 4, 1, 2, 3
            """)
        let lessons = try db.prepare("""
            SELECT id, number, first_batch FROM lesson WHERE group_id = ? AND subject_id = ? AND day = ? AND subgroup = ?
             ORDER BY number
            """)
        let collide = try db.prepare("""
            SELECT EXISTS (SELECT 1 FROM cell a JOIN cell b ON b.student_id = a.student_id WHERE a.lesson_id = ? AND b.lesson_id = ?)
            """)
        let names = try db.prepare("SELECT g.name, s.name FROM grp g, subject s WHERE g.id = ? AND s.id = ?")
        var keys: [(Int64, Int64, String, Int64)] = []
        while try days.step() { keys.append((days.int(0), days.int(1), days.text(2), days.int(3))) }
        for (g, s, sub, day) in keys {
            try lessons.bind([.int(g), .int(s), .int(day), .text(sub)])
            var unnumbered: [(id: Int64, ordinal: Int64)] = [], numbered: [(id: Int64, number: Int64)] = []
            var touched = false
            while try lessons.step() {
                let (id, n) = (lessons.int(0), lessons.int(1))
                if lessons.int(2) == batch { touched = true }
                if n > 0 { numbered.append((id, n)) } else { unnumbered.append((id, -n)) }
            }
            lessons.reset()
            // Days no lesson of this import touches were judged by the import that made them.
            guard touched else { continue }
            unnumbered.sort { $0.ordinal < $1.ordinal }
            let date = LocalDate(dayNumber: Int32(day))
            guard unnumbered.count == numbered.count else {
                let source = try firstSource(of: unnumbered[0].id)
                out.pairing.ambiguousDays += 1
                try names.bind([.int(g), .int(s)])
                let (gName, sName) = try names.step() ? (names.text(0), names.text(1)) : ("?", "?")
                names.reset()
                let numbers = numbered.map { "№ \($0.number)" }.joined(separator: ", ")
                let other = try firstSource(of: numbered[0].id)
                out.disagreements.append(Disagreement(kind: .unpairedLessons,
                    message: "\(gName)\(sub.isEmpty ? "" : " (подгруппа «\(sub)»)"), \(sName), \(date): в файле \(short(source?.file)) "
                        + "\(count(unnumbered.count)) без номера, в файле \(short(other?.file)) — \(count(numbered.count)) (\(numbers)); "
                        + "какой урок какому соответствует, не ясно — уроки без номера записаны отдельно",
                    file: source.map { fileName($0.file) } ?? "", line: source.map { Int($0.line) },
                    otherFile: other.map { fileName($0.file) }, otherLine: other.map { Int($0.line) }))
                continue
            }
            var joined: [Int] = []
            for (u, n) in zip(unnumbered, numbered) {
                try collide.bind([.int(u.id), .int(n.id)])
                let clash = try collide.step() && collide.int(0) == 1
                collide.reset()
                if clash { continue }
                pairs.append((u.id, n.id))
                joined.append(Int(n.number))
            }
            if unnumbered.count == 1 {
                out.pairing.singleDays += joined.count
            } else {
                out.pairing.doubleDays += 1
                if out.pairing.examples.count < 20 {
                    let source = try firstSource(of: unnumbered[0].id)
                    try names.bind([.int(g), .int(s)])
                    let (gName, sName) = try names.step() ? (names.text(0), names.text(1)) : ("?", "?")
                    names.reset()
                    out.pairing.examples.append(.init(group: gName, subject: sName, date: date,
                                                      file: source.map { fileName($0.file) } ?? "", numbers: joined))
                }
            }
        }
        try apply(pairs)
        return out
    }

    private func count(_ n: Int) -> String {
        switch n {
        case 1: "1 урок"
        case 2, 3, 4: "\(n) урока"
        default: "\(n) уроков"
        }
    }

    private func short(_ f: Int64?) -> String {
        guard let f else { return "?" }
        return String(fileName(f).split(separator: "/").last ?? "?")
    }

    /// The file and line of this import that first names a lesson (a lesson row, else a cell).
    private func firstSource(of lesson: Int64) throws -> (file: Int64, line: Int64)? {
        for sql in ["SELECT file_id, line FROM s_lesson WHERE lesson_id = ? ORDER BY file_id, line LIMIT 1",
                    "SELECT file_id, MIN(line) FROM s_cell WHERE lesson_id = ? GROUP BY file_id ORDER BY file_id LIMIT 1"] {
            if let r = try db.prepare(sql).firstRow([.int(lesson)], { ($0.int(0), $0.int(1)) }) { return r }
        }
        return nil
    }

    /// Moves each unnumbered lesson's cells, attributes and history to its numbered lesson.
    private func apply(_ pairs: [(old: Int64, new: Int64)]) throws {
        try db.execute("CREATE TEMP TABLE s_remap(old_id INTEGER PRIMARY KEY, new_id INTEGER NOT NULL)")
        guard !pairs.isEmpty else { return }
        let add = try db.prepare("INSERT INTO s_remap VALUES (?, ?)")
        for p in pairs { try add.run([.int(p.old), .int(p.new)]) }
        try db.execute("CREATE INDEX temp.s_remap_new ON s_remap(new_id)")
        let from = "(SELECT o.%@ FROM s_remap r JOIN lesson o ON o.id = r.old_id WHERE r.new_id = lesson.id)"
        let keep = Merge.lessonAttributes
            .map { "\($0) = COALESCE(\($0), \(from.replacingOccurrences(of: "%@", with: $0)))" }.joined(separator: ",\n  ")
        try db.execute("""
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
              \(keep)
             WHERE id IN (SELECT new_id FROM s_remap);
            UPDATE lesson SET first_batch = MIN(first_batch, \(from.replacingOccurrences(of: "o.%@", with: "MIN(o.first_batch)"))),
              declared = MAX(declared, \(from.replacingOccurrences(of: "o.%@", with: "MAX(o.declared)")))
             WHERE id IN (SELECT new_id FROM s_remap);
            DELETE FROM lesson WHERE id IN (SELECT old_id FROM s_remap);
            """)
    }
}
