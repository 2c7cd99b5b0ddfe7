import Foundation
@testable import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// Marks written as decimals with a zero fraction («5.0», «4,00») — a column of marks saved by a
/// spreadsheet or a script — are the marks «5», «4»; before, each was an unrecognised value and
/// a finding against the teacher. Expected values are read off the rows below.
@Suite struct DecimalMarkTests {
    static let header = ["учреждение.csv", "периоды.csv", "звонки.csv", "календарь.csv", "занятия.csv"].map(DoubleLessonTests.fixture)

    @Test func zeroFractionsAreMarksAndOthersStayAsWritten() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        // Lessons of the fixture: 01.09 № 2, 03.09 № 3 and № 4, 05.09 № 2, 08.09 № 5 and № 6.
        let marks = """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение
            7б;Алгебра;01.09.2025;2;Абрамов Артём;5.0
            7б;Алгебра;03.09.2025;3;Абрамов Артём;4,00
            7б;Алгебра;03.09.2025;4;Абрамов Артём;4.5
            7б;Алгебра;05.09.2025;2;Абрамов Артём;н
            7б;Алгебра;08.09.2025;5;Абрамов Артём;3
            7б;Алгебра;08.09.2025;6;Абрамов Артём;.0

            """
        let periodMarks = "Группа;Предмет;Обучающийся;Период;Значение\n7б;Алгебра;Абрамов Артём;1 четверть;4.0\n"
        let s = try importFiles(Self.header + [try t.write("отметки.csv", marks), try t.write("итоговые.csv", periodMarks)], db: db)
        #expect(s.rejected == 0)
        let j = try JournalStore(path: db).load()
        let values = j.cells.map { c in "\(j.lesson(c.lesson).date)|\(c.value.raw)" }.sorted()
        #expect(values == ["01.09.2025|5", "03.09.2025|4", "03.09.2025|4.5", "05.09.2025|н", "08.09.2025|.0", "08.09.2025|3"])
        #expect(j.periodMarks.map(\.value.raw) == ["4"])
        #expect(s.files.first { $0.path.hasSuffix("отметки.csv") }?.decimalMarks == 2)
        #expect(s.files.first { $0.path.hasSuffix("итоговые.csv") }?.decimalMarks == 1)
    }

    @Test func theTextRule() {
        for (given, mark) in [("5.0", "5"), ("4,00", "4"), ("10.0", "10"), ("2.000", "2")] { #expect(DecimalMark.integral(given) == mark) }
        for given in ["4.5", "5.", ".0", "5", "н", "100.0", "5.0-", "5.0.0", "5/4.0"] { #expect(DecimalMark.integral(given) == nil, "\(given)") }
    }
}
