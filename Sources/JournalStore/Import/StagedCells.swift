/// The staging of cells (`s_cell`), `rowsPerInsert` rows to a statement: a marks table imported
/// into a journal that has cells (a weekly re-export) stages every cell, and SQLite's cost per
/// statement was most of the writer's time there. Rows wait here until a block is full, and
/// the rest go in at `flush`, which the batch calls before anything could read `s_cell` or
/// roll back past them: at each file's start (a direct file opens a savepoint) and before
/// the merge. Each row is its own `INSERT OR IGNORE`, as before: a grid that repeats a date
/// column gives the same cell twice on one line, and the second is ignored.
/// Properties read for every cell are `@exclusivity(unchecked)`: see `RecordPipe`.
final class StagedCells {
    struct Row {
        var file: Int64, line: Int64, lesson: Int64, student: Int64, value: String, workType: Int64?, enteredAt: Int64?, enteredBy: Int64?
    }

    static let rowsPerInsert = 64
    private static let columns: Int32 = 8
    private let insertOne, insertBlock: Statement
    @exclusivity(unchecked) private var pending: [Row] = []

    init(db: Database) throws {
        let head = "INSERT OR IGNORE INTO s_cell VALUES "
        let tuple = "(?, ?, ?, ?, ?, ?, ?, ?)"
        insertOne = try db.prepare(head + tuple)
        insertBlock = try db.prepare(head + Array(repeating: tuple, count: Self.rowsPerInsert).joined(separator: ", "))
        pending.reserveCapacity(Self.rowsPerInsert)
    }

    func add(_ row: Row) throws {
        pending.append(row)
        if pending.count == Self.rowsPerInsert { try flush() }
    }

    /// Stages the rows still waiting.
    func flush() throws {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        if pending.count == Self.rowsPerInsert {
            for (i, r) in pending.enumerated() { bind(r, to: insertBlock, from: Int32(i) * Self.columns) }
            try insertBlock.runBound()
        } else {
            for r in pending {
                bind(r, to: insertOne, from: 0)
                try insertOne.runBound()
            }
        }
    }

    private func bind(_ r: Row, to s: Statement, from k: Int32) {
        s.bindInt(r.file, at: k + 1); s.bindInt(r.line, at: k + 2); s.bindInt(r.lesson, at: k + 3); s.bindInt(r.student, at: k + 4)
        s.bindText(r.value, at: k + 5); s.bindOptInt(r.workType, at: k + 6); s.bindOptInt(r.enteredAt, at: k + 7)
        s.bindOptInt(r.enteredBy, at: k + 8)
    }
}
