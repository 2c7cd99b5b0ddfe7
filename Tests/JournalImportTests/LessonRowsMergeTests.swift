import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// A first import whose lesson rows do not each describe a lesson of their own: the merge must
/// still give every lesson what all its rows say (`Merge.lessonsAsStaged` skips it only when
/// each row added its lesson with its own attributes).
@Suite struct LessonRowsMergeTests {
    /// Two lessons tables of one journal, each with columns the other lacks (a schedule export
    /// with times and teachers, a topics export with topics and homework), both numbering the
    /// lessons. Expected values are read off the two texts below.
    static let schedule = """
        Группа;Предмет;Дата;Урок №;Начало;Окончание;Провёл
        10А;Физика;02.09.2025;3;10:30;11:15;Орлов Олег Олегович
        10А;Физика;04.09.2025;3;10:30;11:15;Белова Вера Павловна

        """
    static let topics = """
        Группа;Предмет;Дата;Урок №;Тема;Домашнее задание
        10А;Физика;02.09.2025;3;Кинематика;§1
        10А;Физика;09.09.2025;2;Динамика;

        """

    struct Seen: Equatable {
        var date: String, number: Int?, start: String?, end: String?, teacher: String?, topic: String?, homework: String?
    }

    static func seen(_ j: Journal) -> [Seen] {
        j.lessons.map { l in
            Seen(date: "\(l.date)", number: l.number, start: l.start.map { "\($0)" }, end: l.end.map { "\($0)" },
                 teacher: l.teacher.map { j.teachers[Int($0)].name }, topic: l.topic, homework: l.homework)
        }
    }

    /// 02.09 № 3 is in both files: its times and teacher from the schedule, its topic and
    /// homework from the topics; 04.09 only in the schedule, 09.09 only in the topics.
    static let expected = [
        Seen(date: "02.09.2025", number: 3, start: "10:30", end: "11:15", teacher: "Орлов Олег Олегович", topic: "Кинематика", homework: "§1"),
        Seen(date: "04.09.2025", number: 3, start: "10:30", end: "11:15", teacher: "Белова Вера Павловна", topic: nil, homework: nil),
        Seen(date: "09.09.2025", number: 2, start: nil, end: nil, teacher: nil, topic: "Динамика", homework: nil),
    ]

    @Test(arguments: [false, true])
    func twoTablesDescribingOneLessonGiveItBothTablesAttributes(scheduleFirst: Bool) throws {
        let t = TempDir()
        let a = try t.write("расписание.csv", Self.schedule)
        let b = try t.write("темы.csv", Self.topics)
        let files = scheduleFirst ? [a, b] : [b, a]
        // Into a database file, and into memory as a folder's check builds it.
        _ = try importFiles(files, db: t.path("j.sqlite"))
        let onDisk = try JournalStore(path: t.path("j.sqlite")).load()
        let session = ImportSession(importer: FileImporter(profiles: try Repo.profiles()))
        let memory = try JournalStore.inMemory()
        _ = try session.run(try sessionFiles(files), into: memory)
        #expect(Self.seen(onDisk) == Self.expected)
        #expect(Self.seen(try memory.load()) == Self.expected)
    }

    /// One table alone: each row adds its lesson with its own attributes (the merge has nothing
    /// to write), and the lessons are what the rows say.
    @Test func oneTableAloneKeepsEachRowsAttributes() throws {
        let t = TempDir()
        _ = try importFiles([try t.write("расписание.csv", Self.schedule)], db: t.path("j.sqlite"))
        let j = try JournalStore(path: t.path("j.sqlite")).load()
        #expect(Self.seen(j) == [
            Seen(date: "02.09.2025", number: 3, start: "10:30", end: "11:15", teacher: "Орлов Олег Олегович", topic: nil, homework: nil),
            Seen(date: "04.09.2025", number: 3, start: "10:30", end: "11:15", teacher: "Белова Вера Павловна", topic: nil, homework: nil),
        ])
    }
}
