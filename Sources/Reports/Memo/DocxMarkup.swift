import JournalModel

/// The layout markup of `*.docx.mustache` templates: one line — one paragraph, with optional
/// directives at the start of the line (documented in `templates/memo/README.md`):
///
///     [справа] Заместителю директора по УВР      ← addressee block on the right half
///     [центр][жирный] СЛУЖЕБНАЯ ЗАПИСКА          ← centred, bold
///     [слева] 15.09.2025 № 15                   ← from the left margin, no indent
///     Сообщаю, что …                            ← body paragraph: justified, indent 1.25 cm
///     [таблица] № | Дата | Преподаватель        ← table header row (cells split by «|»)
///     [строка] 1 | 08.09.2025 | Смирнова О.П.   ← table row
///     [подпись] Куратор группы 7б | | М.С. Иванова
///
/// An empty line is an empty paragraph. Values inserted by `{{…}}` can never start a
/// directive or split a cell (see `DocxValueEscape`).
enum DocxMarkup {
    enum Align: Sendable, Equatable { case justified, left, center, rightBlock }

    struct Paragraph: Sendable, Equatable {
        var text: String
        var align: Align
        var bold: Bool
        var indentFirstLine: Bool { align == .justified }
    }

    struct Table: Sendable, Equatable {
        var header: [String]?
        var rows: [[String]]
        var columns: Int { max(header?.count ?? 0, rows.map(\.count).max() ?? 0) }
    }

    enum Block: Sendable, Equatable {
        case paragraph(Paragraph)
        case table(Table)
        case signature([String])
    }

    static let directives = ["справа", "слева", "центр", "жирный", "таблица", "строка", "подпись"]

    /// Splits leading `[directive]` tokens off a line.
    static func split(_ line: Substring) -> (directives: [(name: String, column: Int)], rest: Substring) {
        var rest = line
        var found: [(String, Int)] = []
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            let name = rest[rest.index(after: rest.startIndex)..<close]
            guard !name.contains("{"), name.count <= 20 else { break }
            found.append((String(name).trimmingSpaces().lowercased(), line.distance(from: line.startIndex, to: rest.startIndex) + 1))
            rest = rest[rest.index(after: close)...]
            while rest.first == " " { rest.removeFirst() }
        }
        return (found, rest)
    }

    /// Unknown directives in the template source, with their positions.
    static func check(_ text: String, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for d in split(line).directives where !directives.contains(d.name) {
                out.append(Diagnostic(
                    id: "memo.template.unknown-directive", location: SourceLocation(file: file, line: i + 1, column: d.column),
                    message: "неизвестная команда разметки «[\(d.name)]»", sourceLine: String(line),
                    hint: Suggestions.closest(to: d.name, among: directives).map { "возможно, «[\($0)]»?" }
                        ?? "команды: " + directives.map { "[\($0)]" }.joined(separator: ", ")))
            }
        }
        return out
    }

    /// The blocks of a rendered template.
    static func parse(_ rendered: String) -> [Block] {
        var blocks: [Block] = []
        var table: Table?
        func flush() { if let t = table { blocks.append(.table(t)); table = nil } }
        var lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.trimmingCharacters(in: " ") == "" && !lines.isEmpty { lines.removeLast() }
        for line in lines {
            let (ds, rest) = split(line)
            let names = Set(ds.map(\.name))
            let text = DocxValueEscape.unescape(String(rest).trimmingSpaces())
            let cells = rest.split(separator: "|", omittingEmptySubsequences: false)
                .map { DocxValueEscape.unescape(String($0).trimmingSpaces()) }
            if names.contains("таблица") {
                flush()
                table = Table(header: cells, rows: [])
            } else if names.contains("строка") {
                if table == nil { table = Table(header: nil, rows: []) }
                table?.rows.append(cells)
            } else {
                flush()
                if names.contains("подпись") {
                    blocks.append(.signature(cells))
                } else {
                    let align: Align = names.contains("справа") ? .rightBlock : names.contains("центр") ? .center
                        : names.contains("слева") ? .left : .justified
                    blocks.append(.paragraph(Paragraph(text: text, align: align, bold: names.contains("жирный"))))
                }
            }
        }
        flush()
        return blocks
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return s
    }
}
