import Foundation
import Testing
import ZIPFoundation

/// `zhurnal memo … --out записка.docx --out записка.md`: one check, both documents, the same content.
@Suite(.serialized) struct MemoOutputsCLITests {
    @Test func repeatedOutWritesDocxAndMarkdownFromOneRun() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docx = dir.appendingPathComponent("memo-7b.docx").path, md = dir.appendingPathComponent("memo-7b.md").path
        let r = try CLIRunner.run(["memo", "examples/7b-algebra", "--rules", "rules/oosh14.rules",
                                   "--group", "7б", "--week", "08.10.2025", "--out", docx, "--out", md])
        #expect(r.status == 1, "a memo was made → exit 1; stderr: \(r.stderr)")
        #expect(r.stderr.contains("записано: \(docx)") && r.stderr.contains("записано: \(md)"))
        // The journal was loaded and checked once.
        #expect(r.stderr.components(separatedBy: "импорт: файлов").count - 1 == 1)

        let text = try String(contentsOfFile: md, encoding: .utf8)
        #expect(text.contains("СЛУЖЕБНАЯ ЗАПИСКА"))
        let total = try #require(text.firstMatch(of: /\(всего (\d+) нарушени/)).1
        // 5 late or wrong entries of 06–10.10, and two «2»s of Fri 03.10 (Соколов Тимофей, Чернов
        // Никита in marks_log_7b_algebra.csv) not re-assessed by 07.10 although both were at the
        // 06.10 lesson: due 07.10, so in this week's memo (п. 4.1).
        #expect(total == "7")

        let archive = try Archive(url: URL(fileURLWithPath: docx), accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        let xml = String(decoding: data, as: UTF8.self)
        #expect(xml.contains("(всего \(total) нарушени"))
        for teacher in ["Кузнецов Павел Андреевич", "Смирнова Ольга Петровна"] {
            #expect(text.contains(teacher) && xml.contains(teacher), "\(teacher) in both documents")
        }
        // «п.» never parts from its number in the printed memo.
        #expect(xml.contains("п.\u{00A0}3.2.4.2") && text.contains("п.\u{00A0}3.2.4.2"))
        #expect(xml.firstMatch(of: /п\. \d/) == nil)
    }

    @Test func unknownExtensionAmongOutputsWritesNothing() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = dir.appendingPathComponent("memo.md").path, pdf = dir.appendingPathComponent("memo.pdf").path
        let r = try CLIRunner.run(["memo", "examples/7b-algebra", "--rules", "rules/oosh14.rules",
                                   "--group", "7б", "--week", "08.10.2025", "--out", md, "--out", pdf])
        #expect(r.status == 2)
        #expect(r.stderr.contains("непонятный формат «\(pdf)»: укажите файл .docx или .md"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
