import Foundation
import Testing
@testable import WebServer

/// Uploads that are not an export are refused with a clear message, and nothing is imported.
@Suite struct UploadLimitTests {
    func expectRefused(_ files: [(String, Data)], limits: UploadLimits = UploadLimits(), message: String) async throws {
        try await withWebApp("limits", limits: limits) { browser, folder in
            let page = try await browser.importFiles(files)
            #expect(page.status == .badRequest || page.status == .unprocessableContent)
            #expect(visibleText(page.text).contains(message), "\(visibleText(page.text))")
            // Nothing imported, nothing left behind.
            #expect(!FileManager.default.fileExists(atPath: folder + "/журнал.sqlite"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/uploads").isEmpty)
            #expect(!visibleText(try await browser.get("/journal").text).contains("отчёт об импорте"))
            // The progress page does not wait for an import that never started.
            #expect(try await browser.get("/journal/progress").status != .ok)
            // And the workspace takes the next upload (within the limits of the test).
            if limits.maxFiles >= 10, limits.maxRequestBytes >= 1 << 20 {
                let next = try await browser.importFiles(try exampleFiles())
                #expect(next.status == .ok && visibleText(next.text).contains("Все строки приняты"))
            }
        }
    }

    @Test func anOversizeUploadIsRefused() async throws {
        var limits = UploadLimits()
        limits.maxRequestBytes = 64 << 10
        try await expectRefused([("большой.csv", Data(repeating: 65, count: 100 << 10))], limits: limits,
                                message: "загрузка больше 64 КБ")
    }

    @Test func tooManyFilesAreRefused() async throws {
        var limits = UploadLimits()
        limits.maxFiles = 3
        try await expectRefused(try exampleFiles(), limits: limits, message: "файлов больше 3")
    }

    @Test func aFileNameWithAFolderIsRefused() async throws {
        try await expectRefused([("../../etc/отметки.csv", Data("a;b\n".utf8))], message: "имя файла «../../etc/отметки.csv» недопустимо")
    }

    @Test func anArchiveEntryLeadingOutOfTheArchiveIsRefused() async throws {
        let zip = try ZipFixture.make([("../вне.csv", Data("a;b\n".utf8))])
        try await expectRefused([("выгрузка.zip", zip)], message: "путь «../вне.csv» ведёт за пределы архива")
    }

    @Test func aNestedArchiveIsRefused() async throws {
        let inner = try ZipFixture.make([("a.csv", Data("a;b\n".utf8))])
        let zip = try ZipFixture.make([("внутри.zip", inner)])
        try await expectRefused([("выгрузка.zip", zip)], message: "вложенный архив «внутри.zip»")
    }

    @Test func aZipBombIsRefused() async throws {
        // 20 MB of one byte deflates about a thousandfold: far beyond the 200× limit.
        let zip = try ZipFixture.make([("бомба.csv", Data(repeating: 0x30, count: 20 << 20))])
        #expect(zip.count < 200 << 10)
        try await expectRefused([("выгрузка.zip", zip)], message: "zip-бомб")
    }

    @Test func anEmptyUploadSaysToChooseFiles() async throws {
        try await expectRefused([], message: "файлы не выбраны")
    }
}
