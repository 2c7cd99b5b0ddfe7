import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// Double lessons: a group has two lessons of a subject on one day. The fixture
/// (`Tests/AccuracyTests/Fixtures/double-lessons/`, read by hand):
/// - `занятия.csv`: 6 numbered lessons of 7б Алгебра — 01.09 № 2, 03.09 № 3 and № 4,
///   05.09 № 2, 08.09 № 5 and № 6 — each with a topic;
/// - `отметки.csv`: 9 cells — 01.09 № 2 Абрамов 5, Белова н; 03.09 № 3 Абрамов 4, Волков 3;
///   03.09 № 4 Абрамов 5, Белова 4; 05.09 № 2 Волков н; 08.09 № 5 Белова 5; 08.09 № 6 Волков 2;
/// - `сетка-7б-алгебра.csv`: the same 9 cells in a grid whose day row is 1, 3, 3, 5, 8, 8 (the
///   repeated columns are the double lessons, in lesson order).
@Suite struct DoubleLessonTests {
    static let fixtures = Repo.root.appendingPathComponent("Tests/AccuracyTests/Fixtures/double-lessons")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    static let header = ["учреждение.csv", "периоды.csv", "звонки.csv", "календарь.csv"].map(fixture)

    /// "date|number|topic" of every lesson and "date|number|student|value" of every cell.
    func contents(_ db: String) throws -> (lessons: [String], cells: [String]) {
        let j = try JournalStore(path: db).load()
        let lessons = j.lessons.map { "\($0.date)|\($0.number.map(String.init) ?? "-")|\($0.topic ?? "")" }.sorted()
        let cells = j.cells.map { c in
            let l = j.lesson(c.lesson)
            return "\(l.date)|\(l.number.map(String.init) ?? "-")|\(j.student(c.student).name)|\(c.value.raw)"
        }.sorted()
        return (lessons, cells)
    }

    @Test func repeatedGridColumnsJoinTheDaysNumberedLessonsInOrder() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let s = try importFiles(Self.header + ["сетка-7б-алгебра.csv", "занятия.csv", "отметки.csv"].map(Self.fixture), db: db)
        #expect(s.rejected == 0)
        #expect(s.outcome?.disagreements.map(\.message) == [])
        let (lessons, cells) = try contents(db)
        #expect(lessons.count == 6 && lessons.allSatisfy { !$0.hasSuffix("|") && !$0.contains("|-|") })
        #expect(cells == [
            "01.09.2025|2|Абрамов Артём|5", "01.09.2025|2|Белова Вера|н",
            "03.09.2025|3|Абрамов Артём|4", "03.09.2025|3|Волков Глеб|3",
            "03.09.2025|4|Абрамов Артём|5", "03.09.2025|4|Белова Вера|4",
            "05.09.2025|2|Волков Глеб|н", "08.09.2025|5|Белова Вера|5", "08.09.2025|6|Волков Глеб|2",
        ])
        // How it paired, for the import report: 01.09 and 05.09 one lesson each; 03.09 and 08.09 double.
        let p = try #require(s.outcome?.pairing)
        #expect(p.singleDays == 2 && p.doubleDays == 2 && p.ambiguousDays == 0)
        #expect(p.examples.map { "\($0.date): \($0.numbers)" } == ["03.09.2025: [3, 4]", "08.09.2025: [5, 6]"])
        #expect(p.examples.allSatisfy { $0.group == "7б" && $0.subject == "Алгебра" && $0.file.hasSuffix("сетка-7б-алгебра.csv") })
    }

    @Test func theGridImportedFirstJoinsTheLogsImportedLater() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        _ = try importFiles(Self.header + [Self.fixture("сетка-7б-алгебра.csv")], db: db)
        let later = try importFiles(["занятия.csv", "отметки.csv"].map(Self.fixture), db: db)
        #expect(later.rejected == 0 && later.outcome?.disagreements.isEmpty == true)
        let all = TempDir()
        _ = try importFiles(Self.header + ["сетка-7б-алгебра.csv", "занятия.csv", "отметки.csv"].map(Self.fixture), db: all.path("j.sqlite"))
        let (a, b) = (try contents(db), try contents(all.path("j.sqlite")))
        #expect(a.lessons == b.lessons && a.cells == b.cells)
        #expect(try JournalStore(path: db).load().changes.isEmpty)
    }

    @Test func aCellInTheOtherColumnOfTheDayIsNamedByLesson() throws {
        // Белова's «4» of 03.09 typed into the grid's first 03.09 column (lesson № 3) instead of the second (№ 4).
        let t = TempDir()
        let grid = try String(contentsOfFile: Self.fixture("сетка-7б-алгебра.csv"), encoding: .utf8)
            .replacingOccurrences(of: "2;Белова Вера;н;;4;;5;", with: "2;Белова Вера;н;4;;;5;")
        let gridPath = try t.write("сетка.csv", grid)
        let s = try importFiles(Self.header + [gridPath] + ["занятия.csv", "отметки.csv"].map(Self.fixture), db: t.path("j.sqlite"))
        let messages = try #require(s.outcome?.disagreements.map(\.message))
        #expect(messages == [
            "Белова Вера, урок 03.09.2025 № 3: «4» есть в файле сетка.csv, но нет в файле отметки.csv на этом уроке "
                + "(в файле отметки.csv у обучающегося в этот день: «4» — урок 03.09.2025 № 4); в журнал записано «4»",
            "Белова Вера, урок 03.09.2025 № 4: «4» есть в файле отметки.csv, но нет в файле сетка.csv на этом уроке "
                + "(в файле сетка.csv у обучающегося в этот день: «4» — урок 03.09.2025 № 3); в журнал записано «4»",
        ])
    }

    static let topicsHeader = "\u{FEFF}Класс: 7б (7б) 2025/2026 учебный год\nПредмет: Алгебра\nФИО педагога: Смирнова Ольга Петровна\n\n"
        + "Дата;Тема урока;Домашнее задание к следующему уроку\n"

    @Test func twoUnnumberedTopicRowsOfOneDateAreTwoLessons() throws {
        let t = TempDir()
        let topics = try t.write("темы.csv", Self.topicsHeader + "03.09.2025;Выражения;§2\n03.09.2025;Самостоятельная работа;§2, № 15\n")
        _ = try importFiles([topics], db: t.path("alone.sqlite"))
        #expect(try contents(t.path("alone.sqlite")).lessons == ["03.09.2025|-|Выражения", "03.09.2025|-|Самостоятельная работа"])
        // With a numbered lessons table (no topics of its own): the 1st row is № 3, the 2nd № 4.
        let lessons = try t.write("занятия.csv", """
            Группа;Предмет;Дата;Урок №
            7б;Алгебра;03.09.2025;3
            7б;Алгебра;03.09.2025;4

            """)
        let s = try importFiles([topics, lessons], db: t.path("both.sqlite"))
        #expect(s.rejected == 0 && s.outcome?.disagreements.isEmpty == true)
        #expect(try contents(t.path("both.sqlite")).lessons == ["03.09.2025|3|Выражения", "03.09.2025|4|Самостоятельная работа"])
        // A row repeated word for word is the same lesson, reported as a repeat.
        let twice = try t.write("дважды.csv", Self.topicsHeader + "03.09.2025;Выражения;§2\n03.09.2025;Выражения;§2\n")
        let r = try importFiles([twice], db: t.path("twice.sqlite"))
        #expect(r.files[0].rejections.map(\.location.line) == [7])
        #expect(try contents(t.path("twice.sqlite")).lessons == ["03.09.2025|-|Выражения"])
    }

    @Test func oneTopicRowOnADayWithTwoNumberedLessonsIsReportedNotGuessed() throws {
        let t = TempDir()
        let topics = try t.write("темы.csv", Self.topicsHeader + "03.09.2025;Выражения;§2\n")
        let lessons = try t.write("занятия.csv", """
            Группа;Предмет;Дата;Урок №
            7б;Алгебра;03.09.2025;3
            7б;Алгебра;03.09.2025;4

            """)
        let s = try importFiles([topics, lessons], db: t.path("j.sqlite"))
        let d = try #require(s.outcome?.disagreements)
        #expect(d.map(\.kind) == [.unpairedLessons])
        #expect(d.first?.message == "7б, Алгебра, 03.09.2025: в файле темы.csv 1 урок без номера, в файле занятия.csv — 2 урока (№ 3, № 4); "
                + "какой урок какому соответствует, не ясно — уроки без номера записаны отдельно")
        #expect(d.first?.line == 6 && d.first?.otherLine == 2)
        #expect(s.outcome?.pairing.ambiguousDays == 1)
        #expect(try contents(t.path("j.sqlite")).lessons == ["03.09.2025|-|Выражения", "03.09.2025|3|", "03.09.2025|4|"])
    }

    @Test func unnumberedRowsTakeTheirNumberFromTheBellSchedule() throws {
        let t = TempDir()
        // 10:30 and 11:35 start lessons 3 and 4 in звонки.csv.
        let log = try t.write("занятия.csv", """
            Группа;Предмет;Дата;Начало;Окончание;Тема
            7б;Алгебра;03.09.2025;11:35;12:20;Самостоятельная работа
            7б;Алгебра;03.09.2025;10:30;11:15;Выражения

            """)
        let s = try importFiles([Self.fixture("звонки.csv"), log], db: t.path("j.sqlite"))
        #expect(s.outcome?.pairing.byBell == 2)
        #expect(try contents(t.path("j.sqlite")).lessons == ["03.09.2025|3|Выражения", "03.09.2025|4|Самостоятельная работа"])
    }
}
