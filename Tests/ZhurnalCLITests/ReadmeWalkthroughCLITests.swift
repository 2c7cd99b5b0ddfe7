import Foundation
import Testing

/// The methodologist's walk-through of `templates/import/README.md` («Пример: новая выгрузка
/// шаг за шагом»), run as written: its files and profiles are taken from the README, its
/// command is run by the built program in a fresh folder, and the import report it prints must
/// be the one the README shows, character for character.
@Suite struct ReadmeWalkthroughCLITests {
    struct Walkthrough {
        var files: [(String, String)] = []
        var command = ""
        var report = ""
    }

    static func walkthrough() throws -> Walkthrough {
        let text = try String(contentsOf: CLIRunner.root.appendingPathComponent("templates/import/README.md"), encoding: .utf8)
        guard let start = text.range(of: "<!-- пример: пошагово -->"),
              let end = text.range(of: "<!-- /пример -->", range: start.upperBound..<text.endIndex) else { return Walkthrough() }
        var w = Walkthrough()
        var label = ""
        var fence: [String]?
        for line in text[start.upperBound..<end.lowerBound].components(separatedBy: "\n") {
            if var f = fence {
                if line.hasPrefix("```") {
                    let body = f.joined(separator: "\n") + "\n"
                    if let name = label.components(separatedBy: "`").dropFirst().first, label.hasPrefix("Файл") || label.hasPrefix("Профиль") {
                        w.files.append((name, body))
                    } else if label.hasPrefix("Команда") {
                        w.command = body.trimmingCharacters(in: .whitespacesAndNewlines)
                    } else if label.hasPrefix("Отчёт импорта") {
                        w.report = body
                    }
                    fence = nil
                } else { f.append(line); fence = f }
                continue
            }
            if line.hasPrefix("```") { fence = []; continue }
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { label = line }
        }
        return w
    }

    @Test func theReportIsTheOneTheReadmeShows() throws {
        let w = try Self.walkthrough()
        #expect(w.files.count == 5 && w.command.hasPrefix("zhurnal import ") && !w.report.isEmpty)
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, body) in w.files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(body.utf8).write(to: url)
        }
        let args = Array(w.command.split(separator: " ").dropFirst().map(String.init))
        let r = try CLIRunner.run(args, environment: [:], directory: dir)
        #expect(r.status == 1, "a row is rejected")
        #expect(r.stderr == "")
        #expect(r.stdout == w.report)
    }
}
