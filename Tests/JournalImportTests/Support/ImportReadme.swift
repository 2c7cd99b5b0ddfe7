import Foundation

/// The worked examples of `templates/import/README.md`, read from the text a methodologist
/// reads: between `<!-- пример: ID -->` and `<!-- /пример -->`, each fenced block belongs to the
/// label before it — «Файл `имя`», «Профиль `имя`», «Книга `имя`, лист «Лист»», «Отчёт импорта»,
/// «Команда».
struct ReadmeExample {
    var id: String
    var files: [(name: String, text: String, cp1251: Bool)] = []
    var profiles: [(name: String, text: String)] = []
    var sheets: [(book: String, sheet: String, text: String)] = []
    var report: String?
    var command: String?
}

enum ImportReadme {
    static let path = Repo.root.appendingPathComponent("templates/import/README.md").path

    static func text() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func examples() throws -> [String: ReadmeExample] {
        var out: [String: ReadmeExample] = [:]
        var current: ReadmeExample?
        var label = ""
        var fence: [String]?
        for line in try text().components(separatedBy: "\n") {
            if var f = fence {
                if line.hasPrefix("```") {
                    if current != nil { add(&current!, label: label, text: f.joined(separator: "\n") + "\n") }
                    fence = nil
                    label = ""
                } else { f.append(line); fence = f }
                continue
            }
            if line.hasPrefix("```") { fence = []; continue }
            if let id = match(line, #"<!-- пример: (.+) -->"#).first {
                current = ReadmeExample(id: id)
                continue
            }
            if line.hasPrefix("<!-- /пример -->") {
                if let c = current { out[c.id] = c }
                current = nil
                continue
            }
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { label = line }
        }
        return out
    }

    private static func add(_ e: inout ReadmeExample, label: String, text: String) {
        if let m = lastMatch(label, #"Книга `([^`]+)`, лист «([^»]+)»"#) {
            e.sheets.append((m[0], m[1], text))
        } else if let m = lastMatch(label, #"Профиль `([^`]+)`"#) {
            e.profiles.append((m[0], text))
        } else if let m = lastMatch(label, #"Файл `([^`]+)`"#) {
            e.files.append((m[0], text, label.contains("Windows-1251")))
        } else if label.hasPrefix("Отчёт импорта") {
            e.report = text
        } else if label.hasPrefix("Команда") {
            e.command = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    private static func match(_ s: String, _ pattern: String) -> [String] { lastMatch(s, pattern) ?? [] }

    /// The groups of the last match of `pattern` in `s`.
    private static func lastMatch(_ s: String, _ pattern: String) -> [String]? {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        let ns = s as NSString
        guard let m = re.matches(in: s, range: NSRange(location: 0, length: ns.length)).last else { return nil }
        return (1..<m.numberOfRanges).map { ns.substring(with: m.range(at: $0)) }
    }
}
