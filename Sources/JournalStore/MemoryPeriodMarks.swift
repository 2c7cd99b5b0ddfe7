import JournalImport
import JournalModel

/// The period marks of a journal database in memory (`JournalStore.inMemory`) that its first
/// import read, kept here instead of the staging table `s_pmark` and the table `period_mark`:
/// during an import only the merge reads them, so their staging, its index, the repeat search,
/// the upsert and the loader's read-back (0.09 s of a school's 0.5 s check at most, by not staging
/// the rows at all; 0.04 s by doing the same here) are done here, as
/// `MemoryPlan`, `MemoryLessons` and `MemoryCells` leave out theirs.
///
/// The rows come in staging order (`StagedRows` holds them). At the merge `sift` does what the
/// SQL does to `s_pmark` — drops the rows of grid lines the store rejected, rejects a row whose
/// student, subject and period (by bytes, as SQLite compares) an earlier line of its file
/// already gave — and `upsert` what `period_mark`'s `ON CONFLICT … DO UPDATE` does: a new key
/// is a row (rowids 1, 2, … as the empty table gives them), a key already there takes the value,
/// and the moment and author when the new row has them. Only on a journal without period marks,
/// so no change against an earlier import is possible. The store writes the rows into the
/// table before SQL reads it (`counts`, a next import).
/// Used by the import's writer thread, at the merge by a thread of its own (`Merge.run` waits
/// for it before anything else reads the rows), then (after the commit hands it over) read by
/// the loader.
final class MemoryPeriodMarks: @unchecked Sendable {
    struct Row {
        var student: Int64, subject: Int64, period: String, value: String, enteredAt: Int64?, enteredBy: Int64?
    }

    /// Student, subject and period (its number in `PeriodIDs`), and the file for the repeats.
    private struct Key: Hashable {
        var student: Int64, subject: Int64, period: Int32, file: Int64
        func hash(into h: inout Hasher) {
            h.combine(UInt64(bitPattern: student) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: subject) << 20 ^ UInt64(UInt32(bitPattern: period)))
            h.combine(file)
        }
    }

    /// Period names numbered by their bytes (as SQLite compares them).
    private struct PeriodIDs {
        var index: [ByteKey: Int32] = [:]
        mutating func id(_ s: String) -> Int32 {
            let k = ByteKey(s)
            if let i = index[k] { return i }
            let i = Int32(index.count)
            index[k] = i
            return i
        }
    }

    /// The batch the rows belong to (`period_mark.first_batch`).
    let batch: Int64
    /// The rows as staged, in order (until `ImportBatch.unlinkedPeriods` has counted them).
    private(set) var staged: [StagedRows.PeriodMark] = []
    /// Which staged rows the merge keeps (`sift`), in order: what `s_pmark` holds after its
    /// repeats are deleted — the rows `unlinkedPeriods` counts — and each one's key (its file
    /// left out: the table's key).
    private var kept: [Int] = []
    private var keptKeys: [Key] = []
    /// The table's rows (`upsert`), in rowid order.
    private(set) var rows: [Row] = []

    init(batch: Int64) { self.batch = batch }

    func add(_ row: StagedRows.PeriodMark) { staged.append(row) }

    var stagedCount: Int { staged.count }

    /// Forgets the rows staged from `count` on (a direct file given up: see `StagedRows.discard`).
    func forget(from count: Int) { staged.removeSubrange(count...) }

    /// `Merge.unstageRejectedLines` and the period marks' part of `Merge.duplicates`, on the
    /// staged rows; the repeats rejected, in staging order (the SQL's rowid order).
    func sift(rejectedGridLines: [(file: Int64, line: Int64)]) -> [MergeOutcome.Duplicate] {
        let rejected = Set(rejectedGridLines.map { $0.file << 40 | $0.line })
        var rows: [Int] = []
        rows.reserveCapacity(staged.count)
        for i in staged.indices where rejected.isEmpty || !rejected.contains(staged[i].file << 40 | staged[i].line) { rows.append(i) }
        var ids = PeriodIDs()
        let keys = rows.map { Key(student: staged[$0].student, subject: staged[$0].subject, period: ids.id(staged[$0].period), file: staged[$0].file) }
        var firstLine: [Key: Int64] = [:]
        firstLine.reserveCapacity(rows.count)
        for (i, k) in zip(rows, keys) {
            if let l = firstLine[k], l <= staged[i].line { continue }
            firstLine[k] = staged[i].line
        }
        var out: [MergeOutcome.Duplicate] = []
        kept.reserveCapacity(rows.count)
        keptKeys.reserveCapacity(rows.count)
        for (i, k) in zip(rows, keys) {
            let first = firstLine[k]!, line = staged[i].line
            guard first < line else {
                kept.append(i)
                keptKeys.append(Key(student: k.student, subject: k.subject, period: k.period, file: 0))
                continue
            }
            out.append(.init(file: Int(staged[i].file), line: Int(line), reason: "отметка за период уже указана в строке \(first): строка не принята",
                             column: "Период"))
        }
        return out
    }

    /// `Merge.mergePeriodMarks` on a journal without period marks: the kept rows into `rows`.
    func upsert() {
        var index: [Key: Int] = [:]
        index.reserveCapacity(kept.count)
        rows.reserveCapacity(kept.count)
        for (j, k) in zip(kept, keptKeys) {
            let r = staged[j]
            if let i = index[k] {
                rows[i].value = r.value
                rows[i].enteredAt = r.enteredAt ?? rows[i].enteredAt
                rows[i].enteredBy = r.enteredBy ?? rows[i].enteredBy
            } else {
                index[k] = rows.count
                rows.append(Row(student: r.student, subject: r.subject, period: r.period, value: r.value,
                                enteredAt: r.enteredAt, enteredBy: r.enteredBy))
            }
        }
        keptKeys = []
    }

    /// `ImportBatch.unlinkedPeriods` on the kept rows: per period name (by bytes, in byte
    /// order) not in the calendar, how many rows name it and the first (by file, then line).
    func unlinked(calendar periods: [StudyPeriod], files: [String]) -> [UnlinkedPeriod] {
        var byName: [ByteKey: (count: Int, file: Int64, line: Int64)] = [:]
        for j in kept {
            let r = staged[j], k = ByteKey(r.period)
            if let e = byName[k] {
                let first = (r.file, r.line) < (e.file, e.line)
                byName[k] = (e.count + 1, first ? r.file : e.file, first ? r.line : e.line)
            } else {
                byName[k] = (1, r.file, r.line)
            }
        }
        return byName.sorted { $0.key.string.utf8.lexicographicallyPrecedes($1.key.string.utf8) }.compactMap { k, e in
            guard PeriodNames.match(k.string, in: periods) == nil else { return nil }
            let file = Int(e.file)
            return UnlinkedPeriod(name: k.string, count: e.count, file: file < files.count ? files[file] : "", line: Int(e.line),
                                  calendar: periods.map(\.name))
        }
    }

    /// The staged rows are not needed once `ImportBatch.unlinkedPeriods` has counted them.
    func dropStaged() {
        staged = []
        kept = []
    }

    /// Inserts the rows into `period_mark` with their rowids (inside the caller's transaction).
    func write(to db: Database) throws {
        let insert = try db.prepare("""
            INSERT INTO period_mark(rowid, student_id, subject_id, period_name, value, entered_at, entered_by, first_batch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (k, r) in rows.enumerated() {
            insert.reset()
            insert.bindInt(Int64(k + 1), at: 1); insert.bindInt(r.student, at: 2); insert.bindInt(r.subject, at: 3)
            insert.bindText(r.period, at: 4); insert.bindText(r.value, at: 5); insert.bindOptInt(r.enteredAt, at: 6)
            insert.bindOptInt(r.enteredBy, at: 7); insert.bindInt(batch, at: 8)
            try insert.step()
        }
    }
}
