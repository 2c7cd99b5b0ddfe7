import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// A folder checked in memory keeps the cells of its marks file out of SQLite (`MemoryCells`):
/// whatever reads the journal afterwards — whole or filtered loads, a second import into the
/// same store, the table counts, a failed import — must see exactly what a database file that
/// stored the cells in its `cell` table gives.
@Suite struct MemoryCellsTests {
    static let marks = Repo.sample("marks_log_7b_algebra.csv")
    static let calendarFiles = ["lessons_log_7b_algebra.csv", "группы.csv", "периоды.csv", "учреждение.csv", "календарь.csv",
                                "звонки.csv", "нагрузка.csv"].map(Repo.sample)

    static func session() throws -> ImportSession { ImportSession(importer: FileImporter(profiles: try Repo.profiles())) }

    static func files(_ paths: [String]) -> [ImportSession.File] {
        paths.map { .init(path: $0, displayName: URL(fileURLWithPath: $0).lastPathComponent) }
    }

    /// The data rows of a file, read off it (lines after the header that are not empty).
    static func dataRows(_ path: String) throws -> [String] {
        Array(try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n").dropFirst().filter { !$0.isEmpty })
    }

    @Test func theMarksFileOfAStoreInMemoryStaysOutOfSQLiteAndCountsAsTheTableWould() throws {
        let t = TempDir()
        let store = try JournalStore.inMemory()
        let summary = try Self.session().run(Self.files([Self.marks]), into: store)
        #expect(summary.cellsWrittenDirectly && summary.rejected == 0)
        // The marks log has 390 rows, one cell each (no cell twice: the direct path kept them).
        let rows = try Self.dataRows(Self.marks)
        #expect(rows.count == 390)
        #expect(store.kept.cells?.rows.count == rows.count)
        #expect(try store.db.scalar("SELECT COUNT(*) FROM cell") == 0)
        // A database file stores the same cells in its table; the store in memory writes its own
        // there when asked to count them, and then both hold the same rows.
        let db = t.path("j.sqlite")
        _ = try Self.session().run(Self.files([Self.marks]), into: try JournalStore(path: db))
        #expect(try store.counts()["cell"] == rows.count)
        #expect(store.kept.cells == nil)
        #expect(try Self.sameTables(store, db).contains { $0.hasPrefix("cell: ") })
    }

    /// Every row of every table of the store in memory and of the database file (`DirectPathTests.dump`)
    /// are the same, but the files' rows (a store in memory reads no file digests: `source_file.sha256`
    /// is empty there); the store's rows.
    static func sameTables(_ store: JournalStore, _ db: String) throws -> [String] {
        let noDigest = { (rows: [String]) in rows.filter { !$0.hasPrefix("source_file:") } }
        let (memory, file) = (noDigest(try DirectPathTests().dump(store)), noDigest(try DirectPathTests().dump(db)))
        #expect(memory.count == file.count)
        for (a, b) in zip(memory, file) where a != b {
            Issue.record("in memory \(a) ≠ in the file \(b)")
            break
        }
        return memory
    }

    @Test func wholeAndFilteredLoadsEqualTheDatabaseFiles() throws {
        let t = TempDir()
        let paths = [Self.marks] + Self.calendarFiles
        let store = try JournalStore.inMemory()
        #expect(try Self.session().run(Self.files(paths), into: store).cellsWrittenDirectly)
        let db = t.path("j.sqlite")
        _ = try Self.session().run(Self.files(paths), into: try JournalStore(path: db))
        let file = try JournalStore(path: db)
        let october = (LocalDate(year: 2025, month: 10, day: 1)!, LocalDate(year: 2025, month: 10, day: 31)!)
        let whole = try file.load()
        // Marks of 15.10.2025 (lines 161–166) have a lesson in this lessons log: all 390 cells load.
        #expect(whole.cells.count == 390)
        // The store in memory reads its cells on a thread of their own while the lessons load
        // (`ParallelCells.memory`), or after them on one thread: both give the file's journal.
        for parallel in [true, false] {
            func memory(from: LocalDate? = nil, to: LocalDate? = nil, group: String? = nil) throws -> Journal {
                try store.load(from: from, to: to, group: group, parallel: parallel)
            }
            for (name, a, b) in [("весь журнал", whole, try memory()),
                                 ("7б", try file.load(group: "7б"), try memory(group: "7б")),
                                 ("октябрь", try file.load(from: october.0, to: october.1), try memory(from: october.0, to: october.1)),
                                 ("с октября", try file.load(from: october.0), try memory(from: october.0))] {
                #expect(a.differences(from: b) == [], "\(name), parallel \(parallel)")
                #expect(a.cells.map(\.value) == b.cells.map(\.value), "\(name), parallel \(parallel)")
            }
        }
        // October's cells, read off the marks log: rows dated 10.2025.
        let octoberRows = try Self.dataRows(Self.marks).filter { $0.components(separatedBy: ";")[2].hasSuffix(".10.2025") }
        #expect(try store.load(from: october.0, to: october.1).cells.count == octoberRows.count)
        #expect(octoberRows.count > 50)
    }

    @Test func aSecondImportIntoTheSameStoreComparesWithTheCellsOfTheFirst() throws {
        let t = TempDir()
        // The same log again, with line 2's mark (Васильев Никита, 01.09.2025, урок № 2: «4») now «5».
        var lines = try String(contentsOfFile: Self.marks, encoding: .utf8).components(separatedBy: "\n")
        var row = lines[1].components(separatedBy: ";")
        #expect(row[4] == "Васильев Никита" && row[5] == "4")
        row[5] = "5"
        lines[1] = row.joined(separator: ";")
        let changed = try t.write("marks_changed.csv", lines.joined(separator: "\n"))
        let store = try JournalStore.inMemory()
        let db = t.path("j.sqlite")
        for target in [store, try JournalStore(path: db)] {
            #expect(try Self.session().run(Self.files([Self.marks]), into: target).cellsWrittenDirectly)
            let second = try Self.session().run(Self.files([changed]), into: target)
            #expect(!second.cellsWrittenDirectly)
            #expect(second.outcome?.changes == 1)
        }
        let (memory, stored) = (try store.load(), try JournalStore(path: db).load())
        #expect(stored.differences(from: memory) == [])
        let change = try #require(memory.changes.first { $0.target == .cell })
        #expect(change.oldValue == "4" && change.newValue == "5")
        #expect(memory.changes.count == 1 && memory.cells.count == 390)
    }

    @Test func aFailedImportLeavesNoCellsBehind() throws {
        let t = TempDir()
        let header = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Что;Было;Стало;Выставлено;Изменено;Изменил;Подгруппа;Причина\n"
        let good = "7б;Алгебра;01.09.2025;2;Васильев Никита;отметка;3;4;01.09.2025 11:00;01.09.2025 13:31;Смирнова Ольга Петровна;;\n"
        let changes = try t.write("изменения.csv", header + good)
        let broken = try t.write("изменения-сломан.csv", header + good + "7б;Алгебра;\"02.09.2025;1;\n")
        // With a good change history the marks file takes the direct path…
        let fine = try JournalStore.inMemory()
        #expect(try Self.session().run(Self.files([Self.marks, changes]), into: fine).cellsWrittenDirectly)
        #expect(try fine.load().cells.count == 390)
        // …and when the history, read after it, is broken, the whole import is undone.
        let store = try JournalStore.inMemory()
        #expect(throws: ImportFailure.self) { try Self.session().run(Self.files([Self.marks, broken]), into: store) }
        #expect(store.kept.cells == nil)
        #expect(try store.load().cells.isEmpty)
        #expect(try store.counts()["cell"] == 0 && store.counts()["lesson"] == 0)
    }
}
