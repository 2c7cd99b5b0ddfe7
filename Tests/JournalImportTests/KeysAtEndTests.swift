import Foundation
import Testing
@testable import JournalStore

/// An import into an empty journal checks foreign keys once, before its commit; an import into
/// a journal that has data keeps them enforced row by row (`KeysAtEnd`). Either way a broken key
/// stops the import and nothing of it is committed.
@Suite struct KeysAtEndTests {
    /// A cell of lesson 999999 and student 999999: neither exists in any journal these tests make.
    static let brokenCell = "INSERT INTO cell VALUES (999999, 999999, '5', NULL, NULL, NULL, 1)"

    @Test func firstImportRefusesABrokenKeyAtCommitAndCommitsNothing() throws {
        let t = TempDir()
        let store = try JournalStore(path: t.path("j.sqlite"))
        let batch = try store.beginImport()
        #expect(try store.db.scalar("PRAGMA foreign_keys") == 0)
        try store.db.execute("INSERT INTO grp(name, grade) VALUES ('7Б', 7)")
        // Not refused row by row ...
        try store.db.execute(Self.brokenCell)
        // ... but before the commit, with SQLite's foreign key error naming the table.
        let error = #expect(throws: StoreError.self) { try batch.commit(reports: []) }
        #expect(error?.code == 787)
        #expect(error?.message.contains("cell") == true)
        #expect(try store.db.scalar("SELECT count(*) FROM batch") == 0)
        #expect(try store.db.scalar("SELECT count(*) FROM grp") == 0)
        #expect(try store.db.scalar("SELECT count(*) FROM cell") == 0)
        #expect(try store.db.scalar("PRAGMA foreign_keys") == 1)
        // The next import of the still empty journal commits what it wrote.
        let next = try store.beginImport()
        try store.db.execute("INSERT INTO grp(name, grade) VALUES ('7Б', 7)")
        try next.commit(reports: [])
        #expect(try store.db.scalar("SELECT count(*) FROM grp") == 1)
        #expect(try store.db.scalar("PRAGMA foreign_keys") == 1)
    }

    @Test func rolledBackFirstImportTurnsKeysBackOn() throws {
        let t = TempDir()
        let store = try JournalStore(path: t.path("j.sqlite"))
        let batch = try store.beginImport()
        try store.db.execute(Self.brokenCell)
        batch.rollback()
        #expect(try store.db.scalar("SELECT count(*) FROM cell") == 0)
        #expect(try store.db.scalar("PRAGMA foreign_keys") == 1)
        #expect(throws: StoreError.self) { try store.db.execute(Self.brokenCell) }
    }

    @Test func importIntoAJournalWithDataRefusesABrokenKeyAtOnce() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        _ = try importFiles(["marks_log_7b_algebra.csv", "периоды.csv"].map(Repo.sample), db: db)
        let store = try JournalStore(path: db)
        let cells = try store.db.scalar("SELECT count(*) FROM cell")
        let batch = try store.beginImport()
        #expect(try store.db.scalar("PRAGMA foreign_keys") == 1)
        #expect(throws: StoreError.self) { try store.db.execute(Self.brokenCell) }
        batch.rollback()
        #expect(try store.db.scalar("SELECT count(*) FROM cell") == cells)
        #expect(try store.db.scalar("SELECT count(*) FROM batch") == 1)
    }

    @Test func folderReadIntoMemoryIsCheckedToo() throws {
        let store = try JournalStore.inMemory()
        let batch = try store.beginImport()
        #expect(try store.db.scalar("PRAGMA foreign_keys") == 0)
        try store.db.execute(Self.brokenCell)
        #expect(throws: StoreError.self) { try batch.commit(reports: []) }
        #expect(try store.db.scalar("SELECT count(*) FROM cell") == 0)
        #expect(try store.db.scalar("PRAGMA foreign_keys") == 1)
    }
}
