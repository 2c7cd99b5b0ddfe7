import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// The canonical tables exactly as the templates (and the journal generator) write them:
/// `;`, UTF-8, dates dd.mm.yyyy, timestamps dd.mm.yyyy HH:MM.
@Suite struct CanonicalImportTests {
    /// Hours in the load and the plan (КТП) with a decimal comma or point; anything else is
    /// not a number and the row is rejected naming the text.
    @Test func hoursTakeADecimalCommaOrPoint() throws {
        let t = TempDir()
        let plan = try t.write("ктп.csv", "Группа;Предмет;№;Тема;Часов\n10А;Физика;1;Кинематика;0,5\n10А;Физика;2;Динамика;1.5\n"
                               + "10А;Физика;3;Статика;1,5,0\n10А;Физика;4;Работа;2\n")
        let load = try t.write("нагрузка.csv", "Группа;Подгруппа;Предмет;Преподаватель;Часов в неделю;Часов в год\n"
                               + "10А;;Физика;Орлов Олег Олегович;2,5;85,5\n10А;;Химия;Белова Вера Павловна;,5;\n")
        let s = try importFiles([plan, load], db: t.path("j.sqlite"))
        let j = try JournalStore(path: t.path("j.sqlite")).load()
        #expect(j.plan.map(\.ordinal) == [1, 2, 4] && j.plan.map(\.hours) == [0.5, 1.5, 2])
        #expect(j.load.map(\.weeklyHours).sorted() == [0.5, 2.5] && j.load.compactMap(\.yearHours) == [85.5])
        let rejected = s.files.flatMap(\.rejections)
        #expect(rejected.map(\.location.line) == [4] && rejected.map(\.reason) == ["«1,5,0» — не число"])
    }

    @Test func everyTableLandsInTheJournal() throws {
        let t = TempDir()
        let files = [
            try t.write("a.csv", "Группа;Обучающийся;Код;Подгруппа;Зачислен;Выбыл\n10А;Иванов Иван;S1;1;01.09.2025;\n10А;Петрова Анна;S2;2;;15.12.2025\n"),
            try t.write("b.csv", "Группа;Предмет;№;Тема;Часов;Вид занятия;Дата по плану\n10А;Физика;1;Кинематика;1;урок;02.09.2025\n10А;Физика;2;Практическая работа № 1 «Скорость»;2;ПЗ;\n"),
            try t.write("c.csv", """
                Группа;Подгруппа;Предмет;Дата;Урок №;Начало;Окончание;Учитель по расписанию;Провёл;Замена отмечена;Тема;Вид занятия;Домашнее задание;Запись создана;Тема внесена;ДЗ внесено;Внёс
                10А;;Физика;02.09.2025;3;10:30;11:15;Орлов Олег Олегович;Орлов Олег Олегович;;Кинематика;урок;§1;02.09.2025 10:31;02.09.2025 10:40;02.09.2025 12:00;Орлов Олег Олегович
                10А;;Физика;04.09.2025;3;10:30;11:15;Орлов Олег Олегович;Белова Вера Павловна;04.09.2025 10:35;Практическая работа № 1 «Скорость»;ПЗ;;04.09.2025 10:35;04.09.2025 10:36;;Белова Вера Павловна

                """),
            try t.write("d.csv", "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Вид работы;Внесено;Внёс\n10А;Физика;02.09.2025;3;Иванов Иван;5;устный ответ;02.09.2025 11:00;Орлов Олег Олегович\n10А;Физика;04.09.2025;3;Петрова Анна;н;;04.09.2025 10:40;Белова Вера Павловна\n"),
            try t.write("e.csv", "Группа;Предмет;Обучающийся;Период;Значение;Внесено;Внёс\n10А;Физика;Иванов Иван;1 четверть;5;20.10.2025 15:00;Орлов Олег Олегович\n"),
            try t.write("f.csv", "Группа;Предмет;Дата урока;Урок №;Обучающийся;Что;Было;Стало;Выставлено;Изменено;Изменил\n10А;Физика;02.09.2025;3;Иванов Иван;отметка;4;5;02.09.2025 11:00;20.09.2025 09:00;Орлов Олег Олегович\n"),
            try t.write("g.csv", "Период;Вид;Начало;Окончание\n1 четверть;четверть;01.09.2025;24.10.2025\n"),
            try t.write("h.csv", "group;subject;lesson_date;lesson_no;student;value;work_type;entered_at;entered_by\n10А;Химия;04.09.2025;3;Иванов Иван;4;практическая работа;2025-09-04T12:00:00+05:00;Белова Вера Павловна\n"),
        ]
        let s = try importFiles(files, db: t.path("j.sqlite"))
        #expect(s.files.map(\.table) == ["обучающиеся", "ктп", "занятия", "отметки", "итоговые", "изменения", "периоды", "отметки"])
        #expect(s.rejected == 0 && s.outcome?.disagreements.isEmpty == true)
        let j = try JournalStore(path: t.path("j.sqlite")).load()
        let petrova = try #require(j.students.first { $0.name == "Петрова Анна" })
        #expect(petrova.code == "S2" && petrova.subgroup == "2" && petrova.left == date("15.12.2025"))
        #expect(j.plan.map(\.ordinal) == [1, 2] && j.plan[1].hours == 2 && j.plan[1].lessonKind == "ПЗ")
        #expect(j.lessons.count == 3)   // 02.09 and 04.09 Физика, 04.09 Химия (from the English-headed file)
        let sub = try #require(j.lessons.first { $0.date == date("04.09.2025") && j.subject($0.subject).name == "Физика" })
        #expect(sub.isSubstitution && j.teacher(sub.teacher!).name == "Белова Вера Павловна")
        #expect(sub.substitutionEnteredAt?.description == "04.09.2025 10:35" && sub.homework == nil)
        #expect(j.lessons[0].homeworkEnteredAt?.description == "02.09.2025 12:00" && j.lessons[0].recordedAt?.description == "02.09.2025 10:31")
        #expect(j.cells.count == 3)
        // An ISO timestamp with +05:00 is moved to Moscow time (the default zone): 10:00.
        #expect(j.cells.first { $0.workType == "практическая работа" }?.enteredAt?.description == "04.09.2025 10:00")
        #expect(j.periodMarks.first?.period == 0 && j.periodMarks.first?.value.raw == "5")
        let change = try #require(j.changes.first)
        #expect(change.target == .cell && change.oldValue == "4" && change.newValue == "5" && change.batch == 1)
        #expect(change.changedAt?.description == "20.09.2025 09:00" && j.student(change.student!).name == "Иванов Иван")
    }

    /// A lessons table names its group, subject and teachers as a marks table does: «10А (10А)»
    /// and « 10А » are 10А, names are trimmed, the same name in another column is the same
    /// teacher, an empty «Провёл» is no teacher. In memory (a folder check) and in a file.
    @Test func lessonRowsNameTheirGroupAndTeachersAsWritten() throws {
        let t = TempDir()
        let lessons = try t.write("занятия.csv", """
            Группа;Подгруппа;Предмет;Дата;Урок №;Начало;Окончание;Учитель по расписанию;Провёл;Замена отмечена;Тема;Вид занятия;Домашнее задание;Запись создана;Тема внесена;ДЗ внесено;Внёс
            10А (10А);;Физика;02.09.2025;3;;;Орлов Олег Олегович;  Орлов Олег Олегович ;;Кинематика;;;;;;Белова Вера Павловна
             10А ;; Физика ;03.09.2025;3;;;Орлов Олег Олегович;Белова Вера Павловна;03.09.2025 10:35;Динамика;;;;;;Белова Вера Павловна
            10А;;Физика;04.09.2025;3;;;Орлов Олег Олегович;;;Статика;;;;;;

            """)
        for store in [try JournalStore.inMemory(), try JournalStore(path: t.path("j.sqlite"))] {
            let s = try MemoryCellsTests.session().run(MemoryCellsTests.files([lessons]), into: store)
            #expect(s.rejected == 0)
            try expectLessons(try store.load())
        }
    }

    private func expectLessons(_ j: Journal) throws {
        #expect(j.groups.map(\.name) == ["10А"] && j.subjects.map(\.name) == ["Физика"])
        #expect(j.teachers.map(\.name).sorted() == ["Белова Вера Павловна", "Орлов Олег Олегович"])
        let rows = j.lessons.sorted { $0.date < $1.date }.map { l in
            [l.scheduledTeacher, l.teacher, l.enteredBy].map { $0.map { j.teacher($0).name } ?? "—" }.joined(separator: " | ")
        }
        #expect(rows == ["Орлов Олег Олегович | Орлов Олег Олегович | Белова Вера Павловна",
                         "Орлов Олег Олегович | Белова Вера Павловна | Белова Вера Павловна",
                         "Орлов Олег Олегович | — | —"])
        #expect(j.lessons.filter(\.isSubstitution).map(\.topic) == ["Динамика"])
    }
}
