import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// A marks table exported again (the whole table, a week later) over a journal that has it:
/// what changed is written, what the export repeats as it was stays as it was, what it no
/// longer has is removed — each with its line in the change history. Expected values are read
/// off the two files below.
@Suite struct MarksReExportTests {
    static let students = "Группа;Обучающийся\n9а;Антонов Пётр\n9а;Борисова Анна\n9а;Волков Иван\n"
    static let lessons = "Группа;Предмет;Дата;Урок №\n9а;Физика;04.09.2025;3\n9а;Физика;11.09.2025;3\n"
    static let head = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Вид работы;Внесено;Внёс\n"
    static let first = head + """
        9а;Физика;04.09.2025;3;Антонов Пётр;5;устный ответ;04.09.2025 10:00;Орлова Анна Сергеевна
        9а;Физика;04.09.2025;3;Борисова Анна;4;устный ответ;04.09.2025 10:05;Орлова Анна Сергеевна
        9а;Физика;04.09.2025;3;Волков Иван;3;устный ответ;04.09.2025 10:07;Орлова Анна Сергеевна
        9а;Физика;11.09.2025;3;Антонов Пётр;3;устный ответ;11.09.2025 10:00;Орлова Анна Сергеевна
        9а;Физика;11.09.2025;3;Борисова Анна;5;устный ответ;11.09.2025 10:02;Орлова Анна Сергеевна
        9а;Физика;11.09.2025;3;Волков Иван;4;устный ответ;11.09.2025 10:04;Орлова Анна Сергеевна

        """
    /// The same table a week later: Антонов 04.09 as it was; Борисова 04.09 4 → 5; Волков 04.09
    /// another work type; Антонов 11.09 another entry time; Борисова 11.09 without «Внёс» (an
    /// export that lacks a value does not erase the journal's); Волков 11.09 gone.
    static let again = head + """
        9а;Физика;04.09.2025;3;Антонов Пётр;5;устный ответ;04.09.2025 10:00;Орлова Анна Сергеевна
        9а;Физика;04.09.2025;3;Борисова Анна;5;устный ответ;05.09.2025 18:00;Орлова Анна Сергеевна
        9а;Физика;04.09.2025;3;Волков Иван;3;контрольная работа;04.09.2025 10:07;Орлова Анна Сергеевна
        9а;Физика;11.09.2025;3;Антонов Пётр;3;устный ответ;11.09.2025 10:30;Орлова Анна Сергеевна
        9а;Физика;11.09.2025;3;Борисова Анна;5;устный ответ;11.09.2025 10:02;

        """

    func cells(_ db: String) throws -> [String] {
        let j = try JournalStore(path: db).load()
        return j.cells.map { c in
            [j.lesson(c.lesson).date.description, j.student(c.student).name, c.value.raw, c.workType ?? "",
             c.enteredAt?.description ?? "", c.enteredBy.map { j.teacher($0).name } ?? ""].joined(separator: "|")
        }.sorted()
    }

    @Test func aReExportWritesWhatChangedAndKeepsWhatItRepeats() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        _ = try importFiles([try t.write("обучающиеся.csv", Self.students), try t.write("занятия.csv", Self.lessons),
                             try t.write("отметки.csv", Self.first)], db: db)
        let week = try importFiles([try t.write("отметки-неделя-2.csv", Self.again)], db: db)
        #expect(week.files[0].accepted == 5 && week.files[0].rejected == 0)
        #expect(try cells(db) == [
            "04.09.2025|Антонов Пётр|5|устный ответ|04.09.2025 10:00|Орлова Анна Сергеевна",
            "04.09.2025|Борисова Анна|5|устный ответ|05.09.2025 18:00|Орлова Анна Сергеевна",
            "04.09.2025|Волков Иван|3|контрольная работа|04.09.2025 10:07|Орлова Анна Сергеевна",
            "11.09.2025|Антонов Пётр|3|устный ответ|11.09.2025 10:30|Орлова Анна Сергеевна",
            "11.09.2025|Борисова Анна|5|устный ответ|11.09.2025 10:02|Орлова Анна Сергеевна",
        ])
        // The history: Борисова's 4 → 5 and Волков's removed 4; a changed work type or entry
        // time is not a change of the mark.
        let j = try JournalStore(path: db).load()
        let history = j.changes.map { "\(j.student($0.student!).name)|\($0.oldValue ?? "—")→\($0.newValue ?? "—")" }.sorted()
        #expect(history == ["Борисова Анна|4→5", "Волков Иван|4→—"])
        #expect(week.outcome?.changes == 2)
    }
}
