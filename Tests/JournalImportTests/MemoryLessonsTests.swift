import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// A folder checked in memory keeps the lessons of its first import out of SQLite
/// (`MemoryLessons`) when its marks file goes the direct path: whatever reads the journal
/// afterwards — the loader, the table counts, a file abandoned half-way by the direct path, the
/// change history's keys — must see exactly what a database file that stored them gives.
@Suite struct MemoryLessonsTests {
    static let marks = MemoryCellsTests.marks
    static let lessonsLog = Repo.sample("lessons_log_7b_algebra.csv")
    static let paths = [marks] + MemoryCellsTests.calendarFiles

    /// The distinct (date, number) pairs of the lessons log, read off the file (comma-separated:
    /// date, then number).
    static func loggedLessons() throws -> Set<String> {
        Set(try MemoryCellsTests.dataRows(lessonsLog).map { $0.components(separatedBy: ",").prefix(2).joined(separator: " ") })
    }

    @Test func theLessonsOfAStoreInMemoryStayOutOfSQLiteAndAreTheOnesAFileStores() throws {
        let t = TempDir()
        let store = try JournalStore.inMemory()
        #expect(try MemoryCellsTests.session().run(MemoryCellsTests.files(Self.paths), into: store).cellsWrittenDirectly)
        // 47 rows in the lessons log, each its own lesson (every mark is on one of them).
        let logged = try Self.loggedLessons()
        let rows = try MemoryCellsTests.dataRows(Self.lessonsLog)
        #expect(logged.count == 47 && rows.count == 47)
        #expect(store.kept.lessons?.count == logged.count)
        #expect(try store.db.scalar("SELECT COUNT(*) FROM lesson") == 0)
        let db = t.path("j.sqlite")
        _ = try MemoryCellsTests.session().run(MemoryCellsTests.files(Self.paths), into: try JournalStore(path: db))
        let stored = try JournalStore(path: db).load()
        #expect(stored.differences(from: try store.load()) == [])
        #expect(Set(stored.lessons.map { "\($0.date) \($0.number ?? 0)" }) == logged)
        // Asked to count, the store writes them into its table: then every row of every table is
        // the file's (ids, declared, first batch, attributes), but the files' digests.
        #expect(try store.counts()["lesson"] == logged.count)
        #expect(store.kept.lessons == nil)
        #expect(try MemoryCellsTests.sameTables(store, db).filter { $0.hasPrefix("lesson: ") }.count == logged.count)
    }

    /// Marks of a subject no lesson source lists make their lessons (two here: Геометрия on
    /// 02.09.2025 № 3 and 04.09.2025 № 1); a later mark without a lesson number makes the direct
    /// path give the file up, undo it and read it again staged. The lessons the file made while
    /// direct are undone with it and made again, the others stay: the journal, the rejections and
    /// the lessons the file is named as the source of are what a database file gets.
    @Test func aDirectFileGivenUpAfterMakingLessonsLeavesTheJournalAFileStores() throws {
        let t = TempDir()
        let text = try String(contentsOfFile: Self.marks, encoding: .utf8)
        let extra = """
            7б;Геометрия;02.09.2025;3;Васильев Никита;5;устный ответ;02.09.2025 12:00;Смирнова Ольга Петровна
            7б;Геометрия;02.09.2025;3;Дмитриев Михаил;4;устный ответ;02.09.2025 12:01;Смирнова Ольга Петровна
            7б;Геометрия;04.09.2025;1;Васильев Никита;3;устный ответ;04.09.2025 09:00;Смирнова Ольга Петровна
            7б;Алгебра;01.09.2025;;Дмитриев Михаил;5;устный ответ;01.09.2025 13:40;Смирнова Ольга Петровна

            """
        let marks = try t.write("отметки.csv", text + (text.hasSuffix("\n") ? "" : "\n") + extra)
        let paths = [marks] + MemoryCellsTests.calendarFiles
        let store = try JournalStore.inMemory()
        let inMemory = try MemoryCellsTests.session().run(MemoryCellsTests.files(paths), into: store)
        let db = t.path("j.sqlite")
        let onDisk = try MemoryCellsTests.session().run(MemoryCellsTests.files(paths), into: try JournalStore(path: db))
        for s in [inMemory, onDisk] {
            #expect(!s.cellsWrittenDirectly)
            #expect(s.outcome?.sources.first { $0.file.hasSuffix("отметки.csv") }?.lessons == 2)
        }
        #expect(store.kept.lessons == nil)
        #expect(inMemory.files.map { [$0.read, $0.accepted, $0.rejected] } == onDisk.files.map { [$0.read, $0.accepted, $0.rejected] })
        #expect(inMemory.files.flatMap { $0.rejections.map { "\($0.location.line): \($0.reason)" } }
                == onDisk.files.flatMap { $0.rejections.map { "\($0.location.line): \($0.reason)" } })
        let (memory, stored) = (try store.load(), try JournalStore(path: db).load())
        #expect(stored.differences(from: memory) == [])
        let geometry = try #require(stored.subjects.firstIndex { $0.name == "Геометрия" })
        #expect(memory.lessons.filter { $0.subject == SubjectID(geometry) }.map { "\($0.date) \($0.number ?? 0)" }
                == ["02.09.2025 3", "04.09.2025 1"])
    }

    /// Two subgroups' lessons at one number of a day, listed subgroup 2 first: a mark of
    /// subgroup 3 is rejected naming them in number and subgroup order, the other lands on
    /// subgroup 2's lesson — with the lessons kept in memory as with the table (the expected
    /// text is worded from the two files, as in `SubgroupTests`).
    @Test func aDaysLessonsAreToldApartBySubgroupInMemory() throws {
        let t = TempDir()
        let lessons = try t.write("lessons.csv", """
            Группа;Подгруппа;Предмет;Дата;Урок №;Тема
            ИС-11;2;Информатика;04.09.2025;3;Алгоритмы (подгруппа 2)
            ИС-11;1;Информатика;04.09.2025;3;Алгоритмы (подгруппа 1)

            """)
        let marks = try t.write("marks.csv", """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Подгруппа
            ИС-11;Информатика;04.09.2025;3;Антонов Пётр;5;3
            ИС-11;Информатика;04.09.2025;3;Григорьева Ольга;4;2

            """)
        let store = try JournalStore.inMemory()
        let summary = try MemoryCellsTests.session().run(
            MemoryCellsTests.files([lessons, try t.write("students.csv", SubgroupTests.students), marks]), into: store)
        #expect(summary.cellsWrittenDirectly && store.kept.lessons?.count == 2)
        #expect(summary.files.flatMap { $0.rejections.map { "\($0.location.line): \($0.reason)" } } == [
            "2: в группе «ИС-11» по предмету «Информатика» 04.09.2025, урок № 3 нет занятия подгруппы «3» "
                + "(есть: подгруппа «1», подгруппа «2»)"])
        let j = try store.load()
        #expect(j.cells.map { "\(j.lessons[Int($0.lesson)].subgroup ?? "-")|\(j.students[Int($0.student)].name)|\($0.value.raw)" }
                == ["2|Григорьева Ольга|4"])
    }

    /// The change history of a journal in memory names lessons the table does not hold: the key
    /// check at the end of its import accepts exactly those kept in memory, and still stops at a
    /// change naming a lesson that is nowhere.
    @Test func theKeyCheckAcceptsOnlyLessonsKeptInMemory() throws {
        let store = try JournalStore.inMemory()
        let db = store.db
        try db.execute("""
            PRAGMA foreign_keys = OFF;
            INSERT INTO batch(id, imported_at) VALUES (1, '2026-12-07T10:00:00');
            INSERT INTO grp(id, name) VALUES (1, '7б');
            INSERT INTO subject(id, name) VALUES (1, 'Алгебра');
            INSERT INTO change(id, target, lesson_id, group_id, subject_id, batch_id) VALUES (1, 'тема', 1, 1, 1, 1);
            INSERT INTO change(id, target, lesson_id, group_id, subject_id, batch_id) VALUES (2, 'тема', 3, 1, 1, 1);
            """)
        let kept = MemoryLessons(batch: 1)
        for day in [100, 101] as [Int32] {
            _ = kept.add(.init(group: 1, subject: 1, day: day, number: 1, subgroup: "", declared: true, attributes: nil))
        }
        // Lessons 1 and 2 are kept; change 2 names lesson 3.
        #expect { try KeysAtEnd.check(db, memoryLessons: kept) } throws: { "\($0)".contains("change, rowid 2 → lesson") }
        #expect { try KeysAtEnd.check(db) } throws: { "\($0)".contains("change, rowid 1 → lesson") }
        try db.execute("DELETE FROM change WHERE id = 2")
        try KeysAtEnd.check(db, memoryLessons: kept)
        #expect(throws: StoreError.self) { try KeysAtEnd.check(db) }
    }
}
