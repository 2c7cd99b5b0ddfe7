import Foundation
import Testing

/// `zhurnal import` end to end: runs the built binary on the bundled example and on broken
/// files, and compares what a user sees.
@Suite struct ImportCLITests {
    static let root = CLIRunner.root
    typealias Run = CLIRunner.Run

    func run(_ args: [String]) throws -> Run { try CLIRunner.run(args) }
    func tempDir() throws -> URL { try CLIRunner.tempDir() }

    @Test func importsTheBundledExample() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("7b.sqlite").path
        let r = try run(["import", "examples/7b-algebra", "--db", db])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == """
            Импорт в базу \(db), пакет № 1

            Файл                           Профиль                             Кодировка    Прочитано  Принято  Отклонено
            journal_7b_algebra.cp1251.csv  сетка журнала (выгрузка по классу)  Windows-1251 «;»        26       26          0
            lessons_log_7b_algebra.csv     журнал уроков (лог занятий)         UTF-8 «,»           47       47          0
            marks_log_7b_algebra.csv       журнал отметок (лог выставления)    UTF-8 «;»          390      390          0
            topics_7b_algebra.csv          темы уроков (планирование)          UTF-8 (BOM) «;»        47       47          0
            группы.csv                     канонический: группы                UTF-8 «;»            1        1          0
            звонки.csv                     канонический: звонки                UTF-8 «;»            7        7          0
            календарь.csv                  канонический: календарь             UTF-8 «;»            3        3          0
            нагрузка.csv                   канонический: нагрузка              UTF-8 «;»            1        1          0
            периоды.csv                    канонический: периоды               UTF-8 «;»            5        5          0
            учреждение.csv                 канонический: учреждение            UTF-8 «;»            6        6          0
            Итого                                                                                 533      533          0

            Расхождений между файлами нет.

            Уроки без номера (столбцы сетки, строки тем) сопоставлены с уроками того же дня из файлов с номерами: 47 дней.

            Из файла journal_7b_algebra.cp1251.csv взяты обучающиеся (26): в журнале нет списка обучающихся.

            """)
        let mode = (try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let again = try run(["import", "examples/7b-algebra", "--db", db])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("База \(db): все файлы уже были импортированы, изменений нет\n"))
        #expect(again.stdout.contains("marks_log_7b_algebra.csv       уже импортирован в пакете № 1 — без изменений"))
    }

    @Test func missingColumnIsExitTwoNamingFileAndColumnAndTheDatabaseIsUntouched() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("j.sqlite").path
        #expect(try run(["import", "examples/7b-algebra/marks_log_7b_algebra.csv", "--db", db]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let bad = dir.appendingPathComponent("отметки.csv").path
        try Data("Группа;Предмет;Дата урока;Обучающийся\n7б;Алгебра;01.09.2025;Иванов Иван\n".utf8).write(to: URL(fileURLWithPath: bad))
        let r = try run(["import", "examples/7b-algebra/topics_7b_algebra.csv", bad, "--db", db])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("\(bad):1:1: ошибка: нет обязательного столбца «Значение» (таблица «отметки», канонический формат)\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        // The good file of that failed run was not kept either: it imports now as new.
        let next = try run(["import", "examples/7b-algebra/topics_7b_algebra.csv", "--db", db])
        #expect(next.stdout.hasPrefix("Импорт в базу \(db), пакет № 2\n"))
    }

    @Test func rejectsFileAndExitOneForRejectedRows() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("marks.csv").path
        try Data("""
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение
            7б;Алгебра;01.09.2025;2;Иванов Иван;5
            7б;Алгебра;31.02.2025;2;Иванов Иван;4
            7б;Алгебра;03.09.2025;x;Иванов Иван;4

            """.utf8).write(to: URL(fileURLWithPath: csv))
        let rejects = dir.appendingPathComponent("rejects.csv").path
        let r = try run(["import", csv, "--db", dir.appendingPathComponent("j.sqlite").path, "--rejects", rejects])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Отклонённые строки (2):\n  \(csv):3:12: дата «31.02.2025» невозможна: такого дня или времени нет в календаре\n  \(csv):4:23: «x» — не целое число\n"))
        let text = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(text == """
            Файл;Строка;Столбец;Причина;Исходная строка
            "\(csv)";3;12;"дата «31.02.2025» невозможна: такого дня или времени нет в календаре";"7б;Алгебра;31.02.2025;2;Иванов Иван;4"
            "\(csv)";4;23;"«x» — не целое число";"7б;Алгебра;03.09.2025;x;Иванов Иван;4"

            """)
    }

    /// A rejects path whose folder is a file cannot be written: the import stops before it
    /// touches the database (issue 11: nothing reported as failed is committed).
    @Test func unwritableRejectsPathFailsBeforeTheImportAndChangesNothing() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("j.sqlite").path
        #expect(try run(["import", "examples/7b-algebra/marks_log_7b_algebra.csv", "--db", db]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let blocker = dir.appendingPathComponent("файл")
        try Data("x".utf8).write(to: blocker)
        let rejects = blocker.appendingPathComponent("rejects.csv").path
        let r = try run(["import", "examples/7b-algebra/topics_7b_algebra.csv", "--db", db, "--rejects", rejects])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr == "ошибка: файл отклонённых строк «\(rejects)» нельзя записать: «\(blocker.path)» — не папка; "
                + "импорт не выполнен, база не изменена\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        // Nothing was committed: the file imports now, as new.
        #expect(try run(["import", "examples/7b-algebra/topics_7b_algebra.csv", "--db", db]).stdout.hasPrefix("Импорт в базу \(db), пакет № 2\n"))
        // A new database is not even created.
        let fresh = dir.appendingPathComponent("new.sqlite").path
        #expect(try run(["import", "examples/7b-algebra/topics_7b_algebra.csv", "--db", fresh, "--rejects", rejects]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: fresh))
        // A missing folder is made, as for --db.
        let made = dir.appendingPathComponent("новая/rejects.csv").path
        #expect(try run(["import", "examples/7b-algebra/marks_log_7b_algebra.csv", "--db", fresh, "--rejects", made]).status == 0)
        #expect(FileManager.default.fileExists(atPath: made))
    }

    @Test func rejectsOfAFileImportedBeforeAreWrittenFromTheDatabase() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("marks.csv").path
        try Data("""
            Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение
            7б;Алгебра;01.09.2025;2;Иванов Иван;5
            7б;Алгебра;31.02.2025;2;Иванов Иван;4

            """.utf8).write(to: URL(fileURLWithPath: csv))
        let db = dir.appendingPathComponent("j.sqlite").path
        #expect(try run(["import", csv, "--db", db]).status == 1)
        let rejects = dir.appendingPathComponent("rejects.csv").path
        let again = try run(["import", csv, "--db", db, "--rejects", rejects])
        #expect(again.status == 0)
        #expect(again.stdout.contains("marks.csv  уже импортирован в пакете № 1 — без изменений (отклонено строк при той загрузке: 1)"))
        #expect(again.stdout.hasSuffix("Отклонённые строки файлов, загруженных ранее, записаны в \(rejects) (из базы).\n"))
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == """
            Файл;Строка;Столбец;Причина;Исходная строка
            "\(csv)";3;12;"дата «31.02.2025» невозможна: такого дня или времени нет в календаре";"7б;Алгебра;31.02.2025;2;Иванов Иван;4"

            """)
        let mode = (try FileManager.default.attributesOfItem(atPath: rejects)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)   // it holds students' names
    }

    @Test func unknownProfileIsExitTwoWithASuggestion() throws {
        let r = try run(["import", "examples/7b-algebra", "--profile", "журнал-отметк", "--db", "/nonexistent/x.sqlite"])
        #expect(r.status == 2)
        #expect(r.stderr == "ошибка: профиль «журнал-отметк» не найден\nподсказка: возможно, «журнал-отметок»?\n")
    }
}
