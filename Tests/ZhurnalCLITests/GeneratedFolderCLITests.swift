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
        // Files of a subfolder are named with it (relative to the folder all files are in).
        #expect(r.stdout.contains("\nизменения-по-неделям/изменения-") && r.stdout.contains("\nучреждение.csv "))
    }

    /// `generate --unnumbered-marks`: the marks carry no lesson number. `import` says how many it
    /// placed on double-lesson days, `check` notes it, and the clean school has nothing to find.
    @Test func marksWithoutLessonNumbersArePlacedAndSaidSo() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("school").path
        let gen = try CLIRunner.run(["generate", "--size", "small", "--classes", "2", "--seed", "5", "--inject", "0",
                                     "--unnumbered-marks", "--out", data])
        #expect(gen.status == 0, "\(gen.stderr)")
        // Read off the files: marks on a day with two or more lessons of their class, subgroup and subject.
        func rows(_ name: String) throws -> [[Substring]] {
            try String(contentsOfFile: data + "/" + name, encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.split(separator: ";", omittingEmptySubsequences: false) }
        }
        var perDay: [String: Int] = [:]
        for l in try rows("занятия.csv") { perDay["\(l[0])|\(l[1])|\(l[2])|\(l[3])", default: 0] += 1 }
        let marks = try rows("отметки.csv")
        #expect(marks.allSatisfy { $0[3].isEmpty })
        let placed = marks.filter { (perDay["\($0[0])|\($0[9])|\($0[1])|\($0[2])"] ?? 0) > 1 }.count
        #expect(placed > 50)

        let r = try CLIRunner.run(["import", data, "--db", dir.appendingPathComponent("j.sqlite").path])
        #expect(r.status == 0, "\(r.stderr)")
        let word = placed % 10 == 1 && placed % 100 != 11 ? "строка" : (2...4).contains(placed % 10) && !(12...14).contains(placed % 100) ? "строки" : "строк"
        #expect(r.stdout.contains("Отметки без номера урока в дни, когда уроков по предмету несколько (сдвоенные уроки): \(placed) \(word) отнесены"))
        let c = try CLIRunner.run(["check", data, "--rules", "oosh14"])
        #expect(c.stderr.contains("примечание: отметок без номера урока в дни сдвоенных уроков — \(placed); "))
        #expect(c.stderr.contains("отклонено 0") && !c.stderr.contains("предупреждение"))
        #expect(c.stdout.contains("найдено нарушений 0, замечаний 0"))
        // The same school with lesson numbers: the same totals, the same exit code.
        let numbered = dir.appendingPathComponent("numbered").path
        _ = try CLIRunner.run(["generate", "--size", "small", "--classes", "2", "--seed", "5", "--inject", "0", "--out", numbered])
        let n = try CLIRunner.run(["check", numbered, "--rules", "oosh14"])
        let total = { (out: String) in out.split(separator: "\n").last { $0.hasPrefix("Итого:") }.map(String.init) }
        #expect(total(c.stdout) != nil && total(c.stdout) == total(n.stdout) && c.status == n.status)
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
