import Foundation
import Testing
import ZIPFoundation
@testable import WebServer

/// «Документы»: the same files the CLI writes from the same data.
@Suite(.serialized) struct DocumentTests {
    /// The parts of an XLSX that hold what a reader sees (sheets and their strings), with the
    /// moments of the check (they differ between two runs) masked.
    func contents(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive where entry.path.hasPrefix("xl/worksheets/") || entry.path == "xl/sharedStrings.xml" || entry.path == "xl/workbook.xml" {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            out[entry.path] = String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: #"\d\d\.\d\d\.\d{4} \d\d:\d\d(:\d\d)?"#, with: "МОМЕНТ", options: .regularExpression)
        }
        return out
    }

    @Test func theXLSXReportEqualsCheckOutOnTheSameData() async throws {
        let dir = try temporaryFolder("cli")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cli = try CLIReference.run(["check", exampleFolder.path, "--rules", "oosh14", "--out", dir + "/report.xlsx"])
        #expect(cli.status == 1, "\(cli.stderr)")
        let expected = try contents(try Data(contentsOf: URL(fileURLWithPath: dir + "/report.xlsx")))
        #expect(expected.count > 3)
        try await withWebApp("xlsx") { browser, _ in
            _ = try await browser.importFiles(try exampleFiles())
            _ = try await browser.get("/check")
            _ = try await browser.runCheck([("pack", "oosh14"), ("window", "all")])
            let xlsx = try await browser.get("/checks/1/report.xlsx")
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
            let got = try contents(xlsx.data)
            #expect(Set(got.keys) == Set(expected.keys))
            for (part, text) in expected { #expect(got[part] == text, "\(part) differs") }
        }
    }

    @Test func aClassMemoAndAllMemosAndTheSpravkaAreTheCLIsDocuments() async throws {
        let dir = try temporaryFolder("memo")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLIReference.run(["memo", exampleFolder.path, "--rules", "oosh14", "--group", "7б", "--week", "08.10.2025", "--out", dir + "/memo.md"])
        try CLIReference.run(["inspection", exampleFolder.path, "--rules", "oosh14", "--month", "10.2025", "--out", dir + "/spravka.md"])
        let memo = try String(contentsOfFile: dir + "/memo.md", encoding: .utf8)
        let spravka = try String(contentsOfFile: dir + "/spravka.md", encoding: .utf8)
        try await withWebApp("memo") { browser, _ in
            _ = try await browser.importFiles(try exampleFiles())
            let md = try await browser.get("/documents/memo?pack=oosh14&group=7%D0%B1&week=08.10.2025&format=md")
            #expect(md.status == .ok)
            #expect(md.text == memo)
            let docx = try await browser.get("/documents/memo?pack=oosh14&group=7%D0%B1&week=08.10.2025&format=docx")
            let docxArchive = try Archive(data: docx.data, accessMode: .read)
            #expect(docxArchive["word/document.xml"] != nil)
            let zip = try await browser.get("/documents/memos.zip?pack=oosh14&week=08.10.2025&format=md")
            let all = try Archive(data: zip.data, accessMode: .read)
            let entry = try #require(all["записка-7б.md"])
            var bytes = Data()
            _ = try all.extract(entry) { bytes.append($0) }
            #expect(String(decoding: bytes, as: UTF8.self) == memo)
            let sp = try await browser.get("/documents/spravka?pack=oosh14&month=10.2025&format=md")
            #expect(sp.text == spravka)
            if sp.text != spravka {
                try? sp.data.write(to: URL(fileURLWithPath: "/tmp/web-spravka-test.md"))
                try? Data(spravka.utf8).write(to: URL(fileURLWithPath: "/tmp/cli-spravka-test.md"))
            }
            // A week with no lessons: no memo, and the page says why.
            let quiet = try await browser.get("/documents/memo?pack=oosh14&group=7%D0%B1&week=05.01.2026&format=md")
            #expect(visibleText(quiet.text).contains("нарушений не выявлено") || quiet.status == .badRequest)
        }
    }

    @Test func theRequisitesFormIsSavedValidatedAndUsed() async throws {
        try await withWebApp("requisites") { browser, folder in
            _ = try await browser.importFiles(try exampleFiles())
            _ = try await browser.get("/documents")
            let bad = try await browser.post("/documents/requisites", [("Номер записки", "СЗ-15"), ("Дата", "35.10.2025")])
            #expect(bad.status == .badRequest)
            #expect(visibleText(bad.text).contains("дата «35.10.2025» не распознана"))
            #expect(bad.text.contains("value=\"СЗ-15\""), "what was typed stays in the form")
            #expect(!FileManager.default.fileExists(atPath: folder + "/реквизиты.txt"))
            let good = try await browser.post("/documents/requisites", [("Номер записки", "СЗ-15"), ("Дата", "20.10.2025"),
                                                                          ("Автор записки", "Иванова Мария Сергеевна")])
            #expect(good.status == .ok)
            #expect(visibleText(good.text).contains("реквизиты сохранены"))
            let mode = (try FileManager.default.attributesOfItem(atPath: folder + "/реквизиты.txt")[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600)
            #expect(try await browser.get("/documents").text.contains("value=\"СЗ-15\""))
            let md = try await browser.get("/documents/memo?pack=oosh14&group=7%D0%B1&week=08.10.2025&format=md").text
            #expect(md.contains("СЗ-15"))
            #expect(md.contains("20.10.2025"))
        }
    }
}
