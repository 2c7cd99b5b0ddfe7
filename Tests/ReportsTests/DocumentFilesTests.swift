import Foundation
import Testing
import JournalModel
@testable import Reports

/// `--out записка.docx --out записка.md`: all the files of one document appear together or none does.
@Suite struct DocumentFilesTests {
    let package = DocxPackage(title: "Т", author: "А", date: LocalDate(dayNumber: 20346),
                              documentXML: DocxXML.document([]))

    @Test func writesEveryFormat() throws {
        let dir = try MemoFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docx = dir.appendingPathComponent("записка.docx").path, md = dir.appendingPathComponent("записка.md").path
        try DocumentFiles.write([.init(path: docx, contents: .docx(package)), .init(path: md, contents: .text("# Записка\n"))])
        #expect(try String(contentsOfFile: md, encoding: .utf8) == "# Записка\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: docx)).prefix(2) == Data("PK".utf8))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["записка.docx", "записка.md"])
    }

    @Test func oneFailedFileLeavesTheOthersUntouched() throws {
        let dir = try MemoFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docx = dir.appendingPathComponent("записка.docx").path
        try Data("старая".utf8).write(to: URL(fileURLWithPath: docx))
        // The second target is an existing non-empty folder: the finished file cannot replace it.
        let md = dir.appendingPathComponent("записка.md").path
        try FileManager.default.createDirectory(atPath: md + "/inside", withIntermediateDirectories: true)
        let error = #expect(throws: MemoError.self) {
            try DocumentFiles.write([.init(path: docx, contents: .docx(package)), .init(path: md, contents: .text("x"))])
        }
        #expect(error?.diagnostics.first?.message.hasPrefix("не удалось записать \(md)") == true)
        // No temporary file is left and the first target still holds the old file.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["записка.docx", "записка.md"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: docx)) == Data("старая".utf8))
    }

    @Test func missingFolderWritesNothing() throws {
        let dir = try MemoFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = dir.appendingPathComponent("записка.md").path
        let docx = dir.appendingPathComponent("нет/записка.docx").path
        #expect(throws: MemoError.self) {
            try DocumentFiles.write([.init(path: md, contents: .text("x")), .init(path: docx, contents: .docx(package))])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
