import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// The profile constructs on an export of a layout invented for these tests
/// (`Fixtures/layouts/elzhur`, profiles in `Fixtures/layouts/elzhur-profiles`): four files
/// that differ from the samples in delimiter (tab, `;` with every field quoted, `|`, `,`),
/// encoding (UTF-8, Windows-1251 with CRLF, UTF-8 with BOM), date forms (ISO with `T`,
/// `дд/мм/гггг`, UTC with `Z`), column order and header block. Expected values are read off
/// the files (comments name the rows).
@Suite struct LayoutConstructTests {
    static let data = Fixtures.path("layouts/elzhur")
    static let profileDir = Fixtures.path("layouts/elzhur-profiles")

    static func profiles() throws -> [Profile] {
        try FileManager.default.contentsOfDirectory(atPath: profileDir).sorted().map {
            try ProfileParser.load(path: (profileDir as NSString).appendingPathComponent($0))
        }
    }

    func run(_ names: [String]) throws -> (ImportSession.Summary, Journal) {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let s = try importFiles(names.map { (Self.data as NSString).appendingPathComponent($0) }, db: db, profiles: try Self.profiles())
        return (s, try JournalStore(path: db).load())
    }

    /// `оценки.tsv`: the date and the time of entry joined (row 5 has no time: known to the
    /// day only), work types through a value map («К/Р» by an expression, «Работа с картой» kept
    /// by `иначе = как есть`), ISO lesson dates with `T`; row 6 names the 31 September.
    @Test func joinedColumnsValueMapAndIsoDates() throws {
        let (s, j) = try run(["оценки.tsv"])
        let f = try #require(s.files.first)
        #expect(f.profile == "ЭлЖур: оценки" && f.delimiter == "таб")
        #expect((f.read, f.accepted, f.rejected) == (5, 4, 1))
        // Row 6: «Волкова Ирина⇥6в⇥История⇥» is 13 + 1 + 2 + 1 + 7 + 1 = 25 characters, the date starts at 26.
        #expect(f.rejections.map { "\($0.location.line):\($0.location.column) \($0.reason)" }
                == ["6:26 дата «2025-09-31T00:00:00» невозможна: такого дня или времени нет в календаре"])
        // Row 5's entry time is checked on its record below: keeping «known to the day only» in
        // the database is the store's part, so the journal line leaves its time out.
        #expect(JournalDump.lines(j).filter { $0.hasPrefix("клетка|") }.map { $0.split(separator: "|").prefix(8).joined(separator: "|") } == [
            "клетка|6в|История|02.09.2025|3|Алексеева Дарья|5|устный ответ",
            "клетка|6в|История|02.09.2025|3|Борисов Глеб|н|-",
            "клетка|6в|История|09.09.2025|3|Алексеева Дарья|4|контрольная работа",
            "клетка|6в|История|09.09.2025|3|Борисов Глеб|3|Работа с картой",
        ])
        let sink = RecordCollector()
        _ = try FileImporter(profiles: try Self.profiles()).run(path: (Self.data as NSString).appendingPathComponent("оценки.tsv"),
                                                               displayName: "оценки.tsv", sink: sink)
        let entered = sink.cells.map { ($0.line, $0.cell.enteredAt?.description ?? "-", $0.cell.enteredAt?.isDayOnly ?? false) }
        #expect(entered.map { "\($0.0) \($0.1) \($0.2)" } == ["2 02.09.2025 10:25 false", "3 02.09.2025 09:40 false",
                                                            "4 10.09.2025 16:05 false", "5 10.09.2025 true"])
    }

    /// `уроки.csv` (Windows-1251, CRLF, every field quoted): the time range split into start and
    /// end (an en dash on row 3), «Запись создана» filling two columns, `дд/мм/гггг` dates;
    /// row 4 has a time and no range. Its lessons join the numbered lessons of `оценки.tsv`.
    @Test func splitRangeAndOneColumnForTwo() throws {
        let (s, j) = try run(["оценки.tsv", "уроки.csv"])
        let f = try #require(s.files.first { $0.profile == "ЭлЖур: уроки" })
        #expect(f.encoding == .cp1251 && (f.read, f.accepted, f.rejected) == (3, 2, 1))
        // Row 4: «"6в";"История";"16/09/2025";» is 4 + 1 + 9 + 1 + 12 + 1 = 28 characters with the quotes.
        #expect(f.rejections.map { "\($0.location.line):\($0.location.column)" } == ["4:29"])
        #expect(f.rejections.first?.reason == "в «09:25» нет разделителя «-»: столбец «Начало» берётся из диапазона вида «начало-окончание»")
        #expect(f.rejections.first?.sourceLine == "\"6в\";\"История\";\"16/09/2025\";\"09:25\";\"Древняя Греция\";\"§ 7\";\"16.09.2025 10:15\";\"Гусев Павел Ильич\"")
        #expect(JournalDump.lines(j).filter { $0.hasPrefix("урок|") } == [
            "урок|6в|-|История|02.09.2025|3|09:25|10:10|-|Гусев Павел Ильич|-|Древний Египет; фараоны|§ 5, вопросы 1–3|02.09.2025 10:30|02.09.2025 10:30|-",
            "урок|6в|-|История|09.09.2025|3|09:25|10:10|-|Гусев Павел Ильич|-|Контрольная работа № 1 по теме \"Древний Восток\"|-|09.09.2025 11:02|09.09.2025 11:02|-",
        ])
        #expect(s.outcome?.disagreements.isEmpty == true)
    }

    /// `итоговые.txt` (`|`, BOM, a header block): «1 тр» and «I тр.» are the calendar's
    /// «1 триместр» by the built-in reading, «Осенний» by the profile's value map, «Годовая» the
    /// year; «Зимняя сессия» is no period of the calendar — kept and listed.
    @Test func periodNamesMatchTheCalendar() throws {
        let (s, j) = try run(["периоды.csv", "итоговые.txt"])
        #expect(s.files.map(\.accepted) == [4, 5] && s.rejected == 0)
        #expect(JournalDump.lines(j).filter { $0.hasPrefix("итоговая|") } == [
            "итоговая|Алексеева Дарья|История|1 тр|1 триместр|5",
            "итоговая|Алексеева Дарья|История|Годовая|2025/2026|5",
            "итоговая|Борисов Глеб|История|I тр.|1 триместр|н/а",
            "итоговая|Волкова Ирина|История|1 триместр|1 триместр|4",
            "итоговая|Волкова Ирина|История|Зимняя сессия|-|4",
        ])
        let u = try #require(s.outcome?.unlinkedPeriods)
        #expect(u.map { "\($0.name) \($0.count) \(($0.file as NSString).lastPathComponent):\($0.line)" } == ["Зимняя сессия 1 итоговые.txt:8"])
        #expect(u.first?.message == "итоговых отметок за период «Зимняя сессия»: 1 — такого периода нет в календаре учреждения "
                + "(«1 триместр», «2 триместр», «3 триместр», «2025/2026»); они сохранены, но правила об итоговых отметках их не проверяют. "
                + "Добавьте период в периоды.csv или словарь [словарь: Период] в профиль выгрузки")
    }

    /// `изменения.csv`: a time in UTC (`Z`) by the column's own format, converted to the
    /// institution's time (Moscow, +3): 07:15Z is 10:15; «Выставлено» with `Z` read without a
    /// format.
    @Test func formatsOfOneColumnAndOffsets() throws {
        let (s, j) = try run(["оценки.tsv", "изменения.csv"])
        #expect(s.files.first { $0.profile == "ЭлЖур: изменения" }?.accepted == 1)
        #expect(JournalDump.lines(j).filter { $0.hasPrefix("изменение|") } == ["изменение|отметка|4|5|10.09.2025 16:05|12.09.2025 10:15"])
    }

    /// A file whose commas outvote its `|` is sniffed as comma-separated and no header matches:
    /// it is read again with the delimiter its profile declares.
    @Test func declaredDelimiterWhenSniffingIsWrong() throws {
        let t = TempDir()
        let csv = try t.write("итоги.txt", "ФИО, полностью|Класс, буква|Итог\nАбрамова, Вера|8б, А|5\n")
        #expect(Delimiter.sniff(Array("ФИО, полностью|Класс, буква|Итог\nАбрамова, Вера|8б, А|5\n".utf8)) == UInt8(ascii: ","))
        let profile = try ProfileParser.parse("""
            название = итоги через черту
            таблица = итоговые
            разделитель = |
            признак = ФИО, полностью; Итог
            [столбцы]
            ФИО, полностью = Обучающийся
            Класс, буква = Группа
            Итог = Значение
            [значения]
            Предмет = Алгебра
            Период = 1 четверть
            """, file: "p.profile")
        let s = try importFiles([csv], db: t.path("j.sqlite"), profiles: [profile])
        #expect(s.files.map { "\($0.profile) «\($0.delimiter)» \($0.accepted)" } == ["итоги через черту «|» 1"])
        let j = try JournalStore(path: t.path("j.sqlite")).load()
        #expect(JournalDump.lines(j).filter { $0.hasPrefix("итоговая|") } == ["итоговая|Абрамова, Вера|Алгебра|1 четверть|-|5"])
    }

    /// The folder as a whole: every file is read by its profile, and nothing is lost —
    /// read = accepted + rejected for each.
    @Test func theWholeExport() throws {
        let (s, _) = try run(["изменения.csv", "итоговые.txt", "оценки.tsv", "периоды.csv", "уроки.csv"])
        #expect(s.files.map(\.profile) == ["ЭлЖур: изменения", "ЭлЖур: итоговые", "ЭлЖур: оценки", "канонический: периоды", "ЭлЖур: уроки"])
        #expect(s.files.allSatisfy { $0.read == $0.accepted + $0.rejected })
        #expect((s.read, s.accepted, s.rejected) == (18, 16, 2))
    }
}
