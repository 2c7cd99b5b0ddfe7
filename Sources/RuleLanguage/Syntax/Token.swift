import JournalModel

/// One lexical token of a `.rules` file with where it starts.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case ident(String)
        case number(Double)
        /// A number glued to letters: `7б`, `1ч30м`, `3дня`.
        case numWord(String)
        case string(String)
        case date(LocalDate)
        case dateTime(LocalDateTime)
        case time(TimeOfDay)
        case punct(String)
        case eof

        var isString: Bool { if case .string = self { true } else { false } }
    }

    public var kind: Kind
    /// The text as written (for ids and messages).
    public var raw: String
    public var line: Int
    public var column: Int
    /// True for the first token on its line.
    public var startsLine: Bool
    /// True when whitespace precedes the token.
    public var spaceBefore: Bool

    public var identText: String? { if case .ident(let s) = kind { s } else { nil } }
    public var isEOF: Bool { kind == .eof }

    public func isPunct(_ p: String) -> Bool { kind == .punct(p) }
    public func isWord(_ w: String) -> Bool { identText == w }

    /// What the token is, for "ожидалось … , а найдено …" messages.
    public var shown: String {
        switch kind {
        case .eof: "конец файла"
        case .string: "строка \"\(raw.prefix(30))\""
        default: "`\(raw)`"
        }
    }
}
