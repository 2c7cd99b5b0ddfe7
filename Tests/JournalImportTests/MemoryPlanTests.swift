import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// A folder checked in memory keeps the plan (КТП) of its first import out of SQLite
/// (`MemoryPlan`): the journal, and the table once written, must be what a database file holds.
@Suite struct MemoryPlanTests {
    /// Expected values are read off this text: ordinal 1 is listed twice, and the later row
    /// replaces its topic, hours, kind (none) and planned date, as the table's upsert does;
    /// ordinal 2 is listed once. The plan comes in group, subject, ordinal order.
    static let plan = """
        Группа;Предмет;№;Тема;Часов;Вид занятия;Дата по плану
        ИС-11;Информатика;2;Циклы;2;практика;04.09.2025
        ИС-11;Информатика;1;Алгоритмы;2;лекция;02.09.2025
        ИС-11;Информатика;1;Алгоритмы и данные;4;;03.09.2025

        """

    static func seen(_ j: Journal) -> [String] {
        j.plan.map { "\($0.ordinal) \($0.topic) \($0.hours) \($0.lessonKind ?? "-") \($0.plannedDate.map { "\($0)" } ?? "-")" }
    }

    @Test func aPlanKeptInMemoryIsThePlanAFileStores() throws {
        let t = TempDir()
        let path = try t.write("ктп.csv", Self.plan)
        let store = try JournalStore.inMemory()
        let memory = try MemoryCellsTests.session().run(MemoryCellsTests.files([path]), into: store)
        let db = t.path("j.sqlite")
        let file = try MemoryCellsTests.session().run(MemoryCellsTests.files([path]), into: try JournalStore(path: db))
        #expect(store.kept.plan?.rows.count == 2)
        #expect(try store.db.scalar("SELECT COUNT(*) FROM plan_item") == 0)
        for s in [memory, file] { #expect(s.rejected == 0 && s.accepted == 3) }
        let expected = ["1 Алгоритмы и данные 4.0 - 03.09.2025", "2 Циклы 2.0 практика 04.09.2025"]
        #expect(Self.seen(try JournalStore(path: db).load()) == expected)
        #expect(Self.seen(try store.load()) == expected)
        // Written on demand: the same rows, ids included (ordinal 2 was added first; a planned day
        // is stored as days since 1970-01-01: 04.09.2025 is 20335, 03.09.2025 is 20334).
        #expect(try store.counts()["plan_item"] == 2)
        #expect(store.kept.plan == nil)
        #expect(try MemoryCellsTests.sameTables(store, db).filter { $0.hasPrefix("plan_item: ") }
                == ["plan_item: 1|1|1|2|'Циклы'|2.0|'практика'|20335", "plan_item: 2|1|1|1|'Алгоритмы и данные'|4.0|NULL|20334"])
    }
}
