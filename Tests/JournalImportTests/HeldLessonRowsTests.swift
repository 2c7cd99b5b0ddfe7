import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// A first import keeps its lesson rows out of the staging table only while the merge would read
/// nothing from them (`ImportBatch.lessonRowsUnread`). Two lessons tables that list different
/// lessons of one class and subject over overlapping dates are the shape where each row still
/// adds its own lesson, yet the merge must read the rows: a lesson one table lists on a date the
/// other covers but lacks is a disagreement between the files.
@Suite struct HeldLessonRowsTests {
    /// Expected values are read off these two texts. The first table covers 02.09–05.09, the
    /// second 04.09–09.09 (each from its first to its last date). 05.09 № 3 is only in the
    /// first and inside the second's dates: the second lacks it. 04.09 № 3 is only in the second
    /// and inside the first's dates: the first lacks it, and it has a topic, so the message
    /// names the topic. 02.09 lies before the second's first date, 09.09 after the first's last:
    /// neither is reported.
    static let first = """
        Группа;Предмет;Дата;Урок №;Провёл
        10А;Физика;02.09.2025;3;Орлов Олег Олегович
        10А;Физика;05.09.2025;3;Орлов Олег Олегович

        """
    static let second = """
        Группа;Предмет;Дата;Урок №;Тема
        10А;Физика;04.09.2025;3;Кинематика
        10А;Физика;09.09.2025;2;Динамика

        """
    static let expected = [
        "урок 05.09.2025 № 3 есть в файле расписание-1.csv, но нет в файлах: расписание-2.csv",
        "тема «Кинематика» (урок 04.09.2025 № 3, файл расписание-2.csv), а этого урока нет в файлах: расписание-1.csv",
    ]

    /// Into a database file (`zhurnal import`) and into memory (what `check ПАПКА` builds): the
    /// same two disagreements, with their files and lines, and all four lessons kept.
    @Test func twoTablesListingDifferentLessonsDisagreeWhereTheirDatesOverlap() throws {
        let t = TempDir()
        let a = try t.write("расписание-1.csv", Self.first)
        let b = try t.write("расписание-2.csv", Self.second)
        let onDisk = try importFiles([a, b], db: t.path("j.sqlite"))
        let memory = try JournalStore.inMemory()
        let inMemory = try ImportSession(importer: FileImporter(profiles: try Repo.profiles())).run(try sessionFiles([a, b]), into: memory)
        for summary in [onDisk, inMemory] {
            let found = summary.outcome?.disagreements ?? []
            #expect(found.map(\.message) == Self.expected)
            #expect(found.map { ($0.file as NSString).lastPathComponent } == ["расписание-1.csv", "расписание-2.csv"])
            #expect(found.map(\.line) == [3, 2])
            #expect(summary.rejected == 0)
        }
        for j in [try JournalStore(path: t.path("j.sqlite")).load(), try memory.load()] {
            #expect(j.lessons.map { "\($0.date) № \($0.number ?? 0) \($0.topic ?? "-")" }
                    == ["02.09.2025 № 3 -", "04.09.2025 № 3 Кинематика", "05.09.2025 № 3 -", "09.09.2025 № 2 Динамика"])
        }
    }

    /// One table alone, with a lesson listed twice: the repeat is rejected with the line it
    /// repeats (its rows cannot be left unread), in memory as on disk.
    @Test func aRepeatedLessonRowIsRejectedInMemoryToo() throws {
        let t = TempDir()
        let a = try t.write("расписание-1.csv", Self.first + "10А;Физика;02.09.2025;3;Орлов Олег Олегович\n")
        let memory = try JournalStore.inMemory()
        for summary in [try importFiles([a], db: t.path("j.sqlite")),
                        try ImportSession(importer: FileImporter(profiles: try Repo.profiles())).run(try sessionFiles([a]), into: memory)] {
            #expect(summary.files.flatMap { $0.rejections.map { "\($0.location.line): \($0.reason)" } }
                    == ["4: урок уже описан в строке 2 (та же дата и номер урока): строка не принята"])
        }
    }
}
