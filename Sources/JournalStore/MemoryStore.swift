import Foundation

/// A journal database in this process's memory: what `check`, `memo` and `inspection` build
/// from CSV files or a folder, through the same `ImportSession`, staging, merge and loader as
/// `zhurnal import` — only no file is written, synced, committed to disk and read back, and the
/// cells of a marks file the direct path takes are kept out of SQLite (`MemoryCells`).
///
///     let store = try JournalStore.inMemory()
///     let summary = try session.run(files, into: store)
///     let journal = try store.load()
///
/// Nothing else can open it, so an import never waits; foreign keys are checked as on disk
/// (the import into this empty journal checks them before its commit, `KeysAtEnd`) and the
/// import is still one transaction (its rollback journal is kept in memory too: a direct
/// file abandoned half-way is undone to its savepoint exactly as on disk).
extension JournalStore {
    public static func inMemory() throws -> JournalStore { try JournalStore(path: Database.memory) }

    /// The settings of a database in memory: the rollback journal in memory (savepoints and
    /// `ROLLBACK` work as on disk), nothing to sync, temporary tables (the import's staging) in
    /// memory as well. Foreign keys on, as on disk: what the file import refuses is refused here.
    static let memoryPragmas = "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"

    /// Whether the database lives in memory (`inMemory`).
    public var isInMemory: Bool { db.isMemory }
}
