import Foundation
import JournalModel
import Testing
@testable import JournalStore

/// The change log's «Причина» (reason) and «Изменил» (author) columns reach the journal, so
/// rules can require them; a database made before the column existed is brought up to date.
@Suite struct ChangeReasonTests {
    @Test func reasonAndAuthorOfACorrectionAreImported() throws {
        let t = TempDir()
        let f = try t.write("изменения.csv", """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Что;Было;Стало;Выставлено;Изменено;Изменил;Подгруппа;Причина
            10А;Физика;02.09.2025;3;Иванов Иван;отметка;4;5;02.09.2025 11:00;20.09.2025 09:00;Орлов Олег Олегович;;ошибка при вводе
            10А;Физика;02.09.2025;3;Петрова Анна;отметка;3;4;02.09.2025 11:00;21.09.2025 09:00;;;

            """)
        // The lesson and the students the changes are about (a change row creates neither).
        let marks = try t.write("отметки.csv", """
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Вид работы;Внесено;Внёс;Подгруппа
            10А;Физика;02.09.2025;3;Иванов Иван;5;устный ответ;02.09.2025 11:00;Орлов Олег Олегович;
            10А;Физика;02.09.2025;3;Петрова Анна;4;устный ответ;02.09.2025 11:00;Орлов Олег Олегович;

            """)
        let s = try importFiles([marks, f], db: t.path("j.sqlite"))
        #expect(s.rejected == 0)
        let j = try JournalStore(path: t.path("j.sqlite")).load()
        let byStudent = Dictionary(uniqueKeysWithValues: j.changes.map { (j.student($0.student!).name, $0) })
        let ivanov = try #require(byStudent["Иванов Иван"]), petrova = try #require(byStudent["Петрова Анна"])
        #expect(ivanov.reason == "ошибка при вводе" && j.teacher(ivanov.changedBy!).name == "Орлов Олег Олегович")
        #expect(petrova.reason == nil && petrova.changedBy == nil)
    }

    @Test func aDatabaseOfTheFirstSchemaGainsTheReasonColumn() throws {
        let t = TempDir()
        let path = t.path("old.sqlite")
        do {
            let db = try Database(path: path)
            try db.execute(Migrations.steps[0])
            try db.execute("PRAGMA user_version = 1")
        }
        let store = try JournalStore(path: path)
        #expect(try store.db.scalar("PRAGMA user_version") == Int64(Migrations.latest))
        #expect(try store.db.scalar("SELECT COUNT(*) FROM pragma_table_info('change') WHERE name = 'reason'") == 1)
    }
}
