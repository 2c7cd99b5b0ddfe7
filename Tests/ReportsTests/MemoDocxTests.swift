import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
import JournalModel
@testable import Reports

@Suite struct MemoDocxTests {
    /// Writes the fixture memo as .docx and returns the package's parts by path.
    func writtenParts() throws -> [String: String] {
        let memo = try #require(ServiceMemo.build(report: MemoFixture.report, journal: MemoFixture.journal,
                                                  group: "ИС-21", week: MemoFixture.week, settings: MemoSettings()))
        let dir = try MemoFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("записка.docx")
        try DocxWriter.write(try MemoRenderer.docx(memo, templates: MemoFixture.templates), to: file.path)
        MemoFixture.keepPreview(file)
        let archive = try Archive(url: file, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    /// The text of each paragraph of document.xml, in order (table cells are paragraphs too).
    func paragraphs(_ xml: String) -> [String] {
        xml.components(separatedBy: "</w:p>").dropLast().map { chunk in
            var text = "", inTag = false
            for c in chunk.components(separatedBy: "<w:p>").last ?? "" {
                if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
            }
            return text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
        }
    }

    @Test func packageHasEveryPart() throws {
        let parts = try writtenParts()
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                                    "word/settings.xml", "word/fontTable.xml", "word/header1.xml", "word/_rels/document.xml.rels",
                                    "docProps/core.xml", "docProps/app.xml"])
        #expect(parts["word/styles.xml"]?.contains("w:ascii=\"Times New Roman\"") == true)
        #expect(parts["word/styles.xml"]?.contains("<w:sz w:val=\"28\"/>") == true)
        let doc = try #require(parts["word/document.xml"])
        #expect(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(doc.contains("w:right=\"850\"") && doc.contains("w:left=\"1701\""))
        #expect(parts["docProps/core.xml"]?.contains("<dc:creator>Иванова Мария Сергеевна</dc:creator>") == true)
        // Table properties in schema order (Word refuses a document otherwise).
        let tblPr = try #require(doc.components(separatedBy: "<w:tblPr>").dropFirst().first)
        #expect(tblPr.hasPrefix("<w:tblW ") && tblPr.contains("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"))
        // Every part is well-formed XML.
        for (path, xml) in parts {
            #expect(XMLParser(data: Data(xml.utf8)).parse(), "\(path) is not well-formed")
        }
    }

    @Test func documentTextHasRequisitesBodyTableAndSignature() throws {
        let doc = try #require(try writtenParts()["word/document.xml"])
        let ps = paragraphs(doc).filter { !$0.isEmpty }
        #expect(Array(ps.prefix(6)) == [
            "Заместителю директора по учебно-воспитательной работе", "Петровой А.А.", "от Ивановой М.С.",
            "СЛУЖЕБНАЯ ЗАПИСКА", "15.09.2025 № ____________",
            "О несвоевременном заполнении электронного журнала и нарушениях порядка его заполнения",
        ])
        #expect(ps.contains("""
            2) Смирнова Ольга Петровна, преподаватель математики (Математика): отметки внесены с опозданием за \
            занятия 08.09.2025, 10.09.2025 — 3 отметки, наибольшая задержка 1 сут. 2 ч (п.\u{00A0}4.3); не выполнено \
            требование «У каждого урока есть тема» за занятие 10.09.2025 (п.\u{00A0}4.6).
            """))
        // Header + 5 rows in the table of violations, then the signature row.
        #expect(doc.components(separatedBy: "<w:tr>").count - 1 == 7)
        #expect(doc.components(separatedBy: "<w:tblHeader/>").count - 1 == 1)
        let header = ["№", "Дата занятия", "Преподаватель, предмет", "Нарушение", "Кол-во", "Задержка (наиб.)", "Пункт"]
        let start = try #require(ps.firstIndex(of: "№"))
        #expect(Array(ps[start..<(start + 7)]) == header)
        #expect(Array(ps[(start + 7)..<(start + 14)]) == ["1", "08.09.2025", "Смирнова О.П., Математика",
                                                          "Отметки внесены с опозданием", "2", "1 сут. 2 ч", "п.\u{00A0}4.3"])
        #expect(Array(ps.suffix(3)) == ["Куратор группы ИС-21", "____________", "М.С. Иванова"])
        // Journal text is escaped, never markup.
        #expect(doc.contains("Информатика &amp; ИКТ") && !doc.contains("Информатика & ИКТ"))
        #expect(!doc.contains("Абрамов"))
    }

    @Test func clauseNumbersStayOnTheLineOfTheirSign() throws {
        let doc = try #require(try writtenParts()["word/document.xml"])
        // «п.» and the number joined by U+00A0 in the body text and in the table's clause column.
        #expect(doc.contains("(п.\u{00A0}4.3)") && doc.contains("(п.\u{00A0}2.7)"))
        #expect(doc.contains(">п.\u{00A0}4.3</w:t>"))
        #expect(doc.firstMatch(of: /п\.[ \t]*\d/) == nil, "a clause number may break from «п.»")
        // The no-break space is plain UTF-8 text of a well-formed part, not an entity or a dropped character.
        #expect(Data(doc.utf8).range(of: Data([0xD0, 0xBF, 0x2E, 0xC2, 0xA0, 0x34])) != nil)
        #expect(XMLParser(data: Data(doc.utf8)).parse())
    }

    @Test func markupInJournalTextStaysText() throws {
        let text = "[таблица] A | B\n{{x}}"
        let rendered = try TemplateText.render(text, file: "t.docx.mustache", format: .docx,
                                               context: ["x": "[центр] <b>&\"|\n"], schema: .leaves(["x"]))
        let blocks = DocxMarkup.parse(rendered)
        #expect(blocks == [.table(.init(header: ["A", "B"], rows: [])),
                           .paragraph(.init(text: "[центр] <b>&\"|", align: .justified, bold: false))])
        let xml = DocxXML.document(blocks)
        #expect(xml.contains("[центр] &lt;b&gt;&amp;&quot;|"))
    }
}
