import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// The workbook reader: what text each kind of cell gives, where rows and merged areas land,
/// and locations `книга.xlsx[Лист]:строка:столбец`. Expected texts are the fixtures' own values
/// written the way the reader documents (`SheetParser`).
@Suite struct XlsxReaderTests {
    /// Rows of a sheet: line, texts, typed flags.
    func rows(_ path: String, sheet: String) throws -> [(line: Int, texts: [String], typed: [Bool])] {
        let reader = try XlsxSheetReader(path: path, sheet: sheet, displayName: "книга.xlsx[\(sheet)]")
        var out: [(Int, [String], [Bool])] = []
        try reader.read { (row: CSVRow) throws(ImportFailure) in
            out.append((row.line, try row.texts(), (0..<row.count).map { row.isTyped($0) }))
        }
        return out
    }

    static let cells: [[XlsxFixture.Cell]] = [
        [.text("Текст"), .number(5), .number(4.5), .bool(true), .bool(false), .number(1234567890123)],
        [.date(year: 2025, month: 9, day: 2), .date(year: 2025, month: 9, day: 2, hour: 10, minute: 25, format: "dd.mm.yyyy hh:mm"),
         .serial(8.5 / 24, format: "hh:mm"), .date(year: 2026, month: 1, day: 12, hour: 8, minute: 30, second: 15, format: "yyyy-mm-dd hh:mm:ss"),
         .serial(45931, format: "mmmm"), .serial(45931, format: "d")],
        [.text("«Дроби»; повторение & \"кавычки\""), .text("  пробелы  "), .number(0.1 + 0.2), .number(-3), .serial(7, format: "000")],
    ]

    /// Row 1 (1-based) holds texts and numbers, row 2 dates and times, row 3 awkward texts;
    /// both string modes give the same texts.
    @Test(arguments: [false, true]) func cellTexts(inlineStrings: Bool) throws {
        let t = TempDir()
        let path = t.path("типы.xlsx")
        try XlsxFixture.write(to: path, sheets: [.init(name: "Типы", rows: Self.cells)], inlineStrings: inlineStrings)
        let sheetXML = try XlsxFixture.part("xl/worksheets/sheet1.xml", of: path)
        #expect(sheetXML.contains("t=\"inlineStr\"") == inlineStrings, "the fixture exercises the string mode it names")
        let r = try rows(path, sheet: "Типы")
        #expect(r.map(\.line) == [1, 2, 3])
        #expect(r[0].texts == ["Текст", "5", "4.5", "ИСТИНА", "ЛОЖЬ", "1234567890123"])
        #expect(r[0].typed.allSatisfy { !$0 })
        // 45931 is 1 October 2025 (45658 = 01.01.2025, + 273 days).
        #expect(r[1].texts == ["02.09.2025", "02.09.2025 10:25", "08:30", "12.01.2026 08:30:15", "Октябрь", "1"])
        #expect(r[1].typed == [true, true, true, true, false, false])
        #expect(r[2].texts == ["«Дроби»; повторение & \"кавычки\"", "  пробелы  ", "0.3", "-3", "007"])
    }

    /// Day 60 of the 1900 system is the 29 February 1900 Excel counts but no calendar has;
    /// the days around it are the 28 February and the 1 March.
    @Test func theLeapYearBugOf1900() throws {
        let t = TempDir()
        let path = t.path("1900.xlsx")
        try XlsxFixture.write(to: path, sheets: [.init(name: "Л", rows: [[.serial(59, format: "dd.mm.yyyy"), .serial(60, format: "dd.mm.yyyy"),
                                                                        .serial(61, format: "dd.mm.yyyy"), .serial(1, format: "dd.mm.yyyy")]])])
        #expect(try rows(path, sheet: "Л")[0].texts == ["28.02.1900", "29.02.1900", "01.03.1900", "01.01.1900"])
    }

    /// Empty rows are left out but keep their numbers; columns without cells are empty fields.
    @Test func emptyRowsAndGapsKeepTheirPlaces() throws {
        let t = TempDir()
        let path = t.path("пропуски.xlsx")
        try XlsxFixture.write(to: path, sheets: [.init(name: "Л", rows: [[.text("a")], nil, [.empty, .empty, .text("c")], [.text(" ")], [.text("e")]])])
        let r = try rows(path, sheet: "Л")
        #expect(r.map(\.line) == [1, 3, 5])
        #expect(r[1].texts == ["", "", "c"])
    }

    /// A merged area repeats its value down its first column; across columns it stays in the
    /// first (the other cells of the area are empty).
    @Test func mergedAreas() throws {
        let t = TempDir()
        let path = t.path("слияния.xlsx")
        let rows: [[XlsxFixture.Cell]?] = [
            [.empty, .empty, .empty, .text("x")],
            [.empty, .text("b2"), .empty, .text("y")],
            [.empty, .empty, .empty, .text("z")],
        ]
        try XlsxFixture.write(to: path, sheets: [.init(name: "Л", rows: rows, merges: [
            (0, 0, 2, 0, .text("вниз")),        // A1:A3
            (0, 1, 0, 2, .text("вправо")),      // B1:C1
        ])])
        let r = try self.rows(path, sheet: "Л")
        #expect(r.map(\.texts) == [["вниз", "вправо", "", "x"], ["вниз", "b2", "", "y"], ["вниз", "", "", "z"]])
    }

    /// A workbook written by hand: the 1904 date system, namespace prefixes, cells without
    /// references, rich text with a phonetic run, escapes, formula results, errors, an ISO date
    /// cell (`t="d"`, read in the same form as a number in a date format).
    @Test func handWrittenParts() throws {
        let t = TempDir()
        let path = t.path("руками.xlsx")
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        try XlsxFixture.writeParts(to: path, sheetXML: """
            <x:worksheet xmlns:x="\(ns)"><x:sheetData>\
            <x:row r="2"><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c>\
            <x:c t="str"><x:f>A1&amp;"!"</x:f><x:v>итог</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c>\
            <x:c t="d"><x:v>2025-09-02T00:00:00</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>в</x:t></x:r><x:r><x:t xml:space="preserve"> строке</x:t></x:r></x:is></x:c></x:row>\
            <x:row><x:c r="C3"><x:v>1</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>\
            </x:sheetData><x:mergeCells count="0"/></x:worksheet>
            """, sharedStrings: """
            <sst xmlns="\(ns)" count="2" uniqueCount="2"><si><r><t>Ива</t></r><r><t>нов</t></r><rPh sb="0" eb="1"><t>ИГНОР</t></rPh></si>\
            <si><t>А&amp;Б&#x20;&#1042;_x000D_</t></si></sst>
            """, styles: """
            <styleSheet xmlns="\(ns)"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-419]DD/MM/YYYY"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>
            """, date1904: true)
        let r = try rows(path, sheet: "Лист1")
        #expect(r.map(\.line) == [2, 3])
        #expect(r[0].texts == ["Иванов", "А&Б В\r", "01.01.1904", "итог", "#N/A", "02.09.2025 00:00", "в строке"])
        #expect(r[0].typed == [false, false, true, false, false, true, false])
        #expect(r[1].texts == ["", "", "1", "ИСТИНА"])
    }

    @Test func sheetsOfAWorkbook() throws {
        let t = TempDir()
        let path = t.path("книга.xlsx")
        try XlsxFixture.write(to: path, sheets: [.init(name: "Оценки", rows: [[.text("a")]]),
                                                 .init(name: "Скрытый", rows: [[.text("b")]], hidden: true)])
        let sheets = try Workbook.sheets(path: path, displayName: "книга.xlsx")
        #expect(sheets == [.init(name: "Оценки", skipReason: nil), .init(name: "Скрытый", skipReason: "скрытый лист")])
        let missing = expectFailure { _ = try XlsxSheetReader(path: path, sheet: "Нет", displayName: "книга.xlsx") }
        #expect(missing?.diagnostic.rendered == "книга.xlsx:1:1: ошибка: в книге нет листа «Нет»\nподсказка: листы книги: «Оценки», «Скрытый»")
    }

    @Test func notAWorkbook() throws {
        let t = TempDir()
        let xls = try t.write("старая.xls", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 100))
        let f = expectFailure { _ = try importFiles([xls], db: t.path("j.sqlite")) }
        #expect(f?.diagnostic.rendered == "\(xls):1:1: ошибка: это книга Excel 97–2003 (.xls) или книга, защищённая паролем: такие файлы не читаются\n"
                + "подсказка: сохраните файл в Excel или LibreOffice как «Книга Excel (.xlsx)» или как CSV")
        let zip = try t.write("архив.xlsx", bytes: Array("PK\u{03}\u{04}broken".utf8))
        #expect(expectFailure { _ = try importFiles([zip], db: t.path("j.sqlite")) }?.diagnostic.message
                == "файл не читается как книга XLSX (архив ZIP повреждён)")
    }

    @Test func columnLetters() {
        #expect([0, 25, 26, 27, 701, 702, 16383].map(CellReference.letters) == ["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"])
        #expect(CellReference("$AB$12") == CellReference(column: 27, row: 12))
    }
}

extension CellReference {
    init(column: Int, row: Int) {
        self = CellReference("A1")!
        self.column = column
        self.row = row
    }
}
