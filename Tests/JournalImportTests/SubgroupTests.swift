import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// A college group split into subgroups: two lessons share group, subject, date and number; a
/// marks table names only these, so each cell must land on the lesson of the student's (or the
/// row's) subgroup — never on a phantom whole-group twin.
@Suite struct SubgroupTests {
    static let students = """
        Группа;Обучающийся;Код;Подгруппа
        ИС-11;Антонов Пётр;1;1
        ИС-11;Борисова Анна;2;1
        ИС-11;Васильев Иван;3;2
        ИС-11;Григорьева Ольга;4;

        """
    static let lessons = """
        Группа;Подгруппа;Предмет;Дата;Урок №;Тема
        ИС-11;1;Информатика;04.09.2025;3;Алгоритмы (подгруппа 1)
        ИС-11;2;Информатика;04.09.2025;3;Алгоритмы (подгруппа 2)
        ИС-11;;Русский язык;04.09.2025;1;Фонетика

        """
    static let marks = """
        Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение
        ИС-11;Информатика;04.09.2025;3;Антонов Пётр;5
        ИС-11;Информатика;04.09.2025;3;Борисова Анна;н
        ИС-11;Информатика;04.09.2025;3;Васильев Иван;4
        ИС-11;Русский язык;04.09.2025;1;Антонов Пётр;3
        ИС-11;Русский язык;04.09.2025;1;Григорьева Ольга;5

        """
    static let changes = """
        Группа;Предмет;Дата урока;Урок №;Обучающийся;Что;Было;Стало
        ИС-11;Информатика;04.09.2025;3;Васильев Иван;отметка;3;4

        """

    func rows(_ db: String, _ sql: String) throws -> [String] {
        let s = try JournalStore(path: db).db.prepare(sql)
        var out: [String] = []
        while try s.step() { out.append(s.text(0)) }
        return out
    }

    /// "subject|lesson subgroup|student|value" for every cell.
    func cells(_ db: String) throws -> [String] {
        try rows(db, """
            SELECT j.name || '|' || l.subgroup || '|' || s.name || '|' || c.value FROM cell c
            JOIN lesson l ON l.id = c.lesson_id JOIN student s ON s.id = c.student_id JOIN subject j ON j.id = l.subject_id
            ORDER BY 1
            """)
    }

    func run(_ paths: [String], db: String, direct: Bool) throws -> ImportSession.Summary {
        var session = ImportSession(importer: FileImporter(profiles: try Repo.profiles()))
        session.directCells = direct
        return try session.run(paths.map { .init(path: $0, displayName: URL(fileURLWithPath: $0).lastPathComponent) },
                               into: try JournalStore(path: db))
    }

    @Test(arguments: [false, true])
    func cellsLandOnTheirSubgroupsLessonWhateverTheFileOrder(direct: Bool) throws {
        let t = TempDir()
        // The marks and the change history named before the lessons and the students.
        let files = [try t.write("marks.csv", Self.marks), try t.write("changes.csv", Self.changes),
                     try t.write("lessons.csv", Self.lessons), try t.write("students.csv", Self.students)]
        let db = t.path("j.sqlite")
        let summary = try run(files, db: db, direct: direct)
        #expect(summary.rejected == 0)
        #expect(summary.cellsWrittenDirectly == direct)
        #expect(try cells(db) == [
            "Информатика|1|Антонов Пётр|5", "Информатика|1|Борисова Анна|н", "Информатика|2|Васильев Иван|4",
            "Русский язык||Антонов Пётр|3", "Русский язык||Григорьева Ольга|5",
        ])
        // As many lessons as the lessons table has rows: no topic-less twin.
        #expect(try rows(db, "SELECT count(*) FROM lesson") == ["3"])
        #expect(try rows(db, "SELECT count(*) FROM lesson WHERE topic IS NULL") == ["0"])
        #expect(try rows(db, "SELECT l.subgroup FROM change c JOIN lesson l ON l.id = c.lesson_id") == ["2"])
    }

    @Test(arguments: [false, true])
    func aStudentWithoutSubgroupAtTwoSubgroupLessonsIsRejected(direct: Bool) throws {
        let t = TempDir()
        let marks = Self.marks + "ИС-11;Информатика;04.09.2025;3;Григорьева Ольга;4\n"
        let files = [try t.write("lessons.csv", Self.lessons), try t.write("students.csv", Self.students),
                     try t.write("marks.csv", marks)]
        let db = t.path("j.sqlite")
        let summary = try run(files, db: db, direct: direct)
        let report = try #require(summary.files.last)
        #expect(report.read == 6 && report.accepted == 5 && report.rejected == 1)
        let r = try #require(report.rejections.first)
        // Found by the store, after the file was read: pointed at the student («ИС-11;Информатика;04.09.2025;3;» is 31 characters).
        #expect(r.location.file == "marks.csv" && r.location.line == 7 && r.location.column == 32)
        #expect(r.sourceLine == "ИС-11;Информатика;04.09.2025;3;Григорьева Ольга;4")
        #expect(r.reason == "в группе «ИС-11» по предмету «Информатика» 04.09.2025, урок № 3 несколько занятий "
                + "(подгруппа «1», подгруппа «2»), а подгруппа обучающегося не указана; "
                + "заполните «Подгруппа» в обучающиеся.csv или в этой строке")
        #expect(try cells(db).count == 5)
        #expect(try rows(db, "SELECT count(*) FROM lesson") == ["3"])
    }

    @Test(arguments: [false, true])
    func aRejectedRowAddsNoStudent(direct: Bool) throws {
        // «Дмитриев Олег» is in no students table: his only row is rejected (two subgroup
        // lessons, no subgroup known), so he must not appear in the journal as a student without
        // marks — a «too few marks» rule would otherwise report him.
        let t = TempDir()
        let marks = Self.marks + "ИС-11;Информатика;04.09.2025;3;Дмитриев Олег;4\n"
        let files = [try t.write("lessons.csv", Self.lessons), try t.write("students.csv", Self.students),
                     try t.write("marks.csv", marks)]
        let db = t.path("j.sqlite")
        let summary = try run(files, db: db, direct: direct)
        #expect(summary.files.last?.rejected == 1)
        #expect(try rows(db, "SELECT count(*) FROM student WHERE name = 'Дмитриев Олег'") == ["0"])
        #expect(try rows(db, "SELECT count(*) FROM student") == ["4"])
    }

    /// The lessons file lists subgroup 2 before subgroup 1: a row of a subgroup the day does not
    /// have is rejected naming the day's lessons by subgroup (as SQL orders them), whether the
    /// day's lessons are found in the name tables (a first import, `NameTables.lessonsOn`) or
    /// by a query (everything staged).
    @Test(arguments: [false, true])
    func theDaysLessonsAreNamedBySubgroupWhateverTheFileOrder(direct: Bool) throws {
        let t = TempDir()
        let lessons = """
            Группа;Подгруппа;Предмет;Дата;Урок №;Тема
            ИС-11;2;Информатика;04.09.2025;3;Алгоритмы (подгруппа 2)
            ИС-11;1;Информатика;04.09.2025;3;Алгоритмы (подгруппа 1)

            """
        let marks = """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Подгруппа
            ИС-11;Информатика;04.09.2025;3;Антонов Пётр;5;3
            ИС-11;Информатика;04.09.2025;3;Григорьева Ольга;4;2

            """
        let files = [try t.write("lessons.csv", lessons), try t.write("students.csv", Self.students), try t.write("marks.csv", marks)]
        let db = t.path("j.sqlite")
        let summary = try run(files, db: db, direct: direct)
        let marksReport = try #require(summary.files.first { $0.path == "marks.csv" })
        #expect(marksReport.rejections.map(\.location.line) == [2])
        #expect(marksReport.rejections.first?.reason
                == "в группе «ИС-11» по предмету «Информатика» 04.09.2025, урок № 3 нет занятия подгруппы «3» "
                + "(есть: подгруппа «1», подгруппа «2»)")
        #expect(try cells(db) == ["Информатика|2|Григорьева Ольга|4"])
    }

    @Test func theRowsOwnSubgroupDecides() throws {
        let t = TempDir()
        let marks = """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Подгруппа
            ИС-11;Информатика;04.09.2025;3;Григорьева Ольга;4;2
            ИС-11;Информатика;04.09.2025;3;Антонов Пётр;5;3

            """
        let changes = """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Что;Было;Стало;subgroup
            ИС-11;Информатика;04.09.2025;3;Григорьева Ольга;отметка;5;4;2
            ИС-11;Информатика;04.09.2025;3;Григорьева Ольга;отметка;5;4;

            """
        let files = [try t.write("lessons.csv", Self.lessons), try t.write("students.csv", Self.students),
                     try t.write("marks.csv", marks), try t.write("changes.csv", changes)]
        let db = t.path("j.sqlite")
        let summary = try run(files, db: db, direct: false)
        #expect(try cells(db) == ["Информатика|2|Григорьева Ольга|4"])
        #expect(try rows(db, "SELECT l.subgroup FROM change c JOIN lesson l ON l.id = c.lesson_id") == ["2"])
        let marksReport = try #require(summary.files.first { $0.path == "marks.csv" })
        #expect(marksReport.rejections.map(\.location.line) == [3])
        #expect(marksReport.rejections.first?.reason
                == "в группе «ИС-11» по предмету «Информатика» 04.09.2025, урок № 3 нет занятия подгруппы «3» "
                + "(есть: подгруппа «1», подгруппа «2»)")
        let changesReport = try #require(summary.files.first { $0.path == "changes.csv" })
        #expect(changesReport.rejections.map(\.location.line) == [3])
        #expect(try rows(db, "SELECT count(*) FROM lesson") == ["3"])
    }

    @Test func withoutALessonsTableCellsStillMakeTheirLessons() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let summary = try run([try t.write("students.csv", Self.students), try t.write("marks.csv", Self.marks)],
                              db: db, direct: true)
        #expect(summary.rejected == 0)
        // One lesson per group/subject/date/number, for the whole group (the marks-log case).
        #expect(try rows(db, "SELECT subgroup || '|' || number FROM lesson ORDER BY number") == ["|1", "|3"])
        #expect(try cells(db).count == 5)
    }
}
