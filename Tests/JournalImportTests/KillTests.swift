import Foundation
@testable import JournalStore
import Testing

/// An import killed half-way leaves the database as it was (one transaction per import).
@Suite struct KillTests {
    @Test func killedImportLeavesTheDatabaseUnchanged() throws {
        guard FileManager.default.isExecutableFile(atPath: Repo.binary) else {
            Issue.record("build the program first: \(Repo.binary) is missing")
            return
        }
        let t = TempDir()
        let db = t.path("j.sqlite")
        _ = try importFiles([Repo.sample("marks_log_7b_algebra.csv")], db: db)
        let before = try JournalStore(path: db).counts()
        let text = Self.bigMarks()
        try killImport(try t.write("big.csv", text), db: db)
        let store = try JournalStore(path: db)
        #expect(try store.counts() == before)
        // The database still works: the killed file imports cleanly now.
        let small = try t.write("small.csv", String(text.prefix(2000).split(separator: "\n").dropLast().joined(separator: "\n")) + "\n")
        let s = try importFiles([small], db: db)
        #expect(s.outcome?.batch == 2 && s.rejected == 0)
    }

    /// The first import of a journal runs with a rollback journal (see `ImportBatch`): killed,
    /// it leaves a journal file that the next opening rolls back, and the database is back in WAL.
    @Test func killedFirstImportLeavesAnEmptyJournalInWAL() throws {
        guard FileManager.default.isExecutableFile(atPath: Repo.binary) else {
            Issue.record("build the program first: \(Repo.binary) is missing")
            return
        }
        let t = TempDir()
        let db = t.path("j.sqlite")
        let empty = try JournalStore(path: db).counts()
        #expect(empty.values.allSatisfy { $0 == 0 })
        let text = Self.bigMarks()
        try killImport(try t.write("big.csv", text), db: db)
        #expect(FileManager.default.fileExists(atPath: db + "-journal"), "the killed import ran with a rollback journal")
        let store = try JournalStore(path: db)
        #expect(try store.counts() == empty)
        #expect(try store.db.scalar("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'") == 1)
        #expect(!FileManager.default.fileExists(atPath: db + "-journal"))
        let small = try t.write("small.csv", String(text.prefix(2000).split(separator: "\n").dropLast().joined(separator: "\n")) + "\n")
        let s = try importFiles([small], db: db)
        #expect(s.outcome?.batch == 1 && s.rejected == 0 && s.accepted > 10)
    }

    /// ~40 MB of canonical marks: long enough to be killed in the middle.
    static func bigMarks() -> String {
        var text = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Вид работы;Внесено;Внёс\n"
        text.reserveCapacity(41 << 20)
        var n = 0
        while text.utf8.count < 40 << 20 {
            let day = 1 + n % 28, month = 1 + (n / 28) % 12
            text += "9а;Физика;\(day < 10 ? "0" : "")\(day).\(month < 10 ? "0" : "")\(month).2025;\(1 + n % 6);Ученик \(n % 997);\(2 + n % 4);устный ответ;01.01.2025 10:00;Учитель \(n % 7)\n"
            n += 1
        }
        return text
    }

    /// Starts `zhurnal import path --db db`, kills it after 1.5 s, expects it was still running.
    func killImport(_ path: String, db: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Repo.binary)
        p.arguments = ["import", path, "--db", db]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(p.isRunning, "the import finished before it could be killed")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
    }
}
