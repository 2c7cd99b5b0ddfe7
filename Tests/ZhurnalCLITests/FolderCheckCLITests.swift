import Foundation
import Testing

/// Issue 17 through the binary: `check FOLDER` builds the journal in memory and reports exactly
/// what `import FOLDER --db X` followed by `check X` reports (findings, outcomes, the printed
/// summary), on one core or on all of them, without a temporary database (it runs where no
/// temporary folder can be written: no personal data left in one either).
@Suite(.serialized) struct FolderCheckCLITests {
    /// The JSON report without the moment the check ran.
    static func report(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("\"checkedAt\"") }
    }

    @Test func aFolderCheckReportsWhatImportThenCheckReportsAndWritesNoTemporaryFile() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let school = dir.appendingPathComponent("school").path
        let gen = try CLIRunner.run(["generate", "--size", "small", "--classes", "2", "--seed", "17", "--inject", "0.05", "--out", school])
        #expect(gen.status == 0, "\(gen.stderr)")
        // No temporary folder at all: a folder check writes no file but the reports it is asked for.
        let tmp = dir.appendingPathComponent("no-such-folder")
        let rules = ["--rules", "rules/oosh14.rules", "--as-of", "31.08.2026 12:00"]

        let folderJSON = dir.appendingPathComponent("folder.json").path
        let a = try CLIRunner.run(["check", school] + rules + ["--json", folderJSON], environment: ["TMPDIR": tmp.path])
        #expect(a.status == 1, "\(a.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tmp.path))

        let db = dir.appendingPathComponent("j.sqlite").path
        let i = try CLIRunner.run(["import", school, "--db", db])
        #expect(i.status == 0, "\(i.stderr)")
        let dbJSON = dir.appendingPathComponent("db.json").path
        let b = try CLIRunner.run(["check", db] + rules + ["--json", dbJSON])
        #expect(b.status == 1, "\(b.stderr)")
        let serialJSON = dir.appendingPathComponent("serial.json").path
        let c = try CLIRunner.run(["check", school] + rules + ["--json", serialJSON], environment: ["ZHURNAL_THREADS": "1"])
        #expect(c.status == 1, "\(c.stderr)")

        let folder = try Self.report(folderJSON)
        #expect(folder.count > 100 && folder.contains { $0.contains("\"ruleId\"") })
        #expect(folder == (try Self.report(dbJSON)))
        #expect(folder == (try Self.report(serialJSON)))
        #expect(a.stdout == b.stdout && a.stdout == c.stdout)
        // Every table of the folder was read: the 12 canonical ones and the change history's
        // weekly re-exports, not ground_truth.csv.
        let tables = FileManager.default.enumerator(atPath: school)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".csv") && $0 != "ground_truth.csv" && !$0.hasPrefix("legacy") } ?? []
        #expect(tables.count > 12)
        #expect(a.stderr.contains("импорт: файлов \(tables.count), строк принято"), "\(a.stderr)")
        #expect(a.stderr.contains("отклонено 0, расхождений между файлами 0"))
        #expect(!a.stderr.contains("не загружены"))
    }
}
