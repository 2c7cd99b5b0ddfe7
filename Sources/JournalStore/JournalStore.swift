import Foundation
import JournalImport
import JournalModel

/// The journal database: SQLite (WAL, foreign keys, STRICT tables, versioned migrations),
/// created readable by its owner only.
///
///     let store = try JournalStore(path: "journal.sqlite")
///     let journal = try store.load(from: d1, to: d2, group: "7б")
public final class JournalStore {
    let db: Database
    public let path: String

    /// Opens (creating and migrating when needed) the database at `path`. While another
    /// program's import holds it (a first import runs without WAL, see `ImportBatch`), opening
    /// waits up to `wait` seconds.
    public init(path: String, wait: Double = 120) throws {
        self.path = path
        db = try Database(path: path)
        importWaitSeconds = wait
        db.setBusyTimeout(seconds: wait)
        defer { db.setBusyTimeout(seconds: Database.defaultBusySeconds) }
        do {
            let pragmas = db.isMemory ? Self.memoryPragmas
                : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = FILE; PRAGMA cache_size = -32768;"
            // Switching to WAL while another program's first import holds the file in rollback
            // mode fails at once, without the busy handler: it is tried again until `wait`
            // runs out (two imports into a new database at once failed so about one time in six).
            let deadline = Date().addingTimeInterval(wait)
            while true {
                do {
                    try db.execute(pragmas)
                    break
                } catch let e as StoreError where e.isBusy && Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.02)
                }
            }
            try Migrations.migrate(db)
        } catch let e as StoreError where e.isBusy {
            throw StoreError(code: e.code, message: "база данных занята другим импортом: ждали \(Int(wait.rounded())) с, он ещё не закончился; "
                             + "повторите, когда тот импорт завершится", sql: nil)
        }
    }

    /// How long an import waits for another import into the same database to finish.
    public var importWaitSeconds: Double

    /// Starts an import (one transaction until `ImportBatch.commit` or `rollback`); waits for
    /// another import into this database to end (`importWaitSeconds`).
    public func beginImport() throws -> ImportBatch {
        try writeKeptInMemory()
        let batch = try ImportBatch(db: db, wait: importWaitSeconds)
        if db.isMemory { batch.publishKept = { [weak self] in self?.kept = $0 } }
        return batch
    }

    /// What a database in memory keeps out of its tables (`KeptInMemory`).
    var kept = KeptInMemory()

    /// Writes what a database in memory keeps out of its tables into them, for SQL that reads
    /// them; one transaction.
    func writeKeptInMemory() throws {
        guard !kept.isEmpty else { return }
        try db.execute("BEGIN IMMEDIATE")
        do {
            try kept.write(to: db)
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
        kept = KeptInMemory()
    }

    /// The batch that already imported a file with this SHA-256, if any.
    public func batchContaining(sha256: String) throws -> Int? {
        try db.scalar("SELECT batch_id FROM source_file WHERE sha256 = ? ORDER BY batch_id LIMIT 1", [.text(sha256)]).map { Int($0) }
    }

    /// The rows the first import of a file with this SHA-256 rejected, as that import reported
    /// them (so that `--rejects` writes them again for a file imported before).
    public func rejections(sha256: String) throws -> [Rejection] {
        let s = try db.prepare("""
            SELECT f.path, r.line, r.col, r.reason, r.source_line FROM rejection r JOIN source_file f ON f.id = r.file_id
             WHERE f.id = (SELECT id FROM source_file WHERE sha256 = ? ORDER BY batch_id, id LIMIT 1) ORDER BY r.id
            """)
        try s.bind([.text(sha256)])
        var out: [Rejection] = []
        while try s.step() {
            out.append(Rejection(location: SourceLocation(file: s.text(0), line: Int(s.int(1)), column: Int(s.int(2))),
                                 reason: s.text(3), sourceLine: s.optText(4)))
        }
        return out
    }

    /// Row counts of the journal tables, for reports and tests.
    public func counts() throws -> [String: Int] {
        try writeKeptInMemory()
        var out: [String: Int] = [:]
        for t in ["batch", "source_file", "grp", "subject", "teacher", "student", "lesson", "cell", "work_type", "period_mark",
                  "change", "import_finding", "plan_item", "load_item", "period", "holiday", "bell", "setting"] {
            out[t] = Int(try db.scalar("SELECT COUNT(*) FROM \(t)") ?? 0)
        }
        return out
    }

    /// The disagreements an import recorded (all batches when `batch` is nil).
    public func findings(batch: Int64? = nil) throws -> [Disagreement] {
        let s = try db.prepare("SELECT kind, message, file, line, other_file, other_line FROM import_finding WHERE ?1 IS NULL OR batch_id = ?1 ORDER BY id")
        try s.bind([.opt(batch)])
        var out: [Disagreement] = []
        while try s.step() {
            let kind = Disagreement.Kind.allCases.first { $0.id == s.text(0) } ?? .lessonAttribute
            out.append(Disagreement(kind: kind, message: s.text(1), file: s.text(2), line: s.optInt(3).map { Int($0) },
                                    otherFile: s.optText(4), otherLine: s.optInt(5).map { Int($0) }))
        }
        return out
    }
}
