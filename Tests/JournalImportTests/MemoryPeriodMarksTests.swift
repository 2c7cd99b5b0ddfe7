import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// A folder checked in memory keeps the period marks of its first import out of SQLite
/// (`MemoryPeriodMarks`): their repeats, the upsert of one student's mark given by two files,
/// the periods not in the calendar, the journal and — once written — the table must be what a
/// database file gives.
@Suite struct MemoryPeriodMarksTests {
    /// «Зимний экзамен» twice: with «й» as one character (bytes D0 B9) and as «и» and a combining
    /// breve (D0 B8 CC 86). SQLite compares bytes, so they are two periods there; a Swift `String`
    /// would take them for one.
    static let composed = "Зимний экзамен"
    static let decomposed = "Зимни\u{0438}\u{0306} экзамен"

    /// Line 4 repeats line 2's student, subject and period: rejected, naming line 2. Lines 5 and
    /// 6 differ in bytes only: both kept.
    static var first: String {
        """
        Группа;Предмет;Обучающийся;Период;Значение;Внесено;Внёс
        7б;История;Ершова Алла;1 четверть;5;2025-10-20T10:00:00Z;Орлов Олег Олегович
        7б;История;Жуков Иван;1 четверть;4;2025-10-20T10:05:00Z;Орлов Олег Олегович
        7б;История;Ершова Алла;1 четверть;3;2025-10-21T09:00:00Z;Орлов Олег Олегович
        7б;История;Жуков Иван;\(composed);5;;
        7б;История;Жуков Иван;\(decomposed);4;;

        """
    }
    /// Line 2 gives Ершова's first quarter again, without a moment or author: the value becomes
    /// 4, the moment and author stay line 2's of the first file (the table's upsert).
    static let second = """
        Группа;Предмет;Обучающийся;Период;Значение;Внесено;Внёс
        7б;История;Ершова Алла;1 четверть;4;;
        7б;История;Жуков Иван;2 четверть;5;2025-12-20T11:00:00Z;Орлов Олег Олегович

        """
    static let calendar = """
        Период;Вид;Начало;Окончание
        1 четверть;четверть;01.09.2025;24.10.2025
        2 четверть;четверть;05.11.2025;26.12.2025

        """

    /// Each period mark as student, period name (its UTF-8 bytes in hex), value and moment;
    /// the journal's order.
    static func seen(_ j: Journal) -> [String] {
        j.periodMarks.map { p in
            "\(j.student(p.student).name) \(p.periodName.utf8.map { String(format: "%02X", $0) }.joined()) \(p.value.raw) "
                + (p.enteredAt.map { "\($0)" } ?? "-")
        }
    }

    static func hex(_ s: String) -> String { s.utf8.map { String(format: "%02X", $0) }.joined() }

    @Test func periodMarksKeptInMemoryAreThoseAFileStores() throws {
        let t = TempDir()
        let paths = [try t.write("периоды.csv", Self.calendar), try t.write("итоговые-1.csv", Self.first),
                     try t.write("итоговые-2.csv", Self.second)]
        let store = try JournalStore.inMemory()
        let memory = try MemoryCellsTests.session().run(MemoryCellsTests.files(paths), into: store)
        let db = t.path("j.sqlite")
        let file = try MemoryCellsTests.session().run(MemoryCellsTests.files(paths), into: try JournalStore(path: db))
        // Five marks remain: Ершова's first quarter (once, two files), Жуков's first and second
        // quarters and his two «exams».
        #expect(store.kept.periodMarks?.rows.count == 5)
        #expect(try store.db.scalar("SELECT COUNT(*) FROM period_mark") == 0)
        for s in [memory, file] {
            #expect(s.files.map(\.accepted) == [2, 4, 2])
            #expect(s.files.flatMap { f in f.rejections.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line): \($0.reason)" } }
                    == ["итоговые-1.csv:4: отметка за период уже указана в строке 2: строка не принята"])
            // The two names not in the calendar, in byte order (D0 B8 before D0 B9), one mark each.
            #expect(s.outcome?.unlinkedPeriods.map { "\(Self.hex($0.name)) \($0.count) \(($0.file as NSString).lastPathComponent):\($0.line)" }
                    == ["\(Self.hex(Self.decomposed)) 1 итоговые-1.csv:6", "\(Self.hex(Self.composed)) 1 итоговые-1.csv:5"])
        }
        // The moments in the institution's time: no учреждение.csv, so Moscow (+3).
        let expected = ["Ершова Алла \(Self.hex("1 четверть")) 4 20.10.2025 13:00",
                        "Жуков Иван \(Self.hex("1 четверть")) 4 20.10.2025 13:05",
                        "Жуков Иван \(Self.hex("2 четверть")) 5 20.12.2025 14:00",
                        "Жуков Иван \(Self.hex(Self.decomposed)) 4 -",
                        "Жуков Иван \(Self.hex(Self.composed)) 5 -"]
        #expect(Self.seen(try JournalStore(path: db).load()) == expected)
        #expect(Self.seen(try store.load()) == expected)
        // Written on demand: every table's rows equal the file's (rowids, first batch, moments).
        #expect(try store.counts()["period_mark"] == 5)
        #expect(store.kept.periodMarks == nil)
        #expect(try MemoryCellsTests.sameTables(store, db).filter { $0.hasPrefix("period_mark: ") }.count == 5)
    }

    /// Period-mark rows name their group and student as cells do: a student the students table
    /// does not list, and a group the journal lacks, are rejected naming them; «7б (7б)» with
    /// spaces around is the group «7б». Messages and the marks kept are written by hand.
    @Test func rowsNamingAGroupOrAStudentTheJournalLacksAreRejectedByName() throws {
        let t = TempDir()
        let students = try t.write("обучающиеся.csv", """
            Группа;Обучающийся;Код;Подгруппа;Зачислен;Выбыл
            7б;Ершова Алла;1;;01.09.2025;

            """)
        let marks = try t.write("итоговые.csv", """
            Группа;Предмет;Обучающийся;Период;Значение;Внесено;Внёс
            7б;История;Никто Новый;1 четверть;5;;
            9в;История;Ершова Алла;1 четверть;4;;
             7б (7б) ;История;Ершова Алла;1 четверть;3;2025-10-20T10:00:00Z;Орлов Олег Олегович

            """)
        let paths = [try t.write("периоды.csv", Self.calendar), students, marks]
        for store in [try JournalStore.inMemory(), try JournalStore(path: t.path("j.sqlite"))] {
            let s = try MemoryCellsTests.session().run(MemoryCellsTests.files(paths), into: store)
            #expect(s.files.last?.rejections.map { "\($0.location.line): \($0.reason)" } == [
                "2: обучающегося нет в списке группы «7б» (обучающиеся.csv): строка не принята",
                "3: группы «9в» нет в журнале (её нет в списке групп — группы.csv, обучающиеся.csv)",
            ])
            let j = try store.load()
            #expect(j.periodMarks.map { "\(j.student($0.student).name) \($0.periodName) \($0.value.raw) \($0.enteredAt.map { "\($0)" } ?? "-")" }
                    == ["Ершова Алла 1 четверть 3 20.10.2025 13:00"])
        }
    }
}
