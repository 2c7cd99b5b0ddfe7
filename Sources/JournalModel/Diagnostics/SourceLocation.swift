/// A place in a source file (CSV, rule file, template): 1-based line and column, counted in
/// characters. Shared by the importer, the rule parser and the template renderer.
///
/// A cell of a workbook sheet is named by its row and column letter: `книга.xlsx[Лист]:12:D`
/// (`columnLabel` "D"; `column` is then where the cell starts in the row as a diagnostic shows
/// it, for the caret).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The column as a spreadsheet names it («D»), printed instead of `column`.
    public var columnLabel: String?

    public init(file: String, line: Int, column: Int, columnLabel: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.columnLabel = columnLabel
    }

    /// The column as printed: the letter of a sheet column, else the number.
    public var columnText: String { columnLabel ?? "\(column)" }

    /// `file:line:col`.
    public var description: String { "\(file):\(line):\(columnText)" }
}

/// A user-facing problem with where it is: the one renderer every stage uses.
///
///     let d = Diagnostic(location: loc, message: "неизвестное поле `enterd_at`",
///                        sourceLine: "  require enterd_at <= end_of_day(lesson.date)",
///                        hint: "возможно, `entered_at`?")
///     print(d.rendered)
///     // rules/x.rules:4:11: ошибка: неизвестное поле `enterd_at`
///     //   require enterd_at <= end_of_day(lesson.date)
///     //           ^
///     // подсказка: возможно, `entered_at`?
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public enum Level: String, Sendable {
        case error = "ошибка"
        case warning = "предупреждение"
        case note = "примечание"
    }

    /// A stable identifier (e.g. "rules.unknown-field", "import.missing-column") that tests
    /// and docs can name.
    public var id: String
    public var level: Level
    public var location: SourceLocation?
    public var message: String
    /// The source line, or the part of a long one around the column (see `excerptWidth`).
    public var sourceLine: String?
    public var hint: String?
    /// Characters of the source line cut before `sourceLine` (a long line is shown around the
    /// column, not whole).
    public private(set) var excerptStart = 0

    /// Characters of a source line shown at most: a 50 KB line is cut to this much around the
    /// column, marked «…» where cut.
    public static let excerptWidth = 120

    public init(id: String = "", level: Level = .error, location: SourceLocation?, message: String,
                sourceLine: String? = nil, hint: String? = nil) {
        self.id = id
        self.level = level
        self.location = location
        self.message = message
        self.hint = hint
        // Cut by Unicode scalars, not characters: counting characters of a 50 KB line is slow
        // (grapheme breaking), and a line that long is not prose with combining accents.
        if let line = sourceLine, line.utf8.count > Diagnostic.excerptWidth,
           case let scalars = line.unicodeScalars, case let count = scalars.count, count > Diagnostic.excerptWidth {
            let column = max(1, location?.column ?? 1)
            let start = max(0, min(column - 1 - Diagnostic.excerptWidth / 3, count - Diagnostic.excerptWidth))
            let from = scalars.index(scalars.startIndex, offsetBy: start)
            let to = scalars.index(from, offsetBy: Diagnostic.excerptWidth)
            self.sourceLine = (start > 0 ? "…" : "") + String(scalars[from..<to]) + (to < scalars.endIndex ? "…" : "")
            excerptStart = start
        } else {
            self.sourceLine = sourceLine
        }
    }

    /// `file:line:col: ошибка: message`, then the source line and a caret under the column.
    /// Control characters of the source (ESC, BEL…) are shown as their Unicode pictures, so a
    /// line of a file cannot drive the terminal.
    public var rendered: String {
        var out = ""
        if let loc = location { out += "\(loc): " }
        out += "\(level.rawValue): \(message)"
        if let line = sourceLine, let loc = location {
            let shown = VisibleText.of(line.replacingTabs(), keepingLineBreaks: false)
            let caret = max(0, loc.column - 1 - excerptStart) + (excerptStart > 0 ? 1 : 0)
            out += "\n  \(shown)\n  " + String(repeating: " ", count: caret) + "^"
        }
        if let h = hint { out += "\nподсказка: \(h)" }
        return out
    }

    public var description: String { rendered }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
