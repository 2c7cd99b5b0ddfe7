import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// Where silence would lose data, the import says so: a delimiter inside an unquoted value,
/// two columns that mean one, a value no value map knows; rejections point at the column as
/// the file spells the line (quotes counted); dates in the forms exports use.
@Suite struct ImportStrictnessTests {
    func summary(_ files: [(String, String)], profiles: [Profile] = []) throws -> ImportSession.Summary {
        let t = TempDir()
        let paths = try files.map { try t.write($0.0, $0.1) }
        return try importFiles(paths, db: t.path("j.sqlite"), profiles: profiles)
    }

    /// The issue's case: quotes before the faulty field used to be left out of the column.
    @Test func rejectionColumnCountsQuotes() throws {
        let s = try summary([("отметки.csv", #"""
            Группа;Предмет;Дата урока;Обучающийся;Значение;Вид работы
            "9а";"Физика ""углублённая""";"31.09.2025";"Петров Пётр";"5";"ответ"

            """#)])
        let r = try #require(s.files.first?.rejections.first)
        // «"9а";» is 5 characters; «"Физика ""углублённая""";» is 1 + 6 + 1 + 2 + 11 + 2 + 1 + 1 = 25:
        // the date's opening quote is character 31. (The parsed fields, without quotes, put it at 25.)
        #expect("\(r.location)" == "\(s.files[0].path):2:31")
        #expect(r.sourceLine == "\"9а\";\"Физика \"\"углублённая\"\"\";\"31.09.2025\";\"Петров Пётр\";\"5\";\"ответ\"")
        // A value with a line break inside quotes: the faulty field is on the row's second line.
        let multi = try summary([("отметки.csv", "Группа;Предмет;Дата урока;Обучающийся;Значение;Вид работы\n"
                                  + "9а;Физика;02.09.2025;Петров Пётр;5;\"устный\nответ\"\n9а;Физика;02.09.2025;\"Иванова\nАнна\";5;х\n"
                                  + "9а;Физика;05.09.2025;Сидоров Сергей;5;\"работа\nна уроке\";лишнее\n")])
        #expect(multi.files[0].rejections.map { "\($0.location.line):\($0.location.column) \($0.sourceLine ?? "")" }
                == ["7:11 на уроке\";лишнее"])
    }

    /// A grid row rejected at a cell points at that cell as the file spells the line.
    @Test func gridRejectionsPointAtTheirCell() throws {
        let s = try summary([("9v.csv", """
            Класс: 9в;;;
            Год: 2025/2026;;;
            Наименование предмета: Физика;;;
            № п/п;Месяц;Сентябрь;;
            ;Число;1;;
            1;"Петров; Пётр";5;x

            """)])
        // «1;"Петров; Пётр";5;» is 1 + 1 + 14 + 1 + 1 + 1 = 19 characters: «x» is at 20.
        #expect(s.files.first?.rejections.map { "\($0.location.line):\($0.location.column) \($0.reason)" }
                == ["6:20 значение «x» в столбце без даты и без названия периода"])
    }

    /// An unquoted `;` inside a value of a key–value table (the issue's `учреждение.csv`) used
    /// to cut the name silently.
    @Test func extraFieldInAKeyValueRowIsRejected() throws {
        let s = try summary([("учреждение.csv", "Параметр;Значение\nНаименование;МБОУ «Школа № 3; корпус 2»\nТип;школа\n")])
        let f = try #require(s.files.first)
        #expect((f.read, f.accepted, f.rejected) == (2, 1, 1))
        // «Наименование;МБОУ «Школа № 3;» is 12 + 1 + 15 + 1 = 29 characters: the extra field starts at 30.
        #expect(f.rejections.map { "\($0.location.line):\($0.location.column)" } == ["2:30"])
        #expect(f.rejections.first?.reason == "в строке больше полей, чем столбцов в заголовке (2): лишнее поле «корпус 2»». "
                + "Если разделитель «;» — часть значения, значение нужно заключить в кавычки")
    }

    /// Two header cells that both mean «Внесено» stop the file at the second: the import does
    /// not keep the first and drop the other.
    @Test func twoColumnsForOneFieldStopTheFile() throws {
        let f = expectFailure {
            _ = try summary([("отметки.csv", "Группа;Предмет;Дата урока;Обучающийся;Значение;Внесено;entered_at\n9а;Физика;02.09.2025;Петров Пётр;5;02.09.2025;10:25\n")])
        }
        #expect(f?.diagnostic.id == "import.column-twice")
        #expect(f?.diagnostic.location?.line == 1 && f?.diagnostic.location?.column == 56)
        #expect(f?.diagnostic.message == "«Внесено» (столбец 6) и «entered_at» (столбец 7) оба означают столбец «Внесено» — какой из них верный, программа не выбирает")
        // In a profile, two lines filling one column are a mistake of the profile, with its line.
        let p = expectFailure { _ = try ProfileParser.parse("название = x\nтаблица = отметки\n[столбцы]\nДата выставления = Внесено\nВремя выставления = Внесено\n", file: "p.profile") }
        #expect(p?.diagnostic.rendered == """
            p.profile:5:21: ошибка: столбец «Внесено» уже заполняется в строке 4
              Время выставления = Внесено
                                  ^
            подсказка: чтобы соединить два столбца файла, напишите их через « + »: Дата + Время = Внесено
            """)
    }

    /// A join whose second column the file lacks stops the file, naming it.
    @Test func aJoinNeedsAllItsColumns() throws {
        let profile = try ProfileParser.parse("название = журнал\nтаблица = отметки\nпризнак = Ученик; Дата записи\n[столбцы]\nУченик = Обучающийся\nДата записи + Время записи = Внесено\n", file: "j.profile")
        let f = expectFailure {
            _ = try summary([("j.csv", "Группа;Предмет;Дата урока;Ученик;Значение;Дата записи\n9а;Физика;02.09.2025;Петров Пётр;5;02.09.2025\n")], profiles: [profile])
        }
        #expect(f?.diagnostic.message == "в файле нет столбца «Время записи»: профиль «журнал» соединяет «Дата записи + Время записи» в «Внесено» (j.profile:6)")
    }

    /// A value map without `иначе` rejects what it does not know; one that two lines know with
    /// different meanings is rejected too.
    @Test func valueMapsRejectWhatTheyDoNotKnow() throws {
        let profile = try ProfileParser.parse("""
            название = виды
            таблица = отметки
            признак = Тип
            [столбцы]
            Тип = Вид работы
            [словарь: Вид работы]
            устный ответ = Устно; /ответ.*/
            письменная работа = Письменно; /.*работ.*/
            """, file: "виды.profile")
        let s = try summary([("v.csv", """
            Группа;Предмет;Дата урока;Обучающийся;Значение;Тип
            9а;Физика;02.09.2025;Петров Пётр;5;устно
            9а;Физика;02.09.2025;Иванова Анна;4;Лабораторная
            9а;Физика;02.09.2025;Сидоров Сергей;3;ответ на самостоятельную работу
            9а;Физика;02.09.2025;Орлова Ольга;5;

            """)], profiles: [profile])
        let f = try #require(s.files.first)
        #expect((f.read, f.accepted, f.rejected) == (4, 2, 2))
        #expect(f.rejections.map { "\($0.location.line):\($0.location.column) \($0.reason)" } == [
            "3:37 значение «Лабораторная» не найдено в словаре «Вид работы» профиля (виды.profile:6): допустимо «устный ответ», «письменная работа»; добавьте его в словарь или строку «иначе = как есть»",
            "4:39 значение «ответ на самостоятельную работу» подходит к нескольким строкам словаря «Вид работы» («устный ответ», «письменная работа») — уточните словарь в профиле (виды.profile:6)",
        ])
    }

    /// A date column takes an ISO date with a time (the issue's «невозможна: такого дня нет»),
    /// and a UTC midnight stays on its day in the institution's zone.
    @Test func isoDateWithTimeInADateColumn() throws {
        let s = try summary([("o.csv", """
            Группа;Предмет;Дата урока;Обучающийся;Значение
            9а;Физика;2025-09-02T00:00:00;Петров Пётр;5
            9а;Физика;2025-09-02T21:00:00Z;Иванова Анна;4
            9а;Физика;2025-09-02 10:25;Сидоров Сергей;3

            """)])
        #expect(s.rejected == 0)
        let t = TempDir()
        let p = try t.write("o.csv", "Группа;Предмет;Дата урока;Обучающийся;Значение\n9а;Физика;2025-09-02T00:00:00;Петров Пётр;5\n9а;Физика;2025-09-02T21:00:00Z;Иванова Анна;4\n")
        let sink = RecordCollector()
        _ = try FileImporter(profiles: []).run(path: p, displayName: "o.csv", sink: sink)
        // 21:00 UTC on the 2nd is 00:00 on the 3rd in Moscow (UTC+3).
        #expect(sink.cells.map(\.cell.date.description) == ["02.09.2025", "03.09.2025"])
    }

    @Test func datePatterns() {
        let moscow = InstitutionTimeZone.moscow
        #expect(DatePattern("ДД.ММ.ГГГГ ЧЧ:ММ")?.timestamp("01.09.2025 13:31")?.description == "01.09.2025 13:31")
        #expect(DatePattern("гггг-мм-ддTчч:ми:сс")?.timestamp("2025-09-02T10:25:07.250")?.description == "02.09.2025 10:25:07")
        #expect(DatePattern("гггг-мм-ддTчч:ми:сс")?.timestamp("2025-09-02t10:25:07")?.time.second == 7)
        let zoned = DatePattern("гггг-мм-ддTчч:ми:ссзона")!
        #expect(zoned.parse("2025-09-02T07:25:00+03:00")?.offsetSeconds == 10800)
        #expect(zoned.parse("2025-09-02T07:25:00Z").map(moscow.local)?.description == "02.09.2025 10:25")
        #expect(zoned.parse("2025-09-02T07:25:00-0130").map(moscow.local)?.description == "02.09.2025 11:55")
        #expect(zoned.parse("2025-09-02T07:25:00") == nil)
        // The date alone where the pattern has a time: known to the day only.
        #expect(DatePattern("дд.мм.гггг чч:ми")?.timestamp("10.09.2025")?.isDayOnly == true)
        #expect(DatePattern("дд.мм.гггг")?.timestamp("10.09.2025")?.isDayOnly == true)
        #expect(DatePattern("дд.мм.гггг чч:ми")?.timestamp("10.09.2025 25:00") == nil)
        #expect(DatePattern("чч:ми") != nil && DatePattern("мм.гггг") == nil && DatePattern("abc") == nil)
    }

    @Test func profileMistakesNameTheProfileLine() {
        func rendered(_ text: String) -> String? { expectFailure { _ = try ProfileParser.parse(text, file: "p.profile") }?.diagnostic.rendered }
        #expect(rendered("название = x\nтаблица = отметки\n[столбцы]\nУченик = Обучающийсяя\n") == """
            p.profile:4:10: ошибка: в таблице «отметки» нет столбца «Обучающийсяя»
              Ученик = Обучающийсяя
                       ^
            подсказка: возможно, «Обучающийся»?
            """)
        #expect(rendered("название = x\nтаблица = отметки\n[форматы]\nВнесено = абв\n")?.hasPrefix("p.profile:4:11: ошибка: не понят формат «абв»") == true)
        #expect(rendered("название = x\nтаблица = отметки\n[словарь: Вид работы]\nустный ответ = /(/\n")?.hasPrefix("p.profile:4:16: ошибка: ошибка в регулярном выражении /(/") == true)
        #expect(rendered("название = x\nтаблица = отметки\n[значения]\nПериод = 1 четверть\n")?.hasPrefix("p.profile:4:1: ошибка: в таблице «отметки» нет столбца «Период»") == true)
        #expect(rendered("название = x\nтаблица = отметки\n[словари]\n") == """
            p.profile:3:1: ошибка: неизвестный раздел «словари»
              [словари]
              ^
            подсказка: разделы: [столбцы], [шапка], [имя листа], [имя файла], [значения], [форматы], [словарь: Столбец], [сетка]
            """)
        #expect(rendered("название = x\nтаблица = сетка\n[столбцы]\nА = Б\n")?.hasPrefix("p.profile:4:1: ошибка: в профиле сетки раздел [столбцы] не используется") == true)
    }

    @Test func splitChoosesTheMiddleSeparator() throws {
        #expect(try RowTransform.part("2025-09-01-2025-10-24", 0, "-", column: 0, table: .periods) == "2025-09-01")
        #expect(try RowTransform.part("2025-09-01 - 2025-10-24", 1, "-", column: 0, table: .periods) == "2025-10-24")
        #expect(try RowTransform.part("09:25 — 10:10", 1, "-", column: 0, table: .periods) == "10:10")
        #expect(try RowTransform.part("01.09.2025/24.10.2025", 1, "/", column: 0, table: .periods) == "24.10.2025")
    }
}
