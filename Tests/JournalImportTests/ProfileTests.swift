import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// The declarative profile format: a profile for a Windows-1251, tab-separated export with its
/// subject in the header block, the grid's January roll-over, and errors in a profile. (The
/// README's own examples are run by `ProfileReferenceTests`.)
@Suite struct ProfileTests {
    @Test("a Windows-1251, tab-separated export") func workedExample() throws {
        let t = TempDir()
        let profile = try t.write("история-отметки.profile", """
            название = отметки (выгрузка по предмету)
            таблица = отметки
            кодировка = windows-1251
            разделитель = таб
            признак = Оценка; Тип работы
            формат даты = гггг-мм-дд
            формат времени = гггг-мм-дд чч:ми

            [столбцы]
            Ученик = Обучающийся
            Класс = Группа
            Дата = Дата урока
            Оценка = Значение
            Тип работы = Вид работы
            Время = Внесено

            [шапка]
            Предмет = Предмет:\\s*(.+)
            """)
        let csv = try t.write("выгрузка.csv", bytes: cp1251("""
            Выгрузка отметок
            Предмет: История
            Ученик\tКласс\tДата\tОценка\tТип работы\tВремя
            Абрамов Артём\t8а\t2025-09-03\t5\tответ на уроке\t2025-09-03 12:40
            Белова Алиса\t8а\t2025-09-03\tн\t\t2025-09-03 12:41
            Белова Алиса\t8а\t03.09.2025\t4\t\t2025-09-03 12:41

            """))
        let p = try ProfileParser.load(path: profile)
        let s = try importFiles([csv], db: t.path("j.sqlite"), forced: p)
        let f = try #require(s.files.first)
        #expect(f.profile == "отметки (выгрузка по предмету)" && f.encoding == .cp1251 && f.delimiter == "таб")
        #expect((f.read, f.accepted, f.rejected) == (3, 2, 1))
        #expect(f.rejections.first?.reason == "«03.09.2025» — дата не в формате профиля (гггг-мм-дд)")
        let j = try JournalStore(path: t.path("j.sqlite")).load()
        #expect(j.subjects.map(\.name) == ["История"] && j.groups.map(\.name) == ["8а"])
        #expect(j.cells.map(\.value.raw).sorted() == ["5", "н"])
        #expect(j.cells.first { $0.value.raw == "5" }?.enteredAt?.description == "03.09.2025 12:40")
        #expect(j.cells.first { $0.value.raw == "5" }?.workType == "ответ на уроке")
    }

    @Test func gridRollsOverToTheNextYearInJanuary() throws {
        let t = TempDir()
        let grid = try t.write("9v.csv", bytes: cp1251("""
            Класс: 9в (9в);;;;;
            Год: 2025/2026;;;;;
            Наименование предмета: Физика;;;;;
            Фамилия, имя, отчество педагога: Иванов Иван Иванович;;;;;
            № п/п;Месяц;Декабрь;;Январь;2 четв
            ;Число;29;30;12;
            ;Фамилия и имя ученика;;;;
            1;Петров Пётр;5;н;4;5
            2;Сидорова Анна;;;3;н/а

            """))
        let s = try importFiles([grid], db: t.path("j.sqlite"))
        #expect(s.files.first?.profile == "сетка журнала (выгрузка по классу)")
        #expect((s.files.first?.read, s.files.first?.accepted) == (2, 2))
        let j = try JournalStore(path: t.path("j.sqlite")).load()
        #expect(j.groups.map(\.name) == ["9в"])
        #expect(j.lessons.map(\.date) == [date("29.12.2025"), date("30.12.2025"), date("12.01.2026")])
        #expect(j.cells.count == 4)
        #expect(j.periodMarks.map(\.value.raw).sorted() == ["5", "н/а"])
        #expect(Set(j.periodMarks.map(\.periodName)) == ["2 четв"])
    }

    @Test func twoGridColumnsOfOneDateAreTwoLessons() throws {
        let t = TempDir()
        let grid = try t.write("d.csv", """
            Класс: 9в;;;
            Год: 2025/2026;;;
            Наименование предмета: Физика;;;
            № п/п;Месяц;Сентябрь;
            ;Число;1;1
            1;Петров Пётр;5;4

            """)
        let s = try importFiles([grid], db: t.path("j.sqlite"))
        #expect(s.files.first?.accepted == 1)
        let j = try JournalStore(path: t.path("j.sqlite")).load()
        #expect(j.lessons.count == 2 && j.lessons.allSatisfy { $0.date == date("01.09.2025") && $0.number == nil })
        #expect(j.cells.map(\.value.raw).sorted() == ["4", "5"])
    }

    @Test func profileErrorsPointAtTheLine() throws {
        let bad = expectFailure { _ = try ProfileParser.parse("название = x\nтаблица = отметкии\n", file: "p.profile") }
        #expect(bad?.diagnostic.rendered == "p.profile:2:11: ошибка: неизвестная таблица «отметкии»\n  таблица = отметкии\n            ^\nподсказка: возможно, «отметки»?")
        let key = expectFailure { _ = try ProfileParser.parse("название = x\nтаблица = отметки\nразделитeль = ;\n", file: "p.profile") }
        #expect(key?.diagnostic.message == "неизвестный параметр «разделитeль»")
        let regex = expectFailure { _ = try ProfileParser.parse("название = x\nтаблица = отметки\n[шапка]\nПредмет = (\n", file: "p.profile") }
        #expect(regex?.diagnostic.location?.line == 4)
    }

    @Test func shippedProfilesParse() throws {
        let names = try Repo.profiles().map(\.name).sorted()
        #expect(names == ["журнал отметок (лог выставления)", "журнал уроков (лог занятий)",
                          "сетка журнала (выгрузка по классу)", "темы уроков (планирование)"])
    }
}
