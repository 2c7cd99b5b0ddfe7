/// The plan (КТП) of a journal database in memory (`JournalStore.inMemory`) that its first import
/// read, kept here instead of the `plan_item` table: nothing in an import reads that table, only
/// the loader does, so its upserts (0.10–0.14 s of the import writer's CPU for the college's 77,000
/// rows) and the read-back are left out, as `MemoryLessons` and `MemoryCells` leave out theirs.
///
/// The rows are what the table would hold: in the order first added (the ids an empty table
/// gives, 1, 2, …), a row naming a group, subject and ordinal already there replacing its topic,
/// hours, kind and planned day (the table's `ON CONFLICT … DO UPDATE`). The store writes them into
/// the table before SQL reads it (`counts`, a next import).
/// Used by the import's writer thread, then (after the commit hands it over) read by the loader.
final class MemoryPlan: @unchecked Sendable {
    struct Row {
        var group: Int64, subject: Int64, ordinal: Int64
        var topic: String, hours: Double, kind: String?, plannedDay: Int64?
    }

    private struct Key: Hashable { var group: Int64, subject: Int64, ordinal: Int64 }

    private(set) var rows: [Row] = []
    private var index: [Key: Int] = [:]

    /// Adds the row, or updates the one with its key.
    func upsert(_ row: Row) {
        let key = Key(group: row.group, subject: row.subject, ordinal: row.ordinal)
        if let k = index[key] {
            rows[k].topic = row.topic
            rows[k].hours = row.hours
            rows[k].kind = row.kind
            rows[k].plannedDay = row.plannedDay
        } else {
            index[key] = rows.count
            rows.append(row)
        }
    }

    /// Inserts the rows into `plan_item` with their ids (inside the caller's transaction).
    func write(to db: Database) throws {
        let insert = try db.prepare("""
            INSERT INTO plan_item(id, group_id, subject_id, ordinal, topic, hours, kind, planned_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (k, r) in rows.enumerated() {
            insert.reset()
            insert.bindInt(Int64(k + 1), at: 1); insert.bindInt(r.group, at: 2); insert.bindInt(r.subject, at: 3)
            insert.bindInt(r.ordinal, at: 4); insert.bindText(r.topic, at: 5); insert.bindDouble(r.hours, at: 6)
            insert.bindText(r.kind, at: 7); insert.bindOptInt(r.plannedDay, at: 8)
            try insert.step()
        }
    }
}
