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

    public init(path: String) throws {
        self.path = path
        db = try Database(path: path)
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = FILE; PRAGMA cache_size = -32768;")
        try Migrations.migrate(db)
    }

    /// Starts an import (one transaction until `ImportBatch.finish` or `rollback`).
    public func beginImport() throws -> ImportBatch { try ImportBatch(db: db) }

    /// The batch that already imported a file with this SHA-256, if any.
    public func batchContaining(sha256: String) throws -> Int? {
        try db.scalar("SELECT batch_id FROM source_file WHERE sha256 = ? ORDER BY batch_id LIMIT 1", [.text(sha256)]).map { Int($0) }
    }

    /// Row counts of the journal tables, for reports and tests.
    public func counts() throws -> [String: Int] {
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
