internal import CSQLite
import JournalImport

/// The direct path for cells: when one file of an import brings all its cells and the journal
/// has none yet, its cells go straight into `cell` instead of through the staging table and the
/// merge (no earlier values to compare, no other file to disagree with cell by cell).
///
/// Rows are inserted a block at a time by one multi-row INSERT (`BlockInsert`).
///
/// The file runs inside a savepoint. A row the direct path cannot take the way the merge would
/// (a repeated cell, a lesson without a number that may have to be joined to a numbered one)
/// abandons it: the savepoint is rolled back and the session imports the file again, staged.
/// Per lesson the first line and the number of cells are kept (bounded by the lessons, like the
/// name tables) for the disagreement queries (which dates each file covers).
///
/// On a database in memory the cells are not inserted at all: they are kept as `MemoryCells`
/// (`kept`), which the store hands to the loader once the import commits. A repeated cell is
/// then found when the file ends (`keep`) instead of by the table's constraint, and abandons
/// the file the same way.
/// Properties read for every cell are `@exclusivity(unchecked)`: see `RecordPipe`.
final class DirectCells {
    struct Abandon: Error {}

    struct Row {
        var lesson: Int64, student: Int64, value: String, workType: Int64?, enteredAt: Int64?, enteredBy: Int64?
    }

    static var rowsPerInsert: Int { BlockInsert<Row>.rowsPerInsert }
    private let db: Database
    private let rows: BlockInsert<Row>
    let fileID: Int64
    private let batch: Int64
    /// Cells are kept in memory (`MemoryCells`), not inserted.
    private let inMemory: Bool
    @exclusivity(unchecked) private var memoryRows: [MemoryCells.Row] = []
    /// The cells kept in memory, once the file is kept.
    private(set) var kept: MemoryCells?
    /// lesson id → (first line, cells).
    @exclusivity(unchecked) private(set) var lessons: [Int64: (line: Int64, count: Int64)] = [:]
    @exclusivity(unchecked) private var last: (lesson: Int64, line: Int64, count: Int64)?

    init(db: Database, batch: Int64, fileID: Int64, inMemory: Bool) throws {
        self.db = db
        self.fileID = fileID
        self.batch = batch
        self.inMemory = inMemory
        rows = try BlockInsert(db: db, head: "INSERT INTO cell(lesson_id, student_id, value, work_type_id, entered_at, entered_by, first_batch) VALUES ",
                               tuple: "(?, ?, ?, ?, ?, ?, \(batch))", columns: 6) { r, s, k in
            s.bindInt(r.lesson, at: k + 1); s.bindInt(r.student, at: k + 2); s.bindText(r.value, at: k + 3)
            s.bindOptInt(r.workType, at: k + 4); s.bindOptInt(r.enteredAt, at: k + 5); s.bindOptInt(r.enteredBy, at: k + 6)
        } step: { [db] s in
            defer { s.reset() }
            let rc = s.stepCode()
            if rc == SQLITE_CONSTRAINT | (6 << 8) { throw Abandon() }   // SQLITE_CONSTRAINT_PRIMARYKEY
            guard rc == SQLITE_DONE else { throw StoreError(code: rc, message: db.errorMessage, sql: s.sql) }
        }
        try db.execute("SAVEPOINT direct_cells")
    }

    /// Adds one cell; throws `Abandon` when a cell needs the staged path (possibly for a row
    /// added earlier: the block is inserted when full).
    func add(lesson: Int64, student: Int64, value: Name, names: NameTables, workType: Int64?, enteredAt: Int64?,
             enteredBy: Int64?, line: Int64) throws {
        if inMemory {
            guard let l = MemoryCells.field(lesson), let s = MemoryCells.field(student), let w = MemoryCells.field(workType),
                  let b = MemoryCells.field(enteredBy) else { throw Abandon() }
            memoryRows.append(MemoryCells.Row(lesson: l, student: s, value: value.index, workType: w, enteredBy: b,
                                              enteredAt: enteredAt ?? CellReader.Raw.none))
        } else {
            try rows.add(Row(lesson: lesson, student: student, value: names.text(value), workType: workType, enteredAt: enteredAt,
                             enteredBy: enteredBy))
        }
        if let l = last, l.lesson == lesson {
            last = (lesson, l.line, l.count + 1)
        } else {
            if let l = last { note(l) }
            last = (lesson, line, 1)
        }
    }

    private func note(_ l: (lesson: Int64, line: Int64, count: Int64)) {
        if let e = lessons[l.lesson] { lessons[l.lesson] = (e.line, e.count + l.count) } else { lessons[l.lesson] = (l.line, l.count) }
    }

    /// Keeps the file's cells (the savepoint joins the import's transaction); throws `Abandon`
    /// when the last rows need the staged path.
    func keep(symbols: NameSymbols) throws {
        try rows.flush()
        if inMemory {
            guard let cells = MemoryCells(batch: batch, rows: &memoryRows, texts: symbols.texts(from: 0)) else { throw Abandon() }
            kept = cells
        }
        if let l = last { note(l); last = nil }
        try db.execute("RELEASE direct_cells")
    }

    /// Undoes everything the file wrote.
    func undo() throws {
        rows.discard()
        memoryRows = []
        kept = nil
        try db.execute("ROLLBACK TO direct_cells; RELEASE direct_cells")
    }

    /// Writes the per-lesson summary the disagreement queries read (`s_clesson`).
    func writeSummary() throws {
        let add = try db.prepare("INSERT INTO s_clesson(file_id, lesson_id, first_line, n) VALUES (?, ?, ?, ?)")
        for (lesson, v) in lessons { try add.run([.int(fileID), .int(lesson), .int(v.line), .int(v.count)]) }
    }
}
