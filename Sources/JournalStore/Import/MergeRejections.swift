import JournalModel

/// Staged rows the merge does not keep: the rest of a grid line the store rejected, and marks
/// on lessons made for pairing that could not be paired.
extension Merge {
    /// A grid's line holds a student's cells and period marks: when the store rejected the line
    /// (a student no students table lists), none of it is kept.
    func unstageRejectedLines() throws {
        guard !rejectedGridLines.isEmpty else { return }
        try db.execute("CREATE TEMP TABLE s_rejline(file_id INTEGER NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (file_id, line)) WITHOUT ROWID")
        let add = try db.prepare("INSERT OR IGNORE INTO s_rejline VALUES (?, ?)")
        for r in rejectedGridLines { try add.run([.int(r.file), .int(r.line)]) }
        try db.execute("""
            DELETE FROM s_cell WHERE EXISTS (SELECT 1 FROM s_rejline r WHERE r.file_id = s_cell.file_id AND r.line = s_cell.line);
            DELETE FROM s_pmark WHERE EXISTS (SELECT 1 FROM s_rejline r WHERE r.file_id = s_pmark.file_id AND r.line = s_pmark.line);
            DROP TABLE temp.s_rejline;
            """)
    }

    /// A numbered mark on a day that a grid or topics file lists without numbers made a lesson
    /// to be paired with it; where pairing was not possible, the marks on it are rejected (no
    /// lesson source declares that lesson) and the lesson is not kept.
    func rejectUnpairedProvisional() throws -> [MergeOutcome.Duplicate] {
        guard !provisionalLessons.isEmpty else { return [] }
        try db.execute("CREATE TEMP TABLE s_unpaired(lesson_id INTEGER PRIMARY KEY)")
        let add = try db.prepare("INSERT INTO s_unpaired SELECT id FROM lesson WHERE id = ? AND declared = 0")
        for id in provisionalLessons { try add.run([.int(id)]) }
        var out: [MergeOutcome.Duplicate] = []
        let rows = try db.prepare("""
            SELECT c.file_id, c.line, l.number, l.day FROM s_cell c JOIN s_unpaired u ON u.lesson_id = c.lesson_id
              JOIN lesson l ON l.id = c.lesson_id
            UNION ALL
            SELECT c.file_id, c.line, l.number, l.day FROM s_change c JOIN s_unpaired u ON u.lesson_id = c.lesson_id
              JOIN lesson l ON l.id = c.lesson_id
            ORDER BY 1, 2
            """)
        while try rows.step() {
            out.append(.init(file: Int(rows.int(0)), line: Int(rows.int(1)),
                             reason: "урока № \(rows.int(2)) \(LocalDate(dayNumber: Int32(rows.int(3)))) нет в файлах с уроками: там в этот день "
                                + "уроки без номера, и сопоставить их с номерами уроков этого файла нельзя (см. расхождение «уроки без номера не сопоставлены»)",
                             column: "Урок №"))
        }
        try db.execute("""
            DELETE FROM s_cell WHERE lesson_id IN (SELECT lesson_id FROM s_unpaired);
            DELETE FROM s_change WHERE lesson_id IN (SELECT lesson_id FROM s_unpaired);
            DELETE FROM lesson WHERE id IN (SELECT lesson_id FROM s_unpaired)
              AND NOT EXISTS (SELECT 1 FROM cell c WHERE c.lesson_id = lesson.id)
              AND NOT EXISTS (SELECT 1 FROM change h WHERE h.lesson_id = lesson.id);
            DROP TABLE temp.s_unpaired;
            """)
        return out
    }
}
