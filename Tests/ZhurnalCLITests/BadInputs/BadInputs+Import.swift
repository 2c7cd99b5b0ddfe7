import Foundation

/// The bundled example's marks log, its first `lines` lines (header included).
enum ExampleFiles {
    static func marks(lines: Int = 3) -> String {
        let url = CLIRunner.root.appendingPathComponent("examples/7b-algebra/marks_log_7b_algebra.csv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines).joined(separator: "\n") + "\n"
    }

    /// A profile for the marks log, with `markLine` as its line 10 and `extra` after line 12.
    static func marksProfile(markLine: String = "Отметка = Значение", extra: String = "") -> String {
        """
        название = мой журнал отметок
        таблица = отметки
        признак = Дата и время выставления; Выставил
        формат даты = дд.мм.гггг
        формат времени = дд.мм.гггг чч:ми

        [столбцы]
        Класс = Группа
        Ученик = Обучающийся
        \(markLine)
        Дата и время выставления = Внесено
        Выставил = Внёс
        \(extra)
        """
    }
}

extension BadInput {
    static let profiles: [BadInput] = [
        // Line 10 of the profile maps «Отметка», but this export calls the column «Оценка»: the
        // mistake is reported at the profile's line, not as a column missing from the file.
        BadInput(id: "profile-missing-column", area: "Profiles", what: "a profile line naming a header the file lacks",
                 files: ["marks.csv": text(ExampleFiles.marks().replacingOccurrences(of: "Ученик;Отметка;", with: "Ученик;Оценка;")),
                         "my.profile": text(ExampleFiles.marksProfile())],
                 args: ["import", "marks.csv", "--profile", "my.profile", "--db", "d.sqlite"], exit: 2,
                 expect: ["my.profile:10:1: ошибка: в файле marks.csv нет столбца «Отметка», который эта строка профиля «мой журнал отметок» переводит в «Значение»",
                          "заголовки файла: Класс; Предмет; Дата урока; Урок №; Ученик; Оценка;"]),
        // Line 15: `текущая = ` is 10 characters, the value's `/` column 11, the pattern column 12.
        BadInput(id: "profile-slow-regex", area: "Profiles", what: "a value-map pattern `/(а+)+$|б/` (catastrophic backtracking)",
                 files: ["marks.csv": text(ExampleFiles.marks()),
                         "my.profile": text(ExampleFiles.marksProfile(extra: "\n[словарь: Вид работы]\nтекущая = /(а+)+$|б/"))],
                 args: ["import", "marks.csv", "--profile", "my.profile", "--db", "d.sqlite"], exit: 2,
                 expect: ["my.profile:15:12: ошибка: повторение внутри повторения «(а+)+»"]),
        BadInput(id: "profile-broken-regex", area: "Profiles", what: "a value-map pattern with an unclosed bracket",
                 files: ["marks.csv": text(ExampleFiles.marks()),
                         "my.profile": text(ExampleFiles.marksProfile(extra: "\n[словарь: Вид работы]\nтекущая = /(тек/"))],
                 args: ["import", "marks.csv", "--profile", "my.profile", "--db", "d.sqlite"], exit: 2,
                 expect: ["my.profile:15:", "ошибка в регулярном выражении /(тек/"]),
        // `первый столбец отметок = ` is 25 characters: the number is column 26 of line 9.
        BadInput(id: "profile-column-overflow", area: "Profiles", what: "`первый столбец отметок = 99999999999999999999` in a grid profile",
                 files: ["grid.csv": text("Месяц;;сентябрь\nЧисло;;1\n1;Иванов Иван;5\n"),
                         "grid.profile": text("название = моя сетка\nтаблица = сетка\nпризнак = Месяц\n\n[сетка]\nстрока месяцев = Месяц\nстрока чисел = Число\nстолбец ученика = 2\nпервый столбец отметок = 99999999999999999999\n")],
                 args: ["import", "grid.csv", "--profile", "grid.profile", "--db", "d.sqlite"], exit: 2,
                 expect: ["grid.profile:9:26: ошибка: ожидается номер столбца от 1 до 16 384"]),
        BadInput(id: "profile-fifo", area: "Profiles", what: "a FIFO given as the profile",
                 files: ["marks.csv": text(ExampleFiles.marks())],
                 setup: { try makeFifo($0.appendingPathComponent("my.profile")) },
                 args: ["import", "marks.csv", "--profile", "my.profile", "--db", "d.sqlite"], exit: 2,
                 expect: ["my.profile", "не обычный файл (именованный канал FIFO)"]),
    ]

    static let imports: [BadInput] = [
        BadInput(id: "import-fifo", area: "Import", what: "a FIFO named as the input file",
                 setup: { try makeFifo($0.appendingPathComponent("marks.csv")) },
                 args: ["import", "marks.csv", "--db", "d.sqlite"], exit: 2,
                 expect: ["пропущено: marks.csv — не обычный файл (именованный канал FIFO): читаются только обычные файлы",
                          "ошибка: не найдено ни одного файла с таблицами журнала"]),
        BadInput(id: "import-dev-zero", area: "Import", what: "`/dev/zero` named as the input file",
                 args: ["import", "/dev/zero", "--db", "d.sqlite"], exit: 2,
                 expect: ["пропущено: /dev/zero — не обычный файл (устройство)"]),
        BadInput(id: "import-fifo-in-folder", area: "Import", what: "a FIFO beside a good file in an input folder (skipped, the rest imported)",
                 files: ["in/marks.csv": text(ExampleFiles.marks(lines: 20))],
                 setup: { try makeFifo($0.appendingPathComponent("in/pipe.csv")) },
                 args: ["import", "in", "--db", "d.sqlite"], exit: 0,
                 expect: ["пропущено: in/pipe.csv — не обычный файл (именованный канал FIFO)", "marks.csv"]),
        // Line 3 of the marks log, field 5 (Ученик) is «Дмитриев Михаил»: the byte 0xFF replaces
        // its «М» (column 10 of the name, the 10th character after «Дмитриев »).
        BadInput(id: "import-invalid-utf8", area: "Import", what: "one invalid byte (0xFF) in the middle of a UTF-8 file",
                 files: ["marks.csv": Data(ExampleFiles.marks(lines: 4).replacingOccurrences(of: "Дмитриев Михаил", with: "Дмитриев \u{1}ихаил").utf8.map { $0 == 1 ? 0xFF : $0 })],
                 args: ["import", "marks.csv", "--db", "d.sqlite"], exit: 2,
                 expect: ["marks.csv:3:", "байт 0xFF не относится к кодировке UTF-8"], forbid: ["1:1:"]),
        BadInput(id: "import-double-bom", area: "Import", what: "a UTF-8 file with the byte-order mark written twice",
                 files: ["marks.csv": Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]) + text(ExampleFiles.marks(lines: 10))],
                 args: ["import", "marks.csv", "--db", "d.sqlite"], exit: 0,
                 expect: ["marks.csv", "журнал отметок (лог выставления)"], forbid: ["нет столбца"]),
        BadInput(id: "import-long-value", area: "Import", what: "a 40,000-character Cyrillic value (the row is rejected naming the limit)",
                 files: ["marks.csv": text(ExampleFiles.marks(lines: 3) + "7б;Алгебра;01.09.2025;2;Иванов Иван;5;" + String(repeating: "ж", count: 40_000) + ";01.09.2025 13:31;Смирнова Ольга Петровна\n")],
                 args: ["import", "marks.csv", "--db", "d.sqlite", "--rejects", "r.csv"], exit: 1,
                 expect: ["marks.csv:4:", "значение длиннее 32 767 знаков (в нём 40 000)"]),
        BadInput(id: "import-row-too-long", area: "Import", what: "a 17 MB line (an unclosed quote or not a table)",
                 files: ["marks.csv": text(ExampleFiles.marks(lines: 2) + "7б;Алгебра;" + String(repeating: "ж", count: 9_000_000) + "\n")],
                 args: ["import", "marks.csv", "--db", "d.sqlite"], exit: 2,
                 expect: ["marks.csv:3:", "строка длиннее 16 МБ"]),
        BadInput(id: "import-nul-bytes", area: "Import", what: "a binary file with NUL bytes named .csv",
                 files: ["marks.csv": Data([0x41, 0x00, 0x42, 0x00, 0x0A, 0x43])],
                 args: ["import", "marks.csv", "--db", "d.sqlite"], exit: 2,
                 expect: ["marks.csv", "нулевые байты"]),
        BadInput(id: "import-unclosed-quote", area: "Import", what: "a quote opened and never closed",
                 files: ["marks.csv": text(ExampleFiles.marks(lines: 2) + "7б;\"Алгебра;01.09.2025;2;Иванов Иван;5;;01.09.2025 13:31;Смирнова\n")],
                 args: ["import", "marks.csv", "--db", "d.sqlite"], exit: 2,
                 expect: ["marks.csv:3:", "кавычк"]),
        BadInput(id: "import-no-header", area: "Import", what: "a CSV file no profile recognises",
                 files: ["x.csv": text("а;б;в\n1;2;3\n")],
                 args: ["import", "x.csv", "--db", "d.sqlite"], exit: 2,
                 expect: ["x.csv"]),
    ]
}
