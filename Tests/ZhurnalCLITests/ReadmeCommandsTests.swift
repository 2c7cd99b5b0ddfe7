import Foundation
import Testing

/// Every command block of the README's quick start and user guide runs as written, from the
/// project root, with the bundled example: each command ends with 0 or 1 (violations found),
/// never 2 (bad input or usage), and prints no error. A block that only shows syntax, needs
/// LibreOffice or runs for minutes is marked `<!-- readme-test: skip — reason -->` on the line
/// before it; those are listed here so the list cannot grow unnoticed.
@Suite(.serialized) struct ReadmeCommandsTests {
    struct Block {
        var line: Int
        var commands: [String]
        var skip: String?
    }

    /// The fenced blocks before «## Для разработчиков», each with its shell commands (comments
    /// dropped, `\` continuations joined) and its skip reason, if marked.
    static func blocks(_ text: String) -> [Block] {
        let lines = text.components(separatedBy: "\n")
        let end = lines.firstIndex { $0.hasPrefix("## Для разработчиков") } ?? lines.count
        var blocks: [Block] = []
        var i = 0
        while i < end {
            guard lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("```") else { i += 1; continue }
            let previous = lines[..<i].last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
            var skip: String?
            if let r = previous.range(of: "readme-test: skip — ") {
                skip = String(previous[r.upperBound...]).replacingOccurrences(of: "-->", with: "").trimmingCharacters(in: .whitespaces)
            }
            var body: [String] = []
            i += 1
            while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                body.append(lines[i])
                i += 1
            }
            var commands: [String] = []
            var current = ""
            for raw in body {
                var line = raw.trimmingCharacters(in: .whitespaces)
                if let c = line.range(of: #"\s+#\s.*$"#, options: .regularExpression) { line.removeSubrange(c) }
                if line.hasSuffix("\\") {
                    current += line.dropLast() + " "
                    continue
                }
                current += line
                if !current.trimmingCharacters(in: .whitespaces).isEmpty { commands.append(current) }
                current = ""
            }
            blocks.append(Block(line: i, commands: commands, skip: skip))
            i += 1
        }
        return blocks
    }

    @Test func everyCommandBlockOfTheGuideRunsFromTheProjectRoot() throws {
        let readme = try String(contentsOf: CLIRunner.root.appendingPathComponent("README.md"), encoding: .utf8)
        let all = Self.blocks(readme)
        let skipped = all.filter { $0.skip != nil }
        // Marked on purpose: setup and the test run themselves, command syntax, LibreOffice, the
        // file of requisites, full-size generated journals, the developers' test filter, an error
        // message shown, the loop over a district's schools.
        #expect(skipped.map { $0.skip ?? "" } == [
            "ставит пакеты и собирает программу (тест README запускает её сам)", "запускает все тесты, в том числе этот",
            "синтаксис команды", "сообщение об ошибке, не команда", "нужна папка района (zhurnal generate --size district, 2 ГБ)",
            "синтаксис команды", "нужен LibreOffice", "строки файла реквизитов, не команды",
            "нужен LibreOffice", "запускает страницу, работает до Ctrl+C", "настройка nginx, не команды",
            "файл службы systemd, не команды", "большие журналы, минуты работы", "сборка и тесты разработчика",
        ])
        let runnable = all.filter { $0.skip == nil }
        #expect(runnable.count == 8)

        // A scratch copy of the project root: the example, the packs and the templates.
        let root = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["examples", "rules", "templates"] {
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent(folder),
                                                       withDestinationURL: CLIRunner.root.appendingPathComponent(folder))
        }
        let bin = URL(fileURLWithPath: CLIRunner.binary).deletingLastPathComponent().path
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        var ran = 0
        for block in runnable {
            for command in block.commands {
                let r = try CLIRunner.run(["-c", command], executable: "/bin/bash", in: root, environment: ["PATH": path])
                #expect(r.status == 0 || r.status == 1, "README, блок у строки \(block.line): \(command)\n\(r.stderr)")
                #expect(!r.stderr.contains("ошибка:"), "README, блок у строки \(block.line): \(command)\n\(r.stderr)")
                ran += 1
            }
        }
        #expect(ran >= 15)
        // What the guide says the commands write.
        for file in ["out/7b.sqlite", "out/report.xlsx", "out/октябрь.json", "out/записка-7б.docx", "out/записка-7б.md",
                     "out/справка-2025-09.docx", "out/gen-mini/ground_truth.csv", "out/gen-college-mini/legacy",
                     "out/gen-mini.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path), "\(file)")
        }
    }
}
