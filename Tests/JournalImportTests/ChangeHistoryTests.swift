import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// The change history is a set, not a log of imports: a row already recorded (same cell, same
/// moment, same old and new value) is never recorded again, whichever import brings it.
@Suite struct ChangeHistoryTests {
    static let students = "Группа;Обучающийся\n9а;Антонов Пётр\n9а;Борисова Анна\n"
    static let lessons = "Группа;Предмет;Дата;Урок №\n9а;Физика;04.09.2025;3\n9а;Физика;11.09.2025;3\n"
    static let marks = """
        Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Внесено
        9а;Физика;04.09.2025;3;Антонов Пётр;5;04.09.2025 10:00
        9а;Физика;04.09.2025;3;Борисова Анна;4;04.09.2025 10:05
        9а;Физика;11.09.2025;3;Антонов Пётр;3;11.09.2025 10:00

        """
    static let head = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Что;Было;Стало;Выставлено;Изменено\n"
    /// The export of week 1: two corrections.
    static let week1 = head + """
        9а;Физика;04.09.2025;3;Антонов Пётр;отметка;4;5;04.09.2025 10:00;05.09.2025 18:00
        9а;Физика;04.09.2025;3;Борисова Анна;отметка;3;4;04.09.2025 10:05;06.09.2025 09:00

        """
    /// The export of week 2: everything of week 1 again, and one new correction.
    static let week2 = week1 + "9а;Физика;11.09.2025;3;Антонов Пётр;отметка;2;3;11.09.2025 10:00;12.09.2025 08:30\n"

    func journal(_ t: TempDir) throws -> String {
        let db = t.path("j.sqlite")
        _ = try importFiles([try t.write("обучающиеся.csv", Self.students), try t.write("занятия.csv", Self.lessons),
                             try t.write("отметки.csv", Self.marks)], db: db)
        return db
    }

    func history(_ db: String) throws -> [String] {
        let j = try JournalStore(path: db).load()
        return j.changes.map { "\(j.student($0.student!).name)|\($0.oldValue ?? "")→\($0.newValue ?? "")|\($0.changedAt?.description ?? "")" }.sorted()
    }

    @Test func aWeeklyReExportGrowsTheHistoryByWhatIsNew() throws {
        let t = TempDir()
        let db = try journal(t)
        let a = try importFiles([try t.write("изменения-неделя-1.csv", Self.week1)], db: db)
        #expect(a.outcome?.changes == 2)
        let b = try importFiles([try t.write("изменения-неделя-2.csv", Self.week2)], db: db)
        #expect(b.outcome?.changes == 1)   // three rows read, one new
        #expect(b.files[0].accepted == 3 && b.files[0].rejected == 0)
        #expect(try history(db) == ["Антонов Пётр|2→3|12.09.2025 08:30", "Антонов Пётр|4→5|05.09.2025 18:00",
                                    "Борисова Анна|3→4|06.09.2025 09:00"])
    }

    @Test func bothWeeksInOneImportOrAnExtraColumnChangeNothing() throws {
        let t = TempDir()
        let db = try journal(t)
        let s = try importFiles([try t.write("неделя-1.csv", Self.week1), try t.write("неделя-2.csv", Self.week2)], db: db)
        #expect(s.outcome?.changes == 3 && s.rejected == 0)
        // A later export that names who made each change: the same changes, not new ones.
        let withAuthor = Self.week2.components(separatedBy: "\n").enumerated().map { i, line in
            line.isEmpty ? line : line + (i == 0 ? ";Изменил" : ";Смирнова Ольга Петровна")
        }.joined(separator: "\n")
        let again = try importFiles([try t.write("неделя-2-автор.csv", withAuthor)], db: db)
        #expect(again.outcome?.changes == 0)
        #expect(try history(db).count == 3)
    }

    @Test func aRowRepeatedInOneFileIsRejectedAsARepeat() throws {
        let t = TempDir()
        let db = try journal(t)
        let s = try importFiles([try t.write("изменения.csv", Self.week1 + Self.week1.components(separatedBy: "\n")[1] + "\n")], db: db)
        #expect(s.outcome?.changes == 2)
        #expect(s.files[0].rejections.map { "\($0.location.line): \($0.reason)" }
                == ["4: строка повторяет строку 2 (то же изменение той же клетки в то же время)"])
    }

    @Test func aLoggedChangeReplacesTheDifferenceInferredBetweenTwoSnapshots() throws {
        let t = TempDir()
        let db = try journal(t)
        // A later marks export: Антонов 04.09 is «4» now. Without a log, the difference is all we know.
        let later = Self.marks.replacingOccurrences(of: "Антонов Пётр;5;04.09.2025 10:00", with: "Антонов Пётр;4;04.09.2025 10:00")
        let s = try importFiles([try t.write("отметки-позже.csv", later)], db: db)
        #expect(s.outcome?.changes == 1)
        #expect(try history(db) == ["Антонов Пётр|5→4|04.09.2025 10:00"])
        // The system's own log of that correction (with its time) replaces the inferred entry.
        let log = Self.head + "9а;Физика;04.09.2025;3;Антонов Пётр;отметка;5;4;04.09.2025 10:00;20.09.2025 12:00\n"
        _ = try importFiles([try t.write("изменения.csv", log)], db: db)
        #expect(try history(db) == ["Антонов Пётр|5→4|20.09.2025 12:00"])
    }
}
