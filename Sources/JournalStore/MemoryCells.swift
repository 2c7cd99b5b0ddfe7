/// The cells of a journal database in memory (`JournalStore.inMemory`) that the direct path
/// (`DirectCells`) took: kept here, in this process, as a few integers each, instead of being
/// inserted into the `cell` table and read back by the loader. A folder's check needs its
/// cells only to load them once or a few times; on the college benchmark the 714,000 inserts
/// and the read-back cost about 3 s of the folder check's CPU (6.0 → 4.1 s wall).
///
/// The rows are what the `cell` table would hold: sorted by (lesson id, student id) — the
/// table's primary key, the order `CellReader` reads it in — with no key twice (a repeated cell
/// abandons the direct path, as the table's constraint does). Only the direct path makes them,
/// and only into an empty journal, so while a store holds them its `cell` table is empty.
/// Anything that reads the table with SQL other than the loader (`counts`, the next import's
/// merge) first writes them into it (`JournalStore.writeKeptInMemory`).
/// Immutable once made (every property a `let` of values): the loader reads it on a thread of
/// its own (`ParallelCells.memory`).
final class MemoryCells: Sendable {
    /// A cell as the table stores it: ids of the tables, -1 for none; `value` indexes `texts`;
    /// `enteredAt` is `StoredTime`'s value or `CellReader.Raw.none`.
    struct Row {
        var lesson: Int32, student: Int32, value: Int32, workType: Int32, enteredBy: Int32
        var enteredAt: Int64

        var key: UInt64 { UInt64(UInt32(bitPattern: lesson)) << 32 | UInt64(UInt32(bitPattern: student)) }
    }

    /// The import that made them (`cell.first_batch`).
    let batch: Int64
    let rows: [Row]
    /// The texts of `Row.value` (the import's `NameSymbols`).
    let texts: [String]

    /// The rows of `rows` (which it empties: they are sorted where they are, not copied);
    /// nil when two rows have one key (the file must be staged).
    init?(batch: Int64, rows: inout [Row], texts: [String]) {
        // A file in the table's order (most are) sorts in one pass.
        rows.sort { $0.key < $1.key }
        for k in rows.indices.dropFirst() where rows[k].key == rows[k - 1].key { return nil }
        self.batch = batch
        self.rows = rows
        rows = []
        self.texts = texts
    }

    /// An id of the journal tables as a row field; nil when it does not fit (the file is then
    /// staged: the table takes any id).
    static func field(_ id: Int64?) -> Int32? {
        guard let id else { return -1 }
        return id >= 0 && id <= Int64(Int32.max) ? Int32(id) : nil
    }

    /// Inserts the rows into `cell` (inside the caller's transaction).
    func write(to db: Database) throws {
        let insert = try db.prepare("""
            INSERT INTO cell(lesson_id, student_id, value, work_type_id, entered_at, entered_by, first_batch) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        func opt(_ v: Int32) -> Int64? { v >= 0 ? Int64(v) : nil }
        for r in rows {
            insert.reset()
            insert.bindInt(Int64(r.lesson), at: 1); insert.bindInt(Int64(r.student), at: 2)
            insert.bindText(texts[Int(r.value)], at: 3); insert.bindOptInt(opt(r.workType), at: 4)
            insert.bindOptInt(r.enteredAt == CellReader.Raw.none ? nil : r.enteredAt, at: 5)
            insert.bindOptInt(opt(r.enteredBy), at: 6); insert.bindInt(batch, at: 7)
            try insert.step()
        }
    }
}
