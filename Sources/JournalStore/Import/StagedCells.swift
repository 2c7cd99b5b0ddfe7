/// The staging of cells (`s_cell`), a block of rows to a statement (`BlockInsert`): a marks
/// table imported into a journal that has cells (a weekly re-export) stages every cell, and
/// SQLite's cost per statement was most of the writer's time there. The batch flushes before
/// anything could read `s_cell` or roll back past waiting rows: at each file's start (a direct
/// file opens a savepoint) and before the merge. Each row is its own `INSERT OR IGNORE`, as
/// before: a grid that repeats a date column gives the same cell twice on one line, and the
/// second is ignored.
final class StagedCells {
    struct Row {
        var file: Int64, line: Int64, lesson: Int64, student: Int64, value: String, workType: Int64?, enteredAt: Int64?, enteredBy: Int64?
    }

    private let rows: BlockInsert<Row>

    init(db: Database) throws {
        rows = try BlockInsert(db: db, head: "INSERT OR IGNORE INTO s_cell VALUES ", tuple: "(?, ?, ?, ?, ?, ?, ?, ?)", columns: 8) { r, s, k in
            s.bindInt(r.file, at: k + 1); s.bindInt(r.line, at: k + 2); s.bindInt(r.lesson, at: k + 3); s.bindInt(r.student, at: k + 4)
            s.bindText(r.value, at: k + 5); s.bindOptInt(r.workType, at: k + 6); s.bindOptInt(r.enteredAt, at: k + 7)
            s.bindOptInt(r.enteredBy, at: k + 8)
        }
    }

    func add(_ row: Row) throws { try rows.add(row) }

    /// Stages the rows still waiting.
    func flush() throws { try rows.flush() }
}
