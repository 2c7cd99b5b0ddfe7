import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// Workbooks through the same profiles and canonical tables as CSV files: the bundled example
/// and the legacy grid re-saved by LibreOffice (fixtures made by
/// `scripts/fixtures/make-xlsx-fixtures.py`) import to the same journal as their CSV files;
/// sheets of libxlsxwriter workbooks fill fixed values from their names, two-row headers read
/// through merged cells, and rejections name the sheet, row and column letter.
@Suite struct XlsxImportTests {
    func journal(_ paths: [String], _ t: TempDir, profiles: [Profile] = []) throws -> (ImportSession.Summary, Journal) {
        let db = t.path("j-\(UUID().uuidString).sqlite")
        let s = try importFiles(paths, db: db, profiles: profiles)
        return (s, try JournalStore(path: db).load())
    }

    /// The example as a workbook with a sheet per CSV file (LibreOffice recognised the dates,
    /// times and numbers of the CSV files as such): the same journal, row for row.
    @Test func bundledExampleAsAWorkbookIsTheSameJournal() throws {
        let t = TempDir()
        let csv = try FileManager.default.contentsOfDirectory(atPath: Repo.example.path).sorted().map(Repo.sample)
        let (cs, cj) = try journal(csv, t)
        let (xs, xj) = try journal([Fixtures.path("xlsx/7b-algebra.xlsx")], t)
        #expect(xs.files.count == 10 && xs.files.allSatisfy { $0.sheet != nil && $0.encoding == nil })
        #expect((xs.read, xs.accepted, xs.rejected) == (cs.read, cs.accepted, cs.rejected))
        #expect(xs.outcome?.disagreements.count == cs.outcome?.disagreements.count)
        let a = JournalDump.lines(cj), b = JournalDump.lines(xj)
        #expect(a.count > 500)
        expectSameLines(a, b)
    }

    /// The grid as a workbook with two subject sheets (month names merged over their days,
    /// «№ п/п» merged down three rows): the journal of the two grids read as CSV.
    @Test func gridWorkbookWithTwoSubjects() throws {
        let t = TempDir()
        let (cs, cj) = try journal([Repo.sample("journal_7b_algebra.cp1251.csv"), Fixtures.path("xlsx/grid-geometry.cp1251.csv")], t)
        let (xs, xj) = try journal([Fixtures.path("xlsx/7b-grid.xlsx")], t)
        #expect(xs.files.map(\.sheet) == ["Алгебра", "Геометрия"])
        #expect(xs.files.map(\.profile) == ["сетка журнала (выгрузка по классу)", "сетка журнала (выгрузка по классу)"])
        // 26 pupils on each sheet (grid-geometry.cp1251.csv lists the same class).
        #expect(xs.files.map(\.accepted) == [26, 26] && xs.rejected == 0 && cs.accepted == 52)
        #expect(Set(xj.subjects.map(\.name)) == ["Алгебра", "Геометрия"])
        expectSameLines(JournalDump.lines(cj), JournalDump.lines(xj))
        let xml = try XlsxFixture.part("xl/worksheets/sheet1.xml", of: Fixtures.path("xlsx/7b-grid.xlsx"))
        #expect(xml.contains("<mergeCell ref=\"A7:A9\"/>") && xml.contains("<mergeCell ref=\"C7:O7\"/>"), "the fixture has the merged cells it claims")
    }

    /// A class workbook of a layout invented here: a sheet per subject, the subject taken from
    /// the sheet's name and the class from the file's name; two header rows, the first with
    /// «Оценивание» over two columns and «Ученик», «Дата» merged down both rows; a date merged
    /// down the lessons of that day; a row left empty.
    @Test func sheetNameFileNameAndTwoHeaderRows() throws {
        let t = TempDir()
        let path = t.path("8в оценки.xlsx")
        func sheet(_ name: String, _ marks: [(String, String, Double)]) -> XlsxFixture.Sheet {
            var rows: [[XlsxFixture.Cell]?] = [
                [.text("Выгрузка оценок по предмету")],
                [.text("Ученик"), .text("Дата"), .text("Оценивание"), .empty],
                [.empty, .empty, .text("Балл"), .text("Тип")],
            ]
            for (i, m) in marks.enumerated() {
                rows.append([.text(m.0), i == 0 ? .date(year: 2025, month: 9, day: 4) : .empty, .number(m.2), .text(m.1)])
            }
            rows.append(nil)
            rows.append([.text("Ярцева Ольга"), .date(year: 2025, month: 9, day: 11), .text("н"), .empty])
            return .init(name: name, rows: rows, merges: [
                (1, 0, 2, 0, .text("Ученик")), (1, 1, 2, 1, .text("Дата")), (1, 2, 1, 3, .text("Оценивание")),
                (3, 1, 3 + marks.count - 1, 1, .empty),
            ])
        }
        try XlsxFixture.write(to: path, sheets: [
            sheet("Физика", [("Ануфриев Олег", "ответ", 5), ("Борисова Вера", "тест", 4), ("Ярцева Ольга", "ответ", 3)]),
            sheet("Химия", [("Ануфриев Олег", "тест", 2)]),
        ])
        // The date of the first lesson is written in its first row only: the merged area gives it to the others.
        let profile = try ProfileParser.parse("""
            название = оценки класса по предметам
            таблица = отметки
            признак = Балл; Тип
            [столбцы]
            Ученик = Обучающийся
            Дата = Дата урока
            Балл = Значение
            Тип = Вид работы
            [имя листа]
            Предмет = .+
            [имя файла]
            Группа = ^(\\d+[а-яё])
            """, file: "класс.profile")
        let (s, j) = try journal([path], t, profiles: [profile])
        #expect(s.files.map(\.profile) == ["оценки класса по предметам", "оценки класса по предметам"])
        #expect(s.files.map(\.read) == [4, 2] && s.rejected == 0)
        #expect(j.groups.map(\.name) == ["8в"])
        #expect(JournalDump.lines(j).filter { $0.hasPrefix("клетка|") } == [
            "клетка|8в|Физика|04.09.2025|-|Ануфриев Олег|5|ответ|-|-",
            "клетка|8в|Физика|04.09.2025|-|Борисова Вера|4|тест|-|-",
            "клетка|8в|Физика|04.09.2025|-|Ярцева Ольга|3|ответ|-|-",
            "клетка|8в|Физика|11.09.2025|-|Ярцева Ольга|н|-|-|-",
            "клетка|8в|Химия|04.09.2025|-|Ануфриев Олег|2|тест|-|-",
            "клетка|8в|Химия|11.09.2025|-|Ярцева Ольга|н|-|-|-",
        ])
    }

    /// Rows rejected while reading and rows the store rejects afterwards (a repeated cell)
    /// both name the sheet, the row and the column letter; a date where a mark belongs is a
    /// spreadsheet's conversion, rejected.
    @Test func rejectionsNameSheetRowAndColumnLetter() throws {
        let t = TempDir()
        let path = t.path("отметки.xlsx")
        let header: [XlsxFixture.Cell] = ["Группа", "Предмет", "Дата урока", "Урок №", "Обучающийся", "Значение"].map { .text($0) }
        try XlsxFixture.write(to: path, sheets: [.init(name: "Лист 1", rows: [
            header,
            [.text("9а"), .text("Физика"), .date(year: 2025, month: 9, day: 2), .number(1), .text("Петров Пётр"), .number(5)],
            [.text("9а"), .text("Физика"), .serial(60, format: "dd.mm.yyyy"), .number(1), .text("Петров Пётр"), .number(4)],
            nil,
            [.text("9а"), .text("Физика"), .date(year: 2025, month: 9, day: 2), .number(1), .text("Петров Пётр"), .number(5)],
            [.text("9а"), .text("Физика"), .date(year: 2025, month: 9, day: 3), .number(1), .text("Петров Пётр"),
             .date(year: 2025, month: 4, day: 5, format: "d/m")],
        ])])
        let (s, j) = try journal([path], t)
        let f = try #require(s.files.first)
        #expect((f.read, f.accepted, f.rejected) == (4, 1, 3))
        let shown = f.rejections.map { "\($0.location): \($0.reason)" }.sorted()
        #expect(shown == [
            "\(path)[Лист 1]:3:C: дата «29.02.1900» невозможна: такого дня или времени нет в календаре",
            "\(path)[Лист 1]:5:F: строка повторяет строку 2 (та же клетка: тот же обучающийся на том же уроке)",
            "\(path)[Лист 1]:6:F: в столбце «Значение» дата «05.04.2025», а не отметка: табличный редактор, вероятно, превратил отметку (например, «5/4») в дату — задайте столбцу текстовый формат и введите отметку заново",
        ].sorted())
        #expect(j.cells.map(\.value.raw) == ["5"])
        let first = try #require(f.rejections.first)
        let rendered = Diagnostic(location: first.location, message: "x", sourceLine: first.sourceLine).rendered
        #expect(rendered.hasPrefix("\(path)[Лист 1]:"))
    }
}

extension XlsxImportTests {
    /// «4-» saved as the number -4 and «5/4» saved as a date are what a spreadsheet made of
    /// marks: such a row is rejected at that cell (in a table and in a grid), never stored as a
    /// mark no teacher wrote.
    @Test func marksASpreadsheetConvertedAreRejected() throws {
        let t = TempDir()
        let path = t.path("9в.xlsx")
        let table: [[XlsxFixture.Cell]?] = [
            ["Группа", "Предмет", "Дата урока", "Обучающийся", "Значение"],
            ["9в", "Физика", .date(year: 2025, month: 9, day: 1), "Петров Пётр", .number(-4)],
            ["9в", "Физика", .date(year: 2025, month: 9, day: 1), "Сидорова Анна", .number(4)],
        ]
        let grid: [[XlsxFixture.Cell]?] = [
            ["Класс: 9в"], ["Год: 2025/2026"], ["Наименование предмета: Химия"],
            ["№ п/п", "Месяц", "Сентябрь", .empty, "1 четв"],
            [.empty, "Число", .number(1), .number(3), .empty],
            [.number(1), "Петров Пётр", .number(5), .number(-4), .number(5)],
            [.number(2), "Сидорова Анна", .date(year: 2025, month: 4, day: 5, format: "d.m"), .empty, .number(4)],
            [.number(3), "Яковлев Ян", .number(3), "н", .number(3)],
        ]
        try XlsxFixture.write(to: path, sheets: [.init(name: "Физика", rows: table), .init(name: "Химия", rows: grid)])
        let (s, j) = try journal([path], t)
        #expect(s.files.map { [$0.read, $0.accepted, $0.rejected] } == [[2, 1, 1], [3, 1, 2]])
        #expect(s.files.flatMap(\.rejections).map { "\($0.location.line):\($0.location.columnText) \($0.reason.components(separatedBy: ":")[0])" } == [
            "2:E в столбце «Значение» отрицательное число «-4», а не отметка",
            "6:D в столбце «03.09.2025» отрицательное число «-4», а не отметка",
            "7:C в столбце «01.09.2025» дата «05.04.2025», а не отметка",
        ])
        #expect(s.files.first?.rejections.first?.reason.contains("превратил отметку «4-» в число") == true)
        #expect(j.cells.map(\.value.raw).sorted() == ["3", "4", "н"])
    }
}

extension XlsxImportTests {
    /// Cells typed as dates and times are read whatever the profile's format says (the format
    /// is for text); a date cell and a time cell joined give the moment, and a date without
    /// its time — joined or alone — an entry known to the day only.
    @Test func typedDatesAndTimesInTimestampColumns() throws {
        let t = TempDir()
        let path = t.path("время.xlsx")
        let joined: [[XlsxFixture.Cell]?] = [
            ["Группа", "Предмет", "Дата урока", "Обучающийся", "Значение", "Дата записи", "Время записи"],
            ["9в", "Физика", .date(year: 2025, month: 9, day: 2), "Петров Пётр", "5",
             .date(year: 2025, month: 9, day: 2), .serial((10 * 60 + 25) / 1440.0, format: "hh:mm")],
            ["9в", "Физика", .date(year: 2025, month: 9, day: 2), "Сидорова Анна", "4", .date(year: 2025, month: 9, day: 3), .empty],
        ]
        let alone: [[XlsxFixture.Cell]?] = [
            ["Группа", "Предмет", "Дата урока", "Обучающийся", "Значение", "Внесено"],
            ["9в", "Химия", .date(year: 2025, month: 9, day: 4), "Петров Пётр", "3", .date(year: 2025, month: 9, day: 5)],
        ]
        try XlsxFixture.write(to: path, sheets: [.init(name: "Физика", rows: joined), .init(name: "Химия", rows: alone)])
        let profile = try ProfileParser.parse("""
            название = запись в двух столбцах
            таблица = отметки
            признак = Дата записи; Время записи
            формат времени = гггг-мм-дд чч:ми
            [столбцы]
            Дата записи + Время записи = Внесено
            """, file: "p.profile")
        var entered: [String] = []
        for sheet in ["Физика", "Химия"] {
            let sink = RecordCollector()
            let r = try FileImporter(profiles: [profile]).run(path: path, displayName: "время.xlsx[\(sheet)]", sheet: sheet, sink: sink)
            #expect(r.rejected == 0)
            entered += sink.cells.map { "\($0.cell.enteredAt?.description ?? "-") \($0.cell.enteredAt?.isDayOnly == true)" }
        }
        #expect(entered == ["02.09.2025 10:25 false", "03.09.2025 true", "05.09.2025 true"])
    }
}

/// The same lines (a journal dump); on a difference, up to five lines of each side.
func expectSameLines(_ a: [String], _ b: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let onlyA = a.filter { !Set(b).contains($0) }, onlyB = b.filter { !Set(a).contains($0) }
    #expect(onlyA.isEmpty && onlyB.isEmpty && a.count == b.count,
            "first only: \(onlyA.prefix(5)); second only: \(onlyB.prefix(5))", sourceLocation: sourceLocation)
}

extension XlsxFixture.Cell: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .text(value) }
}
