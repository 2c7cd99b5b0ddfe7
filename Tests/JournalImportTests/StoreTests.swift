import Foundation
import JournalModel
import Testing
@testable import JournalStore

/// The database file: permissions, pragmas, constraints, and loading a slice of the journal.
@Suite struct StoreTests {
    func imported(_ t: TempDir) throws -> String {
        let db = t.path("j.sqlite")
        _ = try importFiles(["journal_7b_algebra.cp1251.csv", "marks_log_7b_algebra.csv", "topics_7b_algebra.csv",
                             "lessons_log_7b_algebra.csv", "периоды.csv"].map(Repo.sample), db: db)
        return db
    }

    @Test func databaseIsOwnerOnlyWalStrictWithForeignKeys() throws {
        let t = TempDir()
        let db = try imported(t)
        let attrs = try FileManager.default.attributesOfItem(atPath: db)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let store = try JournalStore(path: db)
        let mode = try store.db.prepare("PRAGMA journal_mode")
        #expect(try mode.step() && mode.text(0) == "wal")
        #expect(try store.db.scalar("PRAGMA user_version") == Int64(Migrations.latest))
        #expect(try store.db.scalar("PRAGMA foreign_keys") == 1)
        // STRICT: a text in an INTEGER column is refused; FOREIGN KEY: a cell of no lesson is refused.
        #expect(throws: StoreError.self) { try store.db.execute("INSERT INTO bell VALUES ('первый', 1, 2)") }
        #expect(throws: StoreError.self) { try store.db.execute("INSERT INTO cell VALUES (999999, 1, '5', NULL, NULL, NULL, 1)") }
        // Each batch records its files with their SHA-256.
        let sha = try store.db.prepare("SELECT sha256 FROM source_file WHERE path LIKE '%marks_log%'")
        #expect(try sha.step() && sha.text(0).count == 64)
    }

    @Test func loadsADateRangeAndOneGroup() throws {
        let t = TempDir()
        let store = try JournalStore(path: try imported(t))
        // September 2025 in the lessons log: 01 03 05 08 10 12 15 17 19 22 24 26 29 → 13 lessons.
        let sept = try store.load(from: date("01.09.2025"), to: date("30.09.2025"), group: "7б (7б)")
        #expect(sept.lessons.count == 13)
        #expect(sept.cells.allSatisfy { sept.lesson($0.lesson).date.month == 9 })
        // awk -F';' '$3 ~ /\.09\.2025/' marks_log_7b_algebra.csv | wc -l → 109
        #expect(sept.cells.count == 109)
        #expect(sept.calendar.periods.count == 5)
        #expect(sept.periodMarks.first { $0.periodName == "1 четв" }.map { sept.calendar.periods[Int($0.period!)].name } == "1 четверть")
        let error = #expect(throws: LoadError.self) { try store.load(group: "7в") }
        #expect(error?.diagnostic.message == "в журнале нет группы «7в»")
        #expect(error?.diagnostic.hint == "возможно, «7б»?")
    }
}
