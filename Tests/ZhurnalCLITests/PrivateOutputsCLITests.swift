import Foundation
import Testing

/// Files that hold students' names and marks are the owner's only (0600), whatever the umask;
/// an older world-readable database is tightened; `rejects.csv` cannot run a formula in Excel;
/// control characters from the data never reach the terminal or a Markdown memo; `import`
/// prints no names or marks unless `--verbose`.
@Suite struct PrivateOutputsCLITests {
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func reportsJsonMemosRejectsAndAnOldDatabaseAreOwnerOnly() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try importExample(dir)
        let db = dir.appendingPathComponent("e.sqlite").path
        // A database made world-readable (an older version, a copy) is tightened on the next use.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
        // The marks log's line 2 with a date that does not exist (31.02): one rejected row.
        let bad = ExampleFiles.marks(lines: 1) + "7б;Алгебра;31.02.2025;2;Васильев Никита;4;устный ответ;01.09.2025 13:31;Смирнова Ольга Петровна\n"
        try Data(bad.utf8).write(to: dir.appendingPathComponent("bad.csv"))
        let imp = try GuardedRun.run(["import", "bad.csv", "--db", "e.sqlite", "--rejects", "r.csv"], in: dir)
        #expect(imp.status == 1, "\(imp.output)")   // a rejected row: exit 1
        #expect(Self.mode(db) == 0o600)
        #expect(Self.mode(dir.appendingPathComponent("r.csv").path) == 0o600)
        let check = try GuardedRun.run(["check", "e.sqlite", "--rules", "oosh14", "--out", "out/r.xlsx", "--json", "out/r.json"], in: dir)
        #expect(check.status == 1, "\(check.output.suffix(500))")
        #expect(Self.mode(dir.appendingPathComponent("out/r.xlsx").path) == 0o600)
        #expect(Self.mode(dir.appendingPathComponent("out/r.json").path) == 0o600)
        let memo = try GuardedRun.run(["memo", "e.sqlite", "--rules", "oosh14", "--group", "7б", "--week", "08.09.2025",
                                       "--out", "m.md", "--out", "m.docx"], in: dir)
        #expect(memo.status == 1, "\(memo.output.suffix(500))")
        #expect(Self.mode(dir.appendingPathComponent("m.md").path) == 0o600)
        #expect(Self.mode(dir.appendingPathComponent("m.docx").path) == 0o600)
        // No temporary file is left beside the outputs.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty)
    }

    @Test func rejectsCsvCellsCannotBeFormulas() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A raw line beginning with `=` (the class cell) and a date that does not exist (31.02).
        let bad = ExampleFiles.marks(lines: 1) + "=1+2;Алгебра;31.02.2025;2;Васильев Никита;4;;01.09.2025 13:31;Смирнова\n"
        try Data(bad.utf8).write(to: dir.appendingPathComponent("bad.csv"))
        let r = try GuardedRun.run(["import", "bad.csv", "--db", "d.sqlite", "--rejects", "r.csv"], in: dir)
        #expect(r.status == 1, "\(r.output)")   // a rejected row: exit 1
        let text = try String(contentsOf: dir.appendingPathComponent("r.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").dropFirst()
        #expect(!lines.isEmpty)
        // Every cell is quoted; after the opening quote no cell begins with a formula sign.
        for line in lines {
            for cell in line.split(separator: ";") {
                let inner = cell.hasPrefix("\"") ? cell.dropFirst() : cell
                #expect(!"=+-@".contains(inner.first ?? " "), "\(line)")
            }
        }
        #expect(text.contains("\"'=1+2;"))
    }

    @Test func importNamesNoStudentOrMarkUnlessVerbose() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two exports of one cell with different marks (4 in a.csv, 5 in b.csv: line 2 of the
        // example is Васильев Никита's 4 of 01.09.2025).
        let a = ExampleFiles.marks(lines: 2)
        let b = a.replacingOccurrences(of: "Васильев Никита;4;", with: "Васильев Никита;5;")
        #expect(a != b)
        try Data(a.utf8).write(to: dir.appendingPathComponent("a.csv"))
        try Data(b.utf8).write(to: dir.appendingPathComponent("b.csv"))
        let quiet = try GuardedRun.run(["import", "a.csv", "b.csv", "--db", "q.sqlite"], in: dir)
        #expect(quiet.status == 1, "\(quiet.output)")   // a disagreement: exit 1
        #expect(quiet.output.contains("разные значения"), "\(quiet.output)")
        #expect(!quiet.output.contains("Васильев"))
        #expect(quiet.output.contains("--verbose"))
        let loud = try GuardedRun.run(["import", "a.csv", "b.csv", "--db", "v.sqlite", "--verbose"], in: dir)
        #expect(loud.status == 1)
        #expect(loud.output.contains("Васильев Никита"))
    }

    @Test func controlCharactersFromTheDataNeverReachTheTerminal() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // An ESC sequence (clear screen) and a BEL in the lesson date of a row: rejected, and the
        // rejection quotes the value.
        let bad = ExampleFiles.marks(lines: 1) + "7б;Алгебра;31.02.2025\u{1B}[2J\u{07};2;Васильев Никита;4;;01.09.2025 13:31;Смирнова\n"
        try Data(bad.utf8).write(to: dir.appendingPathComponent("bad.csv"))
        let r = try GuardedRun.run(["import", "bad.csv", "--db", "d.sqlite"], in: dir)
        #expect(!r.output.contains("\u{1B}"))
        #expect(!r.output.contains("\u{07}"))
        // Shown as their pictures: the user sees what is in the file.
        #expect(r.output.contains("␛[2J␇"), "\(r.output)")
    }
}
