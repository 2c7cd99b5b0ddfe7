import Foundation
import Testing
@testable import JournalImport

/// Rows, fields and physical line numbers as the streaming reader reports them.
@Suite struct CSVReaderTests {
    func rows(_ path: String) throws -> [(line: Int, fields: [String])] {
        var out: [(Int, [String])] = []
        try CSVFileReader(path: path).read { (r: CSVRow) throws(ImportFailure) in out.append((r.line, try r.texts())) }
        return out
    }

    @Test func crlfQuotedNewlinesAndBlankLinesKeepLineNumbers() throws {
        let t = TempDir()
        let p = try t.write("a.csv", "a;b\r\n\"x\ny\";2\r\n\r\nlast;\"q\"\"uote\"\r\n")
        let r = try rows(p)
        #expect(r.count == 3)
        #expect(r[0].line == 1 && r[0].fields == ["a", "b"])
        #expect(r[1].line == 2 && r[1].fields == ["x\ny", "2"])
        #expect(r[2].line == 5 && r[2].fields == ["last", "q\"uote"])
    }

    @Test func rowsCrossingChunkBoundariesAreWhole() throws {
        let t = TempDir()
        // ~3 MB: several 1 MB chunks; every row must come out intact with its line number.
        var s = "Группа;Текст\n"
        for i in 0..<60_000 { s += "7б;\"строка \(i)\nвторая часть\"\n" }
        let p = try t.write("big.csv", s)
        let r = try rows(p)
        #expect(r.count == 60_001)
        #expect(r[60_000].fields == ["7б", "строка 59999\nвторая часть"])
        #expect(r[60_000].line == 2 + 59_999 * 2)
        #expect(r.dropFirst().allSatisfy { $0.fields.count == 2 && $0.fields[1].hasSuffix("вторая часть") })
    }

    @Test func windows1251IsDecodedLikeFoundation() throws {
        let t = TempDir()
        let text = "Ёжик;ёлка;АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ;абвгдежзийклмнопрстуфхцчшщъыьэюя;№ 5 «кавычки»\n"
        let p = try t.write("w.csv", bytes: cp1251(text))
        let reader = try CSVFileReader(path: p)
        var fields: [String] = []
        try reader.read { (r: CSVRow) throws(ImportFailure) in fields = try r.texts() }
        #expect(reader.encoding == .cp1251)
        let foundation = String(data: Data(cp1251(text)), encoding: .windowsCP1251)!
        #expect(fields.joined(separator: ";") + "\n" == foundation)
        #expect(fields[0] == "Ёжик" && fields[4] == "№ 5 «кавычки»")
    }

    /// A file named through a symbolic link has the size of the file it leads to (4,000 bytes
    /// written), not the link's: a large file is then parsed on its own thread, and the
    /// progress counts against its real size.
    @Test func aLinkedFileHasItsTargetsSize() throws {
        let t = TempDir()
        let p = try t.write("big.csv", String(repeating: "a;b\n", count: 1000))
        let link = t.path("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: p)
        #expect(try CSVFileReader(path: link).fileSize == 4000)
        #expect(try CSVFileReader(path: p).fileSize == 4000)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let t = TempDir()
        let p = try t.write("b.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("Дата;Тема\n01.09.2025;Т1\n".utf8))
        let reader = try CSVFileReader(path: p)
        var first: [String] = []
        try reader.read { (r: CSVRow) throws(ImportFailure) in if first.isEmpty { first = try r.texts() } }
        #expect(reader.encoding == .utf8BOM)
        #expect(first == ["Дата", "Тема"])
    }
}

@Suite struct SniffingTests {
    @Test func encodings() {
        #expect(TextEncoding.sniff(Array("Дата;Тема".utf8)) == .encoding(.utf8))
        #expect(TextEncoding.sniff([0xEF, 0xBB, 0xBF, 0x41]) == .encoding(.utf8BOM))
        #expect(TextEncoding.sniff(cp1251("Класс: 7б;Алгебра")) == .encoding(.cp1251))
        // A UTF-8 prefix cut inside a two-byte letter is still UTF-8.
        #expect(TextEncoding.sniff(Array(Array("Да".utf8).dropLast())) == .encoding(.utf8))
        guard case .unsupported(let why) = TextEncoding.sniff([0xFF, 0xFE, 0x14, 0x04]) else { Issue.record("UTF-16 accepted"); return }
        #expect(why.contains("UTF-16"))
    }

    @Test func utf8ValidationMatchesTheStandardLibrary() {
        let cases: [[UInt8]] = [Array("Журнал 7б: «5/4», № 3 — ok".utf8), Array("😀 emoji and ASCII only text".utf8),
                                [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
                                [0xF4, 0x90, 0x80, 0x80], Array("abcdefgh".utf8) + [0xFF] + Array("ijklmnop".utf8), []]
        for c in cases {
            let ours = c.withUnsafeBufferPointer { UTF8Text.string($0) }
            #expect(ours == String(validating: c, as: UTF8.self), "\(c)")
        }
    }

    /// Every sequence of one or two bytes, and three- and four-byte sequences over the lead
    /// bytes E0–F4 with boundary values after them: `UTF8Text.string` (texts) and
    /// `UTF8Text.isValid` (names) take exactly what the standard library's validation takes.
    @Test func textsAndNamesTakeExactlyTheUTF8TheStandardLibraryTakes() {
        let tail: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        var cases: [[UInt8]] = (0...255).map { [UInt8($0)] }
        for a in 0...255 { for b in 0...255 { cases.append([UInt8(a), UInt8(b)]) } }
        for lead in UInt8(0xE0)...0xF4 { for b in tail { for c in tail { cases.append([lead, b, c]); for d in tail { cases.append([lead, b, c, d]) } } } }
        var mismatches = 0
        for c in cases {
            let expected = String(validating: c, as: UTF8.self)
            let text = c.withUnsafeBufferPointer { UTF8Text.string($0) }
            let valid = c.withUnsafeBufferPointer { UTF8Text.isValid($0) }
            if text != expected || valid != (expected != nil) || text.map({ Array($0.utf8) != c }) == true { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(cases.count == 256 + 65_536 + 21 * (11 * 11 + 11 * 11 * 11))
    }

    @Test func delimiters() {
        #expect(Delimiter.sniff(Array("a;b;c\n1;2;3\n".utf8)) == UInt8(ascii: ";"))
        #expect(Delimiter.sniff(Array("a,b,c\n1,2,3\n".utf8)) == UInt8(ascii: ","))
        #expect(Delimiter.sniff(Array("a\tb\n1\t2\n".utf8)) == 0x09)
        // Commas inside the values do not outvote a consistent semicolon.
        let topics = "Класс: 7б\nПредмет: Алгебра\n\nДата;Тема урока;ДЗ\n01.09.2025;Тема 1;§1, № 10, 11\n03.09.2025;Тема 2;§1, вопросы 1–4\n05.09.2025;Т;§1, № 12, 13\n"
        #expect(Delimiter.sniff(Array(topics.utf8)) == UInt8(ascii: ";"))
        // Delimiters inside quotes do not count.
        #expect(Delimiter.sniff(Array("a;\"x,y,z\"\nb;\"1,2,3\"\n".utf8)) == UInt8(ascii: ";"))
    }

    @Test func datePatterns() {
        let p = DatePattern("дд.мм.гггг чч:ми")!
        #expect(p.timestamp("01.09.2025 13:31")?.description == "01.09.2025 13:31")
        #expect(p.timestamp("31.02.2025 10:00") == nil)
        #expect(DatePattern("гггг-мм-дд")!.timestamp("2025-09-01")?.date.description == "01.09.2025")
        #expect(DatePattern("дд/мм/гг")!.timestamp("05/11/25")?.date.description == "05.11.2025")
    }

    @Test func groupNamesRepeatedInBracketsAreNormalised() {
        #expect(GroupName.normalize("7б (7б)") == "7б")
        #expect(GroupName.normalize(" 10А ") == "10А")
        #expect(GroupName.normalize("ИС-21 (база)") == "ИС-21 (база)")
    }
}
