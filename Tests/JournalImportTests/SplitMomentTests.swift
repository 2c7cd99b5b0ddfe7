import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// A moment as a date and a time in two columns, with no profile: «Дата выставления» and «Время
/// выставления» are joined into «Внесено»; a date column without its time is the day only.
/// Expected values are read off the rows below.
@Suite struct SplitMomentTests {
    static let header = ["учреждение.csv", "периоды.csv", "звонки.csv", "календарь.csv", "занятия.csv"].map(DoubleLessonTests.fixture)

    @Test func aDateAndATimeColumnAreOneMoment() throws {
        let t = TempDir()
        let marks = """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Дата выставления;Время выставления
            7б;Алгебра;01.09.2025;2;Абрамов Артём;5;01.09.2025;10.15
            7б;Алгебра;03.09.2025;3;Абрамов Артём;4;04.09.2025;
            7б;Алгебра;05.09.2025;2;Абрамов Артём;3;05.09.2025;09:40:05

            """
        let s = try importFiles(Self.header + [try t.write("отметки.csv", marks)], db: t.path("j.sqlite"))
        #expect(s.rejected == 0)
        let j = try JournalStore(path: t.path("j.sqlite")).load()
        let entered = j.cells.map { "\($0.value.raw) \($0.enteredAt.map { "\($0)" } ?? "-") \($0.enteredAt?.isDayOnly == true ? "day" : "")" }.sorted()
        #expect(entered == ["3 05.09.2025 09:40:05 ", "4 04.09.2025 day", "5 01.09.2025 10:15 "])
    }

    @Test func aDateColumnAloneIsTheDayOnly() throws {
        let t = TempDir()
        let marks = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Дата выставления\n7б;Алгебра;01.09.2025;2;Абрамов Артём;5;02.09.2025\n"
        let s = try importFiles(Self.header + [try t.write("отметки.csv", marks)], db: t.path("j.sqlite"))
        #expect(s.rejected == 0)
        let cell = try #require(try JournalStore(path: t.path("j.sqlite")).load().cells.first)
        #expect(cell.enteredAt?.isDayOnly == true && cell.enteredAt?.date == LocalDate(year: 2025, month: 9, day: 2))
    }
}
