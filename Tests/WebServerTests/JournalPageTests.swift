import Foundation
import Testing
@testable import WebServer

/// «Журнал»: uploads go through the CLI's import into the workspace database.
@Suite struct JournalPageTests {
    /// Data rows of a simple CSV (every non-empty line after the header is a row).
    func rows(_ name: String) throws -> Int {
        let text = try String(contentsOf: exampleFolder.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count - 1
    }

    @Test func uploadingTheExampleShowsItsImportReportAndKeepsTheWorkspacePrivate() async throws {
        // marks_log: 391 lines = header + 390 marks; lessons_log: 48 lines = header + 47 lessons.
        let marks = try rows("marks_log_7b_algebra.csv"), lessons = try rows("lessons_log_7b_algebra.csv")
        #expect(marks == 390 && lessons == 47)
        try await withWebApp("upload") { browser, folder in
            let report = try await browser.importFiles(try exampleFiles())
            #expect(report.status == .ok)
            let text = visibleText(report.text)
            for (name, _) in try exampleFiles() { #expect(text.contains(name), "\(name) is listed") }
            #expect(text.contains("marks_log_7b_algebra.csv журнал отметок (лог выставления) UTF-8 «;» \(marks) \(marks) 0"))
            #expect(text.contains("lessons_log_7b_algebra.csv журнал уроков (лог занятий) UTF-8 «,» \(lessons) \(lessons) 0"))
            #expect(text.contains("Все строки приняты"))
            // The workspace: a 0700 folder, the database 0600.
            let fm = FileManager.default
            let dirMode = (try fm.attributesOfItem(atPath: folder)[.posixPermissions] as? NSNumber)?.intValue
            let dbMode = (try fm.attributesOfItem(atPath: folder + "/журнал.sqlite")[.posixPermissions] as? NSNumber)?.intValue
            #expect(dirMode == 0o700)
            #expect(dbMode == 0o600)
            // Uploaded copies are not kept after the import.
            #expect(try fm.contentsOfDirectory(atPath: folder + "/uploads").isEmpty)

            // A later export of the same journal: the same database, a second entry in the list.
            let again = visibleText(try await browser.importFiles(try exampleFiles()).text)
            #expect(again.contains("marks_log_7b_algebra.csv уже загружен (пакет № 1) — без изменений"))
            let list = visibleText(try await browser.get("/journal").text)
            #expect(list.contains("отчёт об импорте"))
            #expect(list.components(separatedBy: "отчёт об импорте").count - 1 == 2)
        }
    }

    @Test func aRejectedRowIsShownWithFileLineAndColumnAndDownloadsAsCSV() async throws {
        // Line 392 of the marks table: a lesson on 31 February.
        var files = try exampleFiles()
        let i = try #require(files.firstIndex { $0.0 == "marks_log_7b_algebra.csv" })
        files[i].1.append(Data("7б;Алгебра;31.02.2025;2;Васильев Никита;4;устный ответ;01.09.2025 13:31;Смирнова Ольга Петровна\n".utf8))
        let upload = files
        try await withWebApp("rejects") { browser, folder in
            let report = try await browser.importFiles(upload)
            let text = visibleText(report.text)
            #expect(text.contains("Отклонённые строки (1)"))
            #expect(text.contains("marks_log_7b_algebra.csv:392:"))
            let csv = try await browser.get("/journal/imports/1/rejects.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.contains("\"marks_log_7b_algebra.csv\";392;"))
            #expect(csv.text.contains("31.02.2025"))
            let mode = (try FileManager.default.attributesOfItem(atPath: folder + "/imports/1/отклонённые.csv")[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600)
        }
    }

    @Test func aZipOfTheExportImportsLikeTheFiles() async throws {
        let zip = try ZipFixture.make(try exampleFiles().map { ("7b/" + $0.0, $0.1) })
        try await withWebApp("zip") { browser, _ in
            let text = visibleText(try await browser.importFiles([("выгрузка.zip", zip)]).text)
            #expect(text.contains("marks_log_7b_algebra.csv"))
            #expect(text.contains("Все строки приняты"))
        }
    }

    @Test func aZipMadeByWindowsKeepsItsRussianFileNames() async throws {
        // «группы.csv» in code page 866: г=0xA3 р=0xE0 у=0xE3 п=0xAF п=0xAF ы=0xEB, then «.csv».
        let name: [UInt8] = [0xA3, 0xE0, 0xE3, 0xAF, 0xAF, 0xEB] + Array(".csv".utf8)
        var entries = try exampleFiles().filter { $0.0 != "группы.csv" }.map { (name: Array($0.0.utf8), data: $0.1) }
        entries.append((name: name, data: try Data(contentsOf: exampleFolder.appendingPathComponent("группы.csv"))))
        // The placeholders are ASCII only for the one entry renamed; the others keep UTF-8 names.
        let zip = try ZipFixture.windows([entries.removeLast()])
        let others = try ZipFixture.make(entries.map { (String(decoding: $0.name, as: UTF8.self), $0.data) })
        try await withWebApp("cp866") { browser, _ in
            let text = visibleText(try await browser.importFiles([("группы.zip", zip), ("остальное.zip", others)]).text)
            #expect(text.contains("группы.csv канонический: группы"), "\(text)")
            #expect(text.contains("Все строки приняты"))
        }
    }
}
