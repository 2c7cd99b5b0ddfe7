import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// Cells, period marks and changes never create a group, a student or a lesson that no roster
/// or lesson source declares; what cannot be attached is rejected with file:line:col and reason.
@Suite struct UnattachedRowsTests {
    static let groups = "Группа;Класс;Куратор\n9а;9;Иванова Мария Сергеевна\n9б;9;Петров Иван Ильич\n"
    static let students = "Группа;Обучающийся\n9а;Антонов Пётр\n9а;Борисова Анна\n"
    static let periods = "Период;Вид;Начало;Окончание\n1 четверть;четверть;01.09.2025;24.10.2025\n"
    static let lessons = "Группа;Предмет;Дата;Урок №;Тема\n9а;Физика;04.09.2025;3;Движение\n"

    func counts(_ db: String) throws -> [String: Int] { try JournalStore(path: db).counts() }

    /// An existing journal (groups, students, periods, one lesson), then a marks file.
    @Test func aMarksFileCannotAddGroupsStudentsOrLessons() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        _ = try importFiles([try t.write("группы.csv", Self.groups), try t.write("обучающиеся.csv", Self.students),
                             try t.write("периоды.csv", Self.periods), try t.write("занятия.csv", Self.lessons)], db: db)
        let before = try counts(db)
        let marks = try t.write("отметки.csv", """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение
            9а;Физика;04.09.2025;3;Антонов Пётр;5
            99а;Физика;04.09.2025;3;Антонов Пётр;4
            9а;Физика;04.09.2025;3;Сидоров Иван;3
            9а;Физика;03.09.2031;3;Борисова Анна;5
            9а;Физика;05.09.2025;3;Борисова Анна;4
            9а;Физика;04.09.2025;5;Борисова Анна;4

            """)
        let s = try importFiles([marks], db: db)
        let f = try #require(s.files.first)
        #expect(f.read == 6 && f.accepted == 1 && f.rejected == 5)
        // Columns by hand: «99а;» — 1 (Группа); «9а;Физика;04.09.2025;3;» is 23 characters — 24 (Обучающийся);
        // «9а;Физика;» is 10 — 11 (Дата урока); «9а;Физика;04.09.2025;» is 21 — 22 (Урок №).
        #expect(f.rejections.map { "\($0.location.line):\($0.location.column)" } == ["3:1", "4:24", "5:11", "6:11", "7:22"])
        #expect(f.rejections.map(\.reason) == [
            "группы «99а» нет в журнале (её нет в списке групп — группы.csv, обучающиеся.csv); возможно, «9а»?",
            "обучающегося нет в списке группы «9а» (обучающиеся.csv): строка не принята",
            "в группе «9а» по предмету «Физика» 03.09.2031, урок № 3: урока нет ни в одном файле с уроками (занятия, темы, сетка); "
                + "дата вне учебного года по календарю (01.09.2025–24.10.2025)",
            "в группе «9а» по предмету «Физика» 05.09.2025, урок № 3: урока нет ни в одном файле с уроками (занятия, темы, сетка)",
            "в группе «9а» по предмету «Физика» 04.09.2025, урок № 5: такого урока нет в файлах с уроками (в этот день есть: № 3)",
        ])
        #expect(f.rejections.map(\.sourceLine) == ["99а;Физика;04.09.2025;3;Антонов Пётр;4", "9а;Физика;04.09.2025;3;Сидоров Иван;3",
                                                   "9а;Физика;03.09.2031;3;Борисова Анна;5", "9а;Физика;05.09.2025;3;Борисова Анна;4",
                                                   "9а;Физика;04.09.2025;5;Борисова Анна;4"])
        var after = try counts(db)
        #expect(after["cell"] == 1)
        after["cell"] = before["cell"]
        for k in ["batch", "source_file"] { after[k] = before[k] }
        #expect(after == before)   // no group, student or lesson added
        #expect(s.outcome?.sources.isEmpty == true)
    }

    @Test func periodMarksAndChangesCannotAddStudentsEither() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let marks = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение\n9а;Физика;04.09.2025;3;Антонов Пётр;5\n"
        let periodMarks = try t.write("итоговые.csv", """
            Группа;Предмет;Обучающийся;Период;Значение
            9а;Физика;Антонов Пётр;1 четверть;5
            9а;Физика;Сидоров Иван;1 четверть;4

            """)
        let changes = try t.write("изменения.csv", """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Что;Было;Стало;Изменено
            9а;Физика;04.09.2025;3;Антонов Пётр;отметка;4;5;05.09.2025 10:00
            9а;Физика;04.09.2025;3;Сидоров Иван;отметка;4;5;05.09.2025 10:00
            9а;Физика;06.09.2025;1;Антонов Пётр;отметка;3;4;06.09.2025 10:00

            """)
        let s = try importFiles([try t.write("обучающиеся.csv", Self.students), try t.write("занятия.csv", Self.lessons),
                                 try t.write("отметки.csv", marks), periodMarks, changes], db: db)
        let byName = Dictionary(uniqueKeysWithValues: s.files.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0) })
        #expect(byName["итоговые.csv"]?.rejections.map(\.location.line) == [3])
        #expect(byName["изменения.csv"]?.rejections.map(\.location.line) == [3, 4])
        #expect(byName["изменения.csv"]?.rejections.first?.reason == "обучающегося нет в журнале группы «9а»: изменение не к чему отнести")
        #expect(try counts(db)["student"] == 2 && counts(db)["lesson"] == 1 && counts(db)["change"] == 1)
    }

    @Test func aJournalMadeOfAMarksLogAloneStillImportsAndSaysWhereFrom() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let marks = try t.write("отметки.csv", """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение
            9а;Физика;04.09.2025;3;Антонов Пётр;5
            9а;Физика;04.09.2025;3;Борисова Анна;4
            9б;Химия;05.09.2025;2;Волков Глеб;3

            """)
        let s = try importFiles([marks], db: db)
        #expect(s.rejected == 0)
        #expect(s.outcome?.sources == [SourceNote(file: marks, groups: 2, students: 3, lessons: 2)])
        #expect(try counts(db)["cell"] == 3)
        // A grid alone: its rows are the class list, its columns the lessons (04.09 twice: a double lesson).
        let grid = try t.write("сетка.csv", """
            Класс: 7б;;;;
            Год: 2025/2026;;;;
            Наименование предмета: Физика;;;;
            № п/п;Месяц;Сентябрь;;
            ;Число;4;4;11
            1;Антонов Пётр;5;;4
            2;Сидоров Иван;;3;н

            """)
        let g = try importFiles([grid], db: t.path("grid.sqlite"))
        #expect(g.rejected == 0)
        #expect(g.outcome?.sources == [SourceNote(file: grid, groups: 0, students: 2, lessons: 3)])
        let j = try JournalStore(path: t.path("grid.sqlite")).load()
        // The double lesson's columns stay two lessons, in column order: «5» on the first, «3» on the second.
        #expect(j.lessons.map { "\($0.date) \($0.number.map(String.init) ?? "-")" } == ["04.09.2025 -", "04.09.2025 -", "11.09.2025 -"])
        #expect(j.cells.filter { j.lesson($0.lesson).date == date("04.09.2025") }.map(\.value.raw) == ["5", "3"])
    }

    @Test func aGridRowOfAStudentTheStudentsTableLacksIsRejectedWhole() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let grid = try t.write("сетка.csv", """
            Класс: 9а;;;
            Год: 2025/2026;;;
            Наименование предмета: Физика;;;
            № п/п;Месяц;Сентябрь;
            ;Число;4;11
            1;Антонов Пётр;5;4
            2;Сидоров Иван;3;н

            """)
        let s = try importFiles([try t.write("обучающиеся.csv", Self.students), grid], db: db)
        let f = try #require(s.files.first { $0.path == grid })
        #expect(f.read == 2 && f.accepted == 1 && f.rejected == 1)
        #expect(f.rejections.first?.location.line == 7)
        #expect(try counts(db)["student"] == 2 && counts(db)["cell"] == 2)
    }
}
