import Foundation
import JournalModel
@testable import JournalImport
@testable import RuleLanguage
@testable import RuleEngine
@testable import Reports

/// What the fuzz suite feeds: each target takes any bytes and must answer with a result or a
/// typed error — never a trap, a crash or a hang.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// CSV/TSV files through the importer with the shipped profiles (encoding, delimiter,
    /// header search, every column parser).
    case csv
    /// Import profiles: parsed, then used to read a small export.
    case profiles
    /// Rule packs: parsed, checked, and their examples run on the engine.
    case rules
    /// Memo and справка templates (Markdown and DOCX markup): checked and rendered.
    case templates

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(_ folder: String, _ ext: String, maxBytes: Int = 64 << 10) -> [[UInt8]] {
        let dir = root.appendingPathComponent(folder)
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        var out: [[UInt8]] = []
        for case let url as URL in e where url.pathExtension == ext {
            guard let d = try? Data(contentsOf: url) else { continue }
            out.append(Array(d.prefix(maxBytes)))
        }
        return out
    }

    /// The seed corpus: the project's own fixtures of that kind.
    var corpus: [[UInt8]] {
        switch self {
        case .csv:
            Self.files("examples", "csv", maxBytes: 16 << 10) + Self.files("templates/import", "csv")
                + Self.files("Tests/JournalImportTests/Fixtures", "csv", maxBytes: 16 << 10)
        case .profiles:
            Self.files("templates/import/profiles", "profile") + Self.files("Tests/JournalImportTests/Fixtures", "profile")
        case .rules:
            Self.files("Tests/RuleLanguageTests/Fixtures", "rules") + Self.files("Tests/RuleEngineTests/Fixtures", "rules")
                + Self.files("rules", "rules", maxBytes: 8 << 10)
        case .templates:
            Self.files("templates/memo", "mustache")
        }
    }

    var tokens: [String] {
        switch self {
        case .csv: ["Класс", "Предмет", "Дата урока", "Ученик", "Отметка", "н", "5/4", "01.09.2025 13:31", "\"\"", "=1+1"]
        case .profiles: ["[столбцы]", "[словарь: Вид работы]", "[шапка]", "[сетка]", "/(а+)+/", " = ", "; ", " + ", "кодировка = авто", "99999999999999999999"]
        case .rules: ["if ", " then ", " else ", "not ", " and ", " or ", "matches \"(а+)+$\"", "{value}", "define d = ", "count(", "example triggers ", "param p = ", " дней", " рабочих дня", "1ч30м"]
        case .templates: ["{{#teachers}}", "{{/teachers}}", "{{^rows}}", "{{/rows}}", "{{{", "}}}", "{{", "}}", "{{! ", "{{> x}}", "{{=<% %>=}}", "{{.}}", "**", "|"]
        }
    }

    /// Runs one input; returns normally whatever the input (errors are the expected answer).
    func exercise(_ bytes: [UInt8], scratch: URL) {
        switch self {
        case .csv: FuzzWork.importFile(bytes, scratch: scratch, profiles: FuzzWork.shippedProfiles)
        case .profiles: FuzzWork.profile(bytes, scratch: scratch)
        case .rules: FuzzWork.rules(bytes)
        case .templates: FuzzWork.template(bytes)
        }
    }
}

final class NullSink: RecordSink {
    let symbols = NameSymbols()
    var count = 0
    func beginFile(path: String, profile: String) throws -> Int { 0 }
    func accept(_ record: Record, line: Int) throws { count += 1 }
}

enum FuzzWork {
    static let shippedProfiles: [Profile] = {
        let dir = FuzzTarget.root.appendingPathComponent("templates/import/profiles")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().compactMap { try? ProfileParser.load(path: dir.appendingPathComponent($0).path) }
    }()

    static func importFile(_ bytes: [UInt8], scratch: URL, profiles: [Profile], forced: Profile? = nil) {
        let path = scratch.appendingPathComponent("input.csv")
        guard (try? Data(bytes).write(to: path)) != nil else { return }
        let importer = FileImporter(profiles: profiles, forced: forced)
        _ = try? importer.run(path: path.path, displayName: "input.csv", sink: NullSink())
    }

    /// The example marks log, its first 15 lines: what a mutated profile is tried on.
    static let marksSample: [UInt8] = {
        let url = FuzzTarget.root.appendingPathComponent("examples/7b-algebra/marks_log_7b_algebra.csv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return Array((text.split(separator: "\n").prefix(15).joined(separator: "\n") + "\n").utf8)
    }()

    static func profile(_ bytes: [UInt8], scratch: URL) {
        guard let text = String(validating: bytes, as: UTF8.self),
              let p = try? ProfileParser.parse(text, file: "fuzz.profile") else { return }
        importFile(marksSample, scratch: scratch, profiles: [p], forced: p)
    }

    static func rules(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let diagnostics: [Diagnostic]
        do {
            let pack = try PackLoader.load(text: text, file: "fuzz.rules")
            for rule in pack.rules { _ = ExampleRunner.run(rule) }
            return
        } catch let e as PackError {
            diagnostics = e.diagnostics
        } catch {
            return
        }
        // Rendering a diagnostic (excerpt, caret) must not trap either.
        for d in diagnostics.prefix(60) { _ = d.rendered }
    }

    static func template(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let context = Self.context(MemoContext.memoSchema, depth: 0)
        for format in [MemoTemplates.Format.markdown, .docx] {
            _ = try? TemplateText.render(text, file: "fuzz.mustache", format: format, context: context, schema: MemoContext.memoSchema)
        }
    }

    /// A context with every name of `schema`: leaves are text, sections lists of two.
    static func context(_ schema: TemplateSchema, depth: Int) -> [String: Any] {
        var out: [String: Any] = [:]
        for (name, sub) in schema.fields {
            if sub.fields.isEmpty || depth > 4 {
                out[name] = "Значение «\(name)» *1*\u{1B}[2J"
            } else {
                let inner = context(sub, depth: depth + 1)
                out[name] = [inner, inner]
            }
        }
        return out
    }
}
