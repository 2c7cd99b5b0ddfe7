/// Rows inserted `rowsPerInsert` at a time by one multi-row INSERT: SQLite's cost per statement
/// (starting the program, opening the table and its indexes) is then paid once per block, not
/// once per row. Rows wait until a block is full; `flush` inserts the rest one by one. The
/// owner decides when nothing may read the table or roll back past waiting rows, and flushes
/// before (`DirectCells`, `StagedRows`).
/// Properties touched for every row are `@exclusivity(unchecked)`: see `RecordPipe`.
final class BlockInsert<Row> {
    static var rowsPerInsert: Int { 64 }
    private let insertOne, insertBlock: Statement
    private let columns: Int32
    private let bind: (Row, Statement, Int32) -> Void
    private let step: (Statement) throws -> Void
    @exclusivity(unchecked) private var pending: [Row] = []

    /// `head`: `INSERT … INTO table(…) VALUES `; `tuple`: one row's `(?, …)`, `columns` of them;
    /// `bind` binds a row to parameters `k + 1`, `k + 2`, …; `step` runs the bound statement and
    /// resets it (throwing what the owner makes of an error).
    init(db: Database, head: String, tuple: String, columns: Int32, bind: @escaping (Row, Statement, Int32) -> Void,
         step: @escaping (Statement) throws -> Void = { try $0.runBound() }) throws {
        insertOne = try db.prepare(head + tuple)
        insertBlock = try db.prepare(head + Array(repeating: tuple, count: Self.rowsPerInsert).joined(separator: ", "))
        self.columns = columns
        self.bind = bind
        self.step = step
        pending.reserveCapacity(Self.rowsPerInsert)
    }

    func add(_ row: Row) throws {
        pending.append(row)
        if pending.count == Self.rowsPerInsert { try flush() }
    }

    /// Inserts the rows still waiting.
    func flush() throws {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        if pending.count == Self.rowsPerInsert {
            for (i, r) in pending.enumerated() { bind(r, insertBlock, Int32(i) * columns) }
            try step(insertBlock)
        } else {
            for r in pending {
                bind(r, insertOne, 0)
                try step(insertOne)
            }
        }
    }

    /// Forgets the rows still waiting.
    func discard() { pending.removeAll() }
}
