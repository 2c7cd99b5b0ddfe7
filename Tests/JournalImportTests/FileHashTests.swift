import Foundation
import JournalModel
import Testing
@testable import JournalImport

/// The digests an import skips files by (`FileHash`), read on two threads.
@Suite struct FileHashTests {
    /// The digest `sha256sum` (coreutils, not our code) prints for a file.
    static func coreutilsDigest(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum", path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(text.prefix(64))
    }

    /// Files of very different sizes (one larger than the reader's 1 MiB buffer, one empty),
    /// named in an order that is neither by size nor by name: each file's digest, in that order.
    @Test func digestsOfSeveralFilesAreEachFilesInTheirOrder() throws {
        let t = TempDir()
        var big = ""
        for k in 0..<90_000 { big += "7А;Алгебра;0\(k % 9 + 1).09.2025;\(k % 6 + 1);Иванов Иван;5\n" }
        let files = [
            try t.write("b.csv", "Группа;Предмет\n7А;Алгебра\n"),
            try t.write("a.csv", big),
            try t.write("empty.csv", ""),
            try t.write("c.csv", String(repeating: "x;y\n", count: 10_000)),
        ]
        #expect(Data(big.utf8).count > 1 << 22)
        let digests = try FileHash.sha256(of: files.map { ($0, nil, $0) })
        #expect(digests == (try files.map(Self.coreutilsDigest)))
        #expect(digests[2] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")   // SHA-256 of nothing
    }

    /// Two files that cannot be read: the error names the first of them in the order given,
    /// whichever thread read which.
    @Test func theFirstUnreadableFileInTheOrderGivenIsReported() throws {
        let t = TempDir()
        let files = [try t.write("big.csv", String(repeating: "1;2;3\n", count: 300_000)), t.path("нет-1.csv"),
                     try t.write("small.csv", "1;2\n"), t.path("нет-2.csv")]
        do {
            _ = try FileHash.sha256(of: files.map { ($0, nil, ($0 as NSString).lastPathComponent) })
            Issue.record("no error")
        } catch {
            #expect(error.diagnostic.location?.file == "нет-1.csv")
            #expect(error.diagnostic.message.hasPrefix("не удалось открыть файл для чтения"))
        }
    }
}
