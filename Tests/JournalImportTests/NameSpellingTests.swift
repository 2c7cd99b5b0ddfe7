import Foundation
import JournalImport
import JournalModel
import JournalStore
import Testing

/// One class, subject, student or teacher spelt differently in different tables — «ё» or «е»,
/// case, extra spaces, a Latin letter that looks Cyrillic — is one: its rows attach to it, and
/// it keeps the spelling of its own table (`группы.csv`, `обучающиеся.csv`, `нагрузка.csv`).
/// Told apart by bytes, the marks of «СЕМЕНОВ  ПЕТР» in «7A» were rejected (no such student in
/// no such class) and a check judged the journal without them.
@Suite struct NameSpellingTests {
    @Test func rowsOfOneNameSpeltTwoWaysAttachToIt() throws {
        let t = TempDir()
        let groups = try t.write("группы.csv", "Группа;Класс;Куратор\n7а;7;Белова Вера Павловна\n")
        let students = try t.write("обучающиеся.csv", """
            Группа;Обучающийся;Код;Подгруппа;Зачислен;Выбыл
            7а;Семёнов Пётр;;;;
            7а;Иванова Мария;;;;

            """)
        // The lessons table names the teacher without «ё» first; the load, read after it, with.
        let lessons = try t.write("занятия.csv", """
            Группа;Подгруппа;Предмет;Дата;Урок №;Начало;Окончание;Учитель по расписанию;Провёл;Замена отмечена;Тема;Вид занятия;Домашнее задание;Запись создана;Тема внесена;ДЗ внесено;Внёс
            7а;;Алгебра;02.09.2025;1;;;Киселева  Екатерина;Киселева  Екатерина;;Дроби;;;;;;
            7а;;Алгебра;03.09.2025;1;;;Киселева  Екатерина;Киселева  Екатерина;;Степени;;;;;;

            """)
        let load = try t.write("нагрузка.csv", """
            Группа;Подгруппа;Предмет;Преподаватель;Часов в неделю;Часов в год
            7а;;Алгебра;Киселёва Екатерина;3;102

            """)
        let marks = try t.write("отметки.csv", """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Вид работы;Внесено;Внёс;Подгруппа
            7A;алгебра;02.09.2025;1;СЕМЕНОВ  ПЕТР;5;;02.09.2025 09:00;Киселева Екатерина;
            7а;АЛГЕБРА;02.09.2025;1;Иванoва Мария;4;;02.09.2025 09:01;Киселёва  Екатерина;
            7а;Алгебра;03.09.2025;1;Семенов Петр;н;;03.09.2025 09:00;киселёва екатерина;

            """)
        for store in [try JournalStore.inMemory(), try JournalStore(path: t.path("j.sqlite"))] {
            let s = try MemoryCellsTests.session().run(MemoryCellsTests.files([groups, students, lessons, load, marks]), into: store)
            #expect(s.rejected == 0, "\(s.files.flatMap(\.rejections).map(\.reason))")
            #expect((s.outcome?.disagreements ?? []).isEmpty)
            let j = try store.load()
            // Each name as its own table spells it (the teacher as the load does).
            #expect(j.groups.map(\.name) == ["7а"])
            #expect(j.subjects.map(\.name) == ["Алгебра"])
            #expect(j.students.map(\.name).sorted() == ["Иванова Мария", "Семёнов Пётр"])
            #expect(j.teachers.map(\.name) == ["Киселёва Екатерина"])
            #expect(j.lessons.count == 2)
            // Three marks, all on the two listed lessons: 02.09 Семёнов 5, Иванова 4; 03.09 Семёнов н.
            let cells = j.cells.map { c in "\(j.lessons[Int(c.lesson)].date) \(j.student(c.student).name) \(c.value.raw) \(c.enteredBy.map { j.teacher($0).name } ?? "—")" }.sorted()
            #expect(cells == ["02.09.2025 Иванова Мария 4 Киселёва Екатерина", "02.09.2025 Семёнов Пётр 5 Киселёва Екатерина",
                              "03.09.2025 Семёнов Пётр н Киселёва Екатерина"])
        }
    }

    @Test func namesAReaderTellsApartStayApart() throws {
        let t = TempDir()
        let students = try t.write("обучающиеся.csv", """
            Группа;Обучающийся;Код;Подгруппа;Зачислен;Выбыл
            7а;Иванов Иван;;;;
            7б;Иванов Иван;;;;
            7а;Иванова Ивана;;;;

            """)
        let store = try JournalStore.inMemory()
        let s = try MemoryCellsTests.session().run(MemoryCellsTests.files([students]), into: store)
        #expect(s.rejected == 0)
        let loaded = try store.load()
        #expect(loaded.groups.map(\.name).sorted() == ["7а", "7б"])
        #expect(loaded.students.count == 3)
    }

    /// A class written «7 А» or «7-а», a student without the patronymic the roster gives, a
    /// teacher by surname and initials: one class, student and teacher — unless the short form
    /// fits two people, when neither is taken.
    @Test func shortFormsOfNamesAttachWhenOnlyOneFits() throws {
        let t = TempDir()
        let students = try t.write("обучающиеся.csv", """
            Группа;Обучающийся
            7а;Андреев Кирилл Сергеевич
            7а;Иванов Иван Петрович
            7а;Иванов Иван Сергеевич

            """)
        let load = try t.write("нагрузка.csv", """
            Группа;Предмет;Преподаватель;Часов в неделю
            7а;Алгебра;Смирнова Ольга Петровна;3
            7а;Геометрия;Орлова Анна Игоревна;2
            7а;Физика;Орлова Алла Ивановна;2

            """)
        let lessons = try t.write("занятия.csv", """
            Группа;Предмет;Дата;Урок №;Провёл
            7 А;Алгебра;02.09.2025;1;Смирнова О. П.
            7-а;Геометрия;02.09.2025;2;Орлова А. И.

            """)
        let marks = try t.write("отметки.csv", """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Внёс
            7 а;Алгебра;02.09.2025;1;Андреев Кирилл;5;Смирнова О.П.
            7а;Алгебра;02.09.2025;1;Иванов Иван;4;Смирнова О. П.

            """)
        for store in [try JournalStore.inMemory(), try JournalStore(path: t.path("j.sqlite"))] {
            let s = try MemoryCellsTests.session().run(MemoryCellsTests.files([students, load, lessons, marks]), into: store)
            // «Иванов Иван» fits both Ивановы: the row is rejected, not given to one of them.
            #expect(s.files.flatMap(\.rejections).map { "\($0.location.line) \($0.column ?? "")" } == ["3 Обучающийся"])
            let j = try store.load()
            #expect(j.groups.map(\.name) == ["7а"])
            #expect(j.lessons.count == 2)
            let cells = j.cells.map { c in "\(j.student(c.student).name) \(c.value.raw) \(c.enteredBy.map { j.teacher($0).name } ?? "—")" }
            #expect(cells == ["Андреев Кирилл Сергеевич 5 Смирнова Ольга Петровна"])
            // «Орлова А. И.» fits Анна Игоревна and Алла Ивановна: a teacher of its own.
            #expect(Set(j.lessons.compactMap { $0.teacher.map { j.teacher($0).name } }) == ["Смирнова Ольга Петровна", "Орлова А. И."])
            #expect(j.teachers.count == 4)
        }
    }
}
