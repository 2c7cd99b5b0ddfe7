import JournalModel

/// The lessons of a journal database in memory (`JournalStore.inMemory`) that its first import
/// made, kept here, in this process, instead of being inserted into the `lesson` table and read
/// back by the loader (as `MemoryCells` keeps the cells). On the college benchmark the 91,516
/// inserts took 0.27 s of the import writer's CPU, and reading them back 0.11 s of the loader's.
///
/// Only an import into a journal in memory that has no lessons, whose one file of cells goes
/// the direct path, keeps them (`ImportBatch.useMemoryLessons`); ids are the ones SQLite would
/// give in that empty table (1, 2, … in the order added). While a store holds them its `lesson`
/// table is empty, so everything that would read that table answers from here instead: the
/// lessons of a day and whether a subject has a lesson source (`AttendedLessons`), a lesson
/// declared (`NameTables`), the foreign keys of the change history (`KeysAtEnd`), the loader.
/// Whenever the import turns to something that reads the table with SQL — a direct file
/// abandoned, lesson rows the merge must read (`ImportBatch.lessonRowsUnread`), provisional
/// lessons — or the store is asked for SQL over it (`counts`, a next import), the lessons are
/// first written into it (`write(to:)`) and no longer kept here.
///
/// Used by the import's writer thread while the import runs, then (after it has committed and
/// handed them to the store) only read by the loader.
final class MemoryLessons: @unchecked Sendable {
    struct Row {
        var group: Int64, subject: Int64, day: Int32, number: Int32, subgroup: String
        var declared: Bool
        /// As a lessons table described it when it added the lesson; nil: added bare (by cells).
        var attributes: LessonAttributes?
    }

    /// The import that made them (`lesson.first_batch`).
    let batch: Int64
    /// Row k is the lesson with id k + 1.
    @exclusivity(unchecked) private(set) var rows: [Row] = []
    /// Per day of a group and subject, the ids of its lessons in the order added.
    @exclusivity(unchecked) private var byDay: [AttendedLessons.DayKey: [Int64]] = [:]
    /// The groups and subjects with a declared lesson (a lesson source lists it).
    @exclusivity(unchecked) private var declaredSubjects = Set<AttendedLessons.SubjectKey>()

    init(batch: Int64) { self.batch = batch }

    var count: Int { rows.count }

    /// Makes room for about `n` more lessons (`RoomFor`).
    func expect(_ n: Int) {
        RoomFor.more(n, in: &rows)
        RoomFor.more(n, in: &byDay)
    }

    /// Adds a lesson; its id.
    func add(_ row: Row) -> Int64 {
        rows.append(row)
        let id = Int64(rows.count)
        byDay[AttendedLessons.DayKey(group: row.group, subject: row.subject, day: row.day), default: []].append(id)
        if row.declared { noteDeclared(AttendedLessons.SubjectKey(group: row.group, subject: row.subject)) }
        return id
    }

    /// The subject `noteDeclared` last inserted: a lessons table's rows come subject by subject.
    @exclusivity(unchecked) private var lastDeclared: AttendedLessons.SubjectKey?

    private func noteDeclared(_ k: AttendedLessons.SubjectKey) {
        guard k != lastDeclared else { return }
        declaredSubjects.insert(k)
        lastDeclared = k
    }

    func declare(_ id: Int64) {
        let k = Int(id) - 1
        rows[k].declared = true
        noteDeclared(AttendedLessons.SubjectKey(group: rows[k].group, subject: rows[k].subject))
    }

    func contains(_ id: Int64) -> Bool { id >= 1 && id <= Int64(rows.count) }

    /// The day of lesson `id`.
    func day(of id: Int64) -> Int32? { contains(id) ? rows[Int(id) - 1].day : nil }

    /// `SELECT EXISTS (SELECT 1 FROM lesson WHERE group_id = ? AND subject_id = ? AND declared = 1)`.
    func hasDeclared(_ k: AttendedLessons.SubjectKey) -> Bool { declaredSubjects.contains(k) }

    /// `SELECT number, subgroup, id, declared FROM lesson WHERE group_id = ? AND subject_id = ?
    /// AND day = ? ORDER BY number, subgroup` (the subgroup in SQLite's order: by bytes).
    func lessons(on key: AttendedLessons.DayKey) -> [(number: Int32, subgroup: String, id: Int64, declared: Bool)] {
        guard let ids = byDay[key] else { return [] }
        if ids.count == 1 {
            let r = rows[Int(ids[0]) - 1]
            return [(r.number, r.subgroup, ids[0], r.declared)]
        }
        return ids.map { id in
            let r = rows[Int(id) - 1]
            return (r.number, r.subgroup, id, r.declared)
        }.sorted { a, b in
            a.number != b.number ? a.number < b.number : a.subgroup.utf8.lexicographicallyPrecedes(b.subgroup.utf8)
        }
    }

    /// Forgets the lessons after the first `count` (those a rolled-back savepoint undid).
    func keepFirst(_ count: Int) {
        guard count < rows.count else { return }
        rows.removeSubrange(count...)
        byDay.removeAll()
        declaredSubjects.removeAll()
        lastDeclared = nil
        for (k, r) in rows.enumerated() {
            byDay[AttendedLessons.DayKey(group: r.group, subject: r.subject, day: r.day), default: []].append(Int64(k + 1))
            if r.declared { declaredSubjects.insert(AttendedLessons.SubjectKey(group: r.group, subject: r.subject)) }
        }
    }

    /// Inserts the lessons into `lesson` with their ids (inside the caller's transaction).
    func write(to db: Database) throws {
        let insert = try db.prepare("""
            INSERT INTO lesson(id, group_id, subject_id, day, number, subgroup, first_batch, declared, \(Merge.lessonAttributes.joined(separator: ", ")))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, \(Merge.lessonAttributes.map { _ in "?" }.joined(separator: ", ")))
            """)
        for (k, r) in rows.enumerated() {
            insert.reset()
            insert.bindInt(Int64(k + 1), at: 1); insert.bindInt(r.group, at: 2); insert.bindInt(r.subject, at: 3)
            insert.bindInt(Int64(r.day), at: 4); insert.bindInt(Int64(r.number), at: 5); insert.bindText(r.subgroup, at: 6)
            insert.bindInt(batch, at: 7); insert.bindInt(r.declared ? 1 : 0, at: 8)
            if let a = r.attributes {
                a.bind(to: insert, from: 9)
            } else {
                for c in 0..<Int32(Merge.lessonAttributes.count) { insert.bindOptInt(nil, at: 9 + c) }
            }
            try insert.step()
        }
    }
}
