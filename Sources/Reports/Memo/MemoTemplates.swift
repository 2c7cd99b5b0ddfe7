import FileAccess
import Foundation
import JournalModel

/// The folder of editable document templates (`templates/memo/` in a checkout) and the
/// templates in it.
///
/// Found in this order: `--templates DIR` (the `templates` folder, or its `memo` subfolder);
/// `./templates`; `<folder of the executable>/../../../templates` (for `.build/<config>/zhurnal`
/// run from anywhere in a checkout).
public struct MemoTemplates: Sendable {
    public enum Document: String, Sendable {
        case memo = "записка"
        case inspection = "справка"
    }

    public enum Format: String, Sendable {
        case markdown = "md"
        case docx = "docx"
    }

    /// The folder holding `записка.md.mustache` and the other templates.
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The template folder: `explicit` (the `templates` folder or its `memo` subfolder), else
    /// `templates/memo` under the first of `roots` that has one (the CLI passes the current
    /// folder, the share folder beside the installed program and the checkout it was built in).
    public static func locate(explicit: String?, roots: [String]) throws(MemoError) -> MemoTemplates {
        let candidates = explicit.map { [$0 + "/memo", $0] } ?? roots.map { $0 + "/templates/memo" }
        return try first(of: candidates)
    }

    /// The template folder to use, or an error naming the places searched.
    public static func locate(explicit: String?, currentDirectory: String = FileManager.default.currentDirectoryPath,
                              executable: String = CommandLine.arguments.first ?? "") throws(MemoError) -> MemoTemplates {
        var candidates: [String] = []
        if let e = explicit {
            candidates = [e + "/memo", e]
        } else {
            candidates.append(currentDirectory + "/templates/memo")
            let exe = URL(fileURLWithPath: executable, relativeTo: URL(fileURLWithPath: currentDirectory))
                .resolvingSymlinksInPath()
            // `.build/debug` links to `.build/<triple>/debug`: three levels up from the resolved
            // folder, two from the link.
            for up in ["../../../", "../../"] {
                let c = exe.deletingLastPathComponent().appendingPathComponent(up + "templates/memo").standardizedFileURL.path
                if !candidates.contains(c) { candidates.append(c) }
            }
        }
        return try first(of: candidates)
    }

    static func first(of candidates: [String]) throws(MemoError) -> MemoTemplates {
        for c in candidates where FileManager.default.fileExists(atPath: c + "/" + fileName(.memo, .markdown)) {
            return MemoTemplates(directory: c)
        }
        throw MemoError("не найдена папка шаблонов записок (искали: \(candidates.joined(separator: ", ")))" +
                        " — укажите её ключом --templates", id: "memo.templates.not-found")
    }

    public static func fileName(_ d: Document, _ f: Format) -> String { "\(d.rawValue).\(f.rawValue).mustache" }

    public func path(_ d: Document, _ f: Format) -> String { directory + "/" + MemoTemplates.fileName(d, f) }

    /// `реквизиты.txt` beside the templates, if it exists.
    public var defaultSettingsPath: String? {
        let p = directory + "/реквизиты.txt"
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    /// Reads, checks and renders one template over `context`.
    func render(_ d: Document, _ f: Format, context: [String: Any], schema: TemplateSchema) throws(MemoError) -> String {
        let file = path(d, f)
        let data: Data
        do { data = try InputFile.read(file) } catch {
            throw MemoError("не удалось прочитать шаблон \(error.message)", id: "memo.template.unreadable")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw MemoError("шаблон \(file) не в кодировке UTF-8 — сохраните его как UTF-8", id: "memo.template.encoding")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        return try TemplateText.render(text, file: file, format: f, context: context, schema: schema)
    }
}
