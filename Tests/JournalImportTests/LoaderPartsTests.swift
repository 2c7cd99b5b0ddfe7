import Foundation
import JournalGenerator
import JournalModel
import Testing
@testable import JournalStore

/// Issue 17: the pieces the faster loader is made of — texts interned by their bytes, arrays
/// rearranged in place — and the merge's shortcuts (self-joins for repeated rows run only when
/// some rows repeat) keep what they replaced.
@Suite struct LoaderPartsTests {
    @Test func aPermutationPutsEachElementAtItsPlace() {
        var items = ["а", "б", "в", "г", "д"]
        var place: [Int32] = [2, 0, 4, 1, 3]   // «а» to 2, «б» to 0, «в» to 4, «г» to 1, «д» to 3
        Permutation.apply(&place, to: &items)
        #expect(items == ["б", "г", "а", "д", "в"])
        // Cycles of one (in place already) and of two.
        var pairs = ["x", "y", "z", "w"]
        var swap: [Int32] = [1, 0, 2, 3]
        Permutation.apply(&swap, to: &pairs)
        #expect(pairs == ["y", "x", "z", "w"])
        var none: [String] = []
        var empty: [Int32] = []
        Permutation.apply(&empty, to: &none)
        #expect(none.isEmpty)
    }

    /// Texts of several lengths (past 8 bytes, multi-byte UTF-8, empty), many more than the
    /// table's first size: each comes back as made from its own text, made once.
    @Test func anInternedTextIsMadeOnceAndComesBackForItsOwnBytes() {
        var made: [String] = []
        var interner = TextInterner { (t: String) -> String in made.append(t); return "<" + t + ">" }
        let texts = [""] + (0..<300).map { "Тема \($0): практикум по карте" } + ["5", "н", "н/а", "4-", "12345678", "123456789"]
        for round in 0..<2 {
            for t in texts {
                var bytes = Array(t.utf8)
                let v = bytes.withUnsafeMutableBufferPointer { interner.value(bytes: UnsafeBufferPointer($0)) }
                #expect(v == "<" + t + ">", "round \(round)")
            }
        }
        #expect(made == texts)
    }

    /// Past its limit the interner stops keeping texts but still answers each one right.
    @Test func pastItsLimitTheInternerStillAnswersRight() {
        var calls = 0
        var interner = TextInterner(limit: 2) { (t: String) -> Int in calls += 1; return t.count }
        for t in ["а", "бб", "ввв", "ввв", "а"] {
            var bytes = Array(t.utf8)
            let v = bytes.withUnsafeMutableBufferPointer { interner.value(bytes: UnsafeBufferPointer($0)) }
            #expect(v == t.count)
        }
        #expect(calls == 4)   // «а», «бб» kept; «ввв» made twice; «а» found
    }

    /// A lessons table that lists a lesson twice and a period marks table that repeats a mark:
    /// the later rows are rejected with the earlier line named, the first rows' values kept.
    @Test func repeatedLessonAndPeriodMarkRowsAreRejectedAndTheFirstKept() throws {
        let t = TempDir()
        let periods = try t.write("периоды.csv", """
            Период;Вид;Начало;Окончание
            1 семестр;семестр;01.09.2025;27.12.2025

            """)
        let students = try t.write("обучающиеся.csv", """
            Группа;Обучающийся;Код;Подгруппа;Зачислен;Выбыл
            ИС-11;Абрамова Екатерина;1021;;01.09.2025;

            """)
        let lessons = try t.write("занятия.csv", """
            Группа;Подгруппа;Предмет;Дата;Урок №;Тема
            ИС-11;;Русский язык;04.09.2025;1;Фонетика
            ИС-11;;Русский язык;05.09.2025;2;Орфография
            ИС-11;;Русский язык;04.09.2025;1;Другая тема

            """)
        let marks = try t.write("итоговые.csv", """
            Группа;Предмет;Обучающийся;Период;Значение
            ИС-11;Русский язык;Абрамова Екатерина;1 семестр;4
            ИС-11;Русский язык;Абрамова Екатерина;1 семестр;5

            """)
        let db = t.path("j.sqlite")
        let s = try importFiles([periods, students, lessons, marks], db: db)
        let rejected = s.files.flatMap { f in f.rejections.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line): \($0.reason)" } }
        #expect(rejected.sorted() == [
            "занятия.csv:4: урок уже описан в строке 2 (та же дата и номер урока): строка не принята",
            "итоговые.csv:3: отметка за период уже указана в строке 2: строка не принята",
        ])
        let j = try JournalStore(path: db).load()
        #expect(j.lessons.map { "\($0.date) \($0.topic ?? "-")" } == ["04.09.2025 Фонетика", "05.09.2025 Орфография"])
        #expect(j.periodMarks.map(\.value.raw) == ["4"])
    }

    /// The cells read on a second connection while the lessons load give the journal read on
    /// one connection — whole, and for one group and a date range; while an import holds the
    /// database (its write lock) the load reads on one connection, without waiting for it.
    @Test func cellsReadOnASecondConnectionGiveTheSameJournal() throws {
        let t = TempDir()
        let folder = t.path("school")
        _ = try SyntheticJournal.generate(GeneratorOptions(size: .small, seed: 3, outputFolder: folder, injectRate: 0.05, classes: 2))
        let tables = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") && $0 != "ground_truth.csv" }
            .sorted().map { folder + "/" + $0 }
        let db = t.path("j.sqlite")
        _ = try importFiles(tables, db: db)
        let store = try JournalStore(path: db)
        #expect(try JournalLoader.beginRead(store.db, parallel: true) == .locked)
        try store.db.execute("COMMIT")
        let one = try store.load(from: nil, to: nil, group: nil, parallel: false)
        let two = try store.load(from: nil, to: nil, group: nil, parallel: true)
        #expect(one.cells.count > 10_000 && one.periodMarks.count > 100)
        #expect(one.differences(from: two) == [])
        let group = try #require(one.groups.last?.name)
        let from = try #require(one.lessonDates).lowerBound.adding(days: 30)
        let part = try store.load(from: from, to: nil, group: group, parallel: true)
        #expect(!part.cells.isEmpty && part.cells.count < one.cells.count)
        #expect(part.differences(from: try store.load(from: from, to: nil, group: group, parallel: false)) == [])

        // Another program's import in progress: its write lock cannot be had at once.
        let other = try JournalStore(path: db)
        let batch = try other.beginImport()
        #expect(try JournalLoader.beginRead(store.db, parallel: true) == .own)
        try store.db.execute("COMMIT")
        let started = Date()
        #expect(one.differences(from: try store.load()) == [])
        #expect(Date().timeIntervalSince(started) < Double(Database.defaultBusySeconds))
        batch.rollback()
        // A database in memory has no second connection.
        #expect(try JournalLoader.beginRead(try JournalStore.inMemory().db, parallel: true) == .own)
    }
}
