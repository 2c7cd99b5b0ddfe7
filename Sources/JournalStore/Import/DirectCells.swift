internal import CSQLite

/// The direct path for cells: when one file of an import brings all its cells and the journal
/// has none yet, its cells go straight into `cell` instead of through the staging table and the
/// merge (no earlier values to compare, no other file to disagree with cell by cell).
///
/// The file runs inside a savepoint. A row the direct path cannot take the way the merge would
/// (a repeated cell, a lesson without a number that may have to be joined to a numbered one)
/// abandons it: the savepoint is rolled back and the session imports the file again, staged.
/// Per lesson the first line and the number of cells are kept (bounded by the lessons, like the
/// name tables) for the disagreements about marks on dates without a lesson.
final class DirectCells {
    struct Abandon: Error {}

    private let db: Database
    private let insert: Statement
    let fileID: Int64
    /// lesson id → (first line, cells).
    private(set) var lessons: [Int64: (line: Int64, count: Int64)] = [:]

    init(db: Database, batch: Int64, fileID: Int64) throws {
        self.db = db
        self.fileID = fileID
        insert = try db.prepare("""
            INSERT INTO cell(lesson_id, student_id, value, work_type_id, entered_at, entered_by, first_batch)
            VALUES (?, ?, ?, ?, ?, ?, \(batch))
            """)
        try db.execute("SAVEPOINT direct_cells")
    }

    /// Inserts one cell; throws `Abandon` when the row needs the staged path.
    func add(lesson: Int64, student: Int64, value: String, workType: Int64?, enteredAt: Int64?,
             enteredBy: Int64?, line: Int64) throws {
        let s = insert
        s.reset()
        s.bindInt(lesson, at: 1); s.bindInt(student, at: 2); s.bindText(value, at: 3)
        s.bindOptInt(workType, at: 4); s.bindOptInt(enteredAt, at: 5); s.bindOptInt(enteredBy, at: 6)
        let rc = s.stepCode()
        if rc == SQLITE_CONSTRAINT | (6 << 8) { throw Abandon() }   // SQLITE_CONSTRAINT_PRIMARYKEY
        guard rc == SQLITE_DONE else { throw StoreError(code: rc, message: db.errorMessage, sql: s.sql) }
        if let l = lessons[lesson] { lessons[lesson] = (l.line, l.count + 1) } else { lessons[lesson] = (line, 1) }
    }

    /// Keeps the file's cells (the savepoint joins the import's transaction).
    func keep() throws { try db.execute("RELEASE direct_cells") }

    /// Undoes everything the file wrote.
    func undo() throws { try db.execute("ROLLBACK TO direct_cells; RELEASE direct_cells") }

    /// Writes the per-lesson summary the disagreement queries read (`s_clesson`).
    func writeSummary() throws {
        let add = try db.prepare("INSERT INTO s_clesson(file_id, lesson_id, first_line, n) VALUES (?, ?, ?, ?)")
        for (lesson, v) in lessons { try add.run([.int(fileID), .int(lesson), .int(v.line), .int(v.count)]) }
    }
}
