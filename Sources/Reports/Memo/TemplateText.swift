import Foundation
import JournalModel
import Mustache

/// Renders one template text with swift-mustache, after `TemplateCheck`, escaping values for
/// the output format: Markdown metacharacters for `.md`, the layout markup for `.docx`
/// (see `DocxMarkup`), and line breaks in journal text for both.
enum TemplateText {
    static func render(_ text: String, file: String, format: MemoTemplates.Format,
                       context: [String: Any], schema: TemplateSchema) throws(MemoError) -> String {
        var unreported = 0
        var problems = TemplateCheck.check(text, file: file, schema: schema, unreported: &unreported)
        if format == .docx { problems += DocxMarkup.check(text, file: file) }
        problems.sort { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        if !problems.isEmpty { throw MemoError(diagnostics: TemplateCheck.capped(problems, file: file, unreported: unreported)) }
        let template = try parse(text, file: file, format: format)
        return template.render(context)
    }

    /// Parses with swift-mustache, after a content-type pragma on a line of its own; Mustache's
    /// position (1-based line and column) becomes the template file's line and column.
    static func parse(_ text: String, file: String, format: MemoTemplates.Format) throws(MemoError) -> MustacheTemplate {
        ContentTypes.register()
        let pragma = "{{% CONTENT_TYPE: \(format == .docx ? ContentTypes.docx : ContentTypes.markdown) }}\n"
        do {
            return try MustacheTemplate(string: pragma + text)
        } catch let e as MustacheTemplate.ParserError {
            let lineNumber = max(1, e.context.lineNumber - 1)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = lineNumber - 1 < lines.count ? String(lines[lineNumber - 1]) : nil
            throw MemoError(diagnostics: [Diagnostic(
                id: "memo.template.syntax",
                location: SourceLocation(file: file, line: lineNumber, column: e.context.columnNumber),
                message: message(for: e.error), sourceLine: line)])
        } catch {
            throw MemoError("шаблон \(file) не разобран: \(error)", id: "memo.template.syntax")
        }
    }

    static func message(for error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "закрывающий тег раздела не совпадает с открывающим"
        case .unfinishedName: "тег не закончен: нет «}}» или в имени недопустимые символы"
        case .expectedSectionEnd: "раздел не закрыт до конца шаблона"
        case .invalidSetDelimiter: "неверная смена разделителей"
        case .some: "ошибка в синтаксисе Mustache (\(error))"
        case .none: "ошибка в шаблоне (\(error))"
        }
    }
}

/// Content types that make `{{value}}` safe in each output.
enum ContentTypes {
    static let docx = "ZHURNAL_DOCX"
    static let markdown = "ZHURNAL_MD"

    private static let once: Void = {
        MustacheContentTypes.register(DocxValueEscape(), named: docx)
        MustacheContentTypes.register(MarkdownValueEscape(), named: markdown)
    }()

    static func register() { _ = once }
}

/// Values cannot start a layout directive or split a table cell: `[` and `|` are replaced by
/// private-use characters that `DocxMarkup` turns back after parsing; line breaks become spaces.
struct DocxValueEscape: MustacheContentType {
    static let bar: Character = "\u{E000}"
    static let bracket: Character = "\u{E001}"

    func escapeText(_ text: String) -> String {
        String(text.map { c -> Character in
            switch c {
            case "|": DocxValueEscape.bar
            case "[": DocxValueEscape.bracket
            case "\n", "\r", "\t", "\r\n": " "
            default: c
            }
        })
    }

    static func unescape(_ s: String) -> String {
        String(s.map { $0 == bar ? "|" : $0 == bracket ? "[" : $0 })
    }
}

/// Journal text shown literally in Markdown: metacharacters get a backslash.
struct MarkdownValueEscape: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\", "|", "*", "`", "[", "]", "<", ">": out.append("\\"); out.append(c)
            case "\n", "\r", "\t", "\r\n": out.append(" ")
            // Control characters (an ESC sequence in a name) are shown, never passed on.
            case _ where c.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }):
                out += VisibleText.of(String(c), keepingLineBreaks: false)
            default: out.append(c)
            }
        }
        return out
    }
}
