import Foundation
import Testing

/// A folder written by `zhurnal generate` imports as it is: its `.zhurnal-ignore` keeps the
/// ground truth and the legacy copy out of the journal.
@Suite struct GeneratedFolderCLITests {
    @Test func generatedFolderImportsWithoutItsGroundTruth() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("school").path
        let gen = try CLIRunner.run(["generate", "--size", "small", "--classes", "1", "--seed", "5",
                                     "--out", data, "--legacy"])
        #expect(gen.status == 0, "\(gen.stderr)")
        let ignore = try String(contentsOfFile: data + "/.zhurnal-ignore", encoding: .utf8)
        #expect(ignore.contains("ground_truth.csv") && ignore.contains("legacy/"))

        let db = dir.appendingPathComponent("j.sqlite").path
        let r = try CLIRunner.run(["import", data, "--db", db])
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stderr.contains("пропущено по .zhurnal-ignore: \(data)/ground_truth.csv"))
        #expect(r.stderr.contains("пропущено по .zhurnal-ignore: \(data)/legacy/"))
        #expect(!r.stdout.contains("ground_truth") && !r.stdout.contains("legacy"))
        #expect(r.stdout.contains("Расхождений между файлами нет."))
    }

    @Test func ignorePatternsAcceptWildcardsAndComments() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ex = CLIRunner.root.appendingPathComponent("examples/7b-algebra")
        for name in try FileManager.default.contentsOfDirectory(atPath: ex.path) {
            try FileManager.default.copyItem(at: ex.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try "# только сетка и справочники\n*_log_*.csv\ntopics_?b_algebra.csv\n"
            .write(to: dir.appendingPathComponent(".zhurnal-ignore"), atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("j.sqlite").path
        let r = try CLIRunner.run(["import", dir.path, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("journal_7b_algebra.cp1251.csv"))
        #expect(!r.stdout.contains("marks_log_7b_algebra.csv") && !r.stdout.contains("lessons_log_7b_algebra.csv"))
        #expect(!r.stdout.contains("topics_7b_algebra.csv"))
        #expect(r.stderr.components(separatedBy: "пропущено по .zhurnal-ignore").count - 1 == 3)
    }
}
