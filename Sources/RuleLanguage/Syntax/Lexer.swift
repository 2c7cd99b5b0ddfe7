import JournalModel

/// Splits a `.rules` file into tokens; problems become diagnostics and lexing continues.
///
///     var lx = Lexer(text: "require entered_at <= end_of_day(lesson.date)", file: "x.rules")
///     let tokens = lx.tokenize()   // require, entered_at, <=, end_of_day, (, lesson, ., date, ), eof
public struct Lexer {
    private let chars: [Character]
    private let file: String
    private let lines: [Substring]
    private var pos = 0
    private var line = 1
    private var col = 1
    public private(set) var diagnostics: [Diagnostic] = []
    /// Line of the last error: every lexer error breaks the reading of its line, so a second one
    /// there is not made (a line of 10,000 stray characters gives one error, not 10,000 copies
    /// of the line — `DiagnosticSink` would drop them anyway).
    private var lastErrorLine = 0


    /// `sourceLines` are the whole file's lines when `text` is a piece of it (a placeholder).
    public init(text: String, file: String, firstLine: Int = 1, firstColumn: Int = 1,
                sourceLines: [Substring]? = nil) {
        chars = Array(text)
        self.file = file
        lines = sourceLines ?? text.split(separator: "\n", omittingEmptySubsequences: false)
        line = firstLine
        col = firstColumn
    }

    public mutating func tokenize() -> [Token] {
        var out: [Token] = []
        var lineOfLast = 0
        while true {
            let hadSpace = skipSpaceAndComments()
            let startLine = line, startCol = col
            let starts = startLine != lineOfLast
            guard pos < chars.count else {
                out.append(Token(kind: .eof, raw: "", line: line, column: col, startsLine: true, spaceBefore: true))
                return out
            }
            let startPos = pos
            if let kind = lexOne() {
                let raw = String(chars[startPos..<pos])
                out.append(Token(kind: kind, raw: raw, line: startLine, column: startCol,
                                 startsLine: starts, spaceBefore: hadSpace || starts))
                lineOfLast = startLine
            }
        }
    }

    private var cur: Character? { pos < chars.count ? chars[pos] : nil }
    private func at(_ k: Int) -> Character? { pos + k < chars.count ? chars[pos + k] : nil }

    private mutating func advance() {
        if chars[pos] == "\n" { line += 1; col = 1 } else { col += 1 }
        pos += 1
    }

    private mutating func skipSpaceAndComments() -> Bool {
        var skipped = false
        while let c = cur {
            if c == "#" {
                while let d = cur, d != "\n" { advance() }
            } else if c.isWhitespace {
                advance()
            } else { break }
            skipped = true
        }
        return skipped
    }

    private mutating func lexOne() -> Token.Kind? {
        guard let c = cur else { return nil }
        if c == "\"" { return lexString() }
        if c.isNumber && c.isASCII { return lexNumberLike() }
        if c.isLetter || c == "_" {
            var s = ""
            while let d = cur, d.isLetter || d.isNumber || d == "_" { s.append(d); advance() }
            return .ident(s)
        }
        let two = at(1).map { String(c) + String($0) } ?? ""
        if ["<=", ">=", "!=", ".."].contains(two) { advance(); advance(); return .punct(two) }
        if "{}(),.=<>+-*/%".contains(c) { advance(); return .punct(String(c)) }
        let (l, cl) = (line, col)
        advance()
        if l != lastErrorLine { lastErrorLine = l; diagnostics.append(RuleDiagnostics.make(.syntax, file: file, line: l, column: cl,
                                                sourceLine: sourceLine(l),
                                                message: "неожиданный символ «\(c)»")) }
        return nil
    }

    /// A string in double quotes. Inside a `{…}` placeholder of a message a quoted string is part
    /// of the expression (`"… {coalesce(topic, "—")} …"`), so its quotes do not end the message.
    private mutating func lexString() -> Token.Kind? {
        let (l, cl) = (line, col)
        advance()
        var s = ""
        var depth = 0
        while let c = cur, c != "\n" {
            if c == "\"" {
                if depth > 0, let end = innerStringEnd() {
                    while pos <= end { s.append(chars[pos]); advance() }
                    continue
                }
                if depth > 0, restOfLineHasText() {
                    // A quote inside an unclosed placeholder ended the message too early: say so
                    // once, and do not read the rest of the line as rule text.
                    let (ql, qc) = (line, col)
                    if ql != lastErrorLine { lastErrorLine = ql; diagnostics.append(RuleDiagnostics.make(.badPlaceholder, file: file, line: ql, column: qc,
                                                            sourceLine: sourceLine(ql),
                                                            message: "кавычка внутри подстановки `{…}` закрыла строку сообщения",
                                                            hint: "строка внутри подстановки пишется целиком в кавычках и подстановка закрывается `}`: {coalesce(topic, \"—\")}")) }
                    while let d = cur, d != "\n" { advance() }
                    return .string(s)
                }
                advance()
                return .string(s)
            }
            if c == "\\", let n = at(1), n == "\"" || n == "\\" {
                advance(); advance()
                s.append(n)
                continue
            }
            if c == "{" {
                if at(1) == "{" { s += "{{"; advance(); advance(); continue }
                depth += 1
            } else if c == "}" {
                if depth > 0 { depth -= 1 } else if at(1) == "}" { s += "}}"; advance(); advance(); continue }
            }
            s.append(c)
            advance()
        }
        if l != lastErrorLine { lastErrorLine = l; diagnostics.append(RuleDiagnostics.make(.unterminatedString, file: file, line: l, column: cl,
                                                sourceLine: sourceLine(l),
                                                message: "строка не закрыта кавычкой до конца строки",
                                                hint: depth > 0 ? "подстановка `{` не закрыта скобкой `}`" : nil)) }
        return .string(s)
    }

    /// True when something other than spaces and a comment follows the current character on its line.
    private func restOfLineHasText() -> Bool {
        var k = pos + 1
        while k < chars.count, chars[k] != "\n" {
            if chars[k] == "#" { return false }
            if !chars[k].isWhitespace { return true }
            k += 1
        }
        return false
    }

    /// At a `"` inside a placeholder: the position of the quote that closes this inner string,
    /// provided the placeholder's `}` and the closing quote of the whole string follow on the
    /// line; nil when they do not (then the quote ends the string, as a plain `"` would).
    private func innerStringEnd() -> Int? {
        // Looked for within `innerStringReach` characters: a placeholder's string is short, and
        // scanning to the end of a 30 KB line from each of its thousands of quotes took seconds.
        let limit = min(chars.count, pos + Self.innerStringReach)
        var k = pos + 1
        while k < limit, chars[k] != "\n" {
            if chars[k] == "\\", k + 1 < chars.count, chars[k + 1] == "\"" || chars[k + 1] == "\\" { k += 2; continue }
            if chars[k] == "\"" { break }
            k += 1
        }
        guard k < limit, chars[k] == "\"" else { return nil }
        var j = k + 1, sawBrace = false
        while j < limit, chars[j] != "\n" {
            if chars[j] == "}" { sawBrace = true }
            if chars[j] == "\"", sawBrace { return k }
            j += 1
        }
        return nil
    }

    static let innerStringReach = 1024

    private func digits(from k: Int, count: Int) -> Bool {
        (0..<count).allSatisfy { at(k + $0).map { $0.isASCII && $0.isNumber } ?? false }
    }

    private func text(_ k: Int, _ n: Int) -> String { String(chars[(pos + k)..<(pos + k + n)]) }

    private mutating func lexNumberLike() -> Token.Kind? {
        // yyyy-mm-dd[Thh:mm[:ss]]
        if digits(from: 0, count: 4), at(4) == "-", digits(from: 5, count: 2), at(7) == "-", digits(from: 8, count: 2) {
            let (l, cl) = (line, col)
            let dateText = text(0, 10)
            var n = 10
            var timeText: String?
            if at(10) == "T", digits(from: 11, count: 2), at(13) == ":", digits(from: 14, count: 2) {
                n = 16
                if at(16) == ":", digits(from: 17, count: 2) { n = 19 }
                timeText = text(11, n - 11)
            }
            for _ in 0..<n { advance() }
            guard let d = DateParsing.date(dateText) else { return badDate(dateText, l, cl) }
            guard let tt = timeText else { return .date(d) }
            guard let t = DateParsing.time(tt) else { return badDate(dateText + "T" + tt, l, cl) }
            return .dateTime(LocalDateTime(date: d, time: t))
        }
        // hh:mm
        if digits(from: 0, count: 2), at(2) == ":", digits(from: 3, count: 2) {
            let (l, cl) = (line, col)
            let tt = text(0, 5)
            for _ in 0..<5 { advance() }
            guard let t = DateParsing.time(tt) else { return badDate(tt, l, cl) }
            return .time(t)
        }
        var s = ""
        while let c = cur, c.isASCII && c.isNumber { s.append(c); advance() }
        if cur == ".", let n = at(1), n.isASCII && n.isNumber {
            s.append("."); advance()
            while let c = cur, c.isASCII && c.isNumber { s.append(c); advance() }
        }
        if let c = cur, c.isLetter {
            while let d = cur, d.isLetter || d.isNumber || d == "_" { s.append(d); advance() }
            return .numWord(s)
        }
        return .number(Double(s) ?? 0)
    }

    private mutating func badDate(_ t: String, _ l: Int, _ c: Int) -> Token.Kind? {
        if l != lastErrorLine { lastErrorLine = l; diagnostics.append(RuleDiagnostics.make(.badDate, file: file, line: l, column: c, sourceLine: sourceLine(l),
                                                message: "невозможная дата или время «\(t)»",
                                                hint: "даты пишутся как 2025-09-01, время — как 2025-09-01T10:25")) }
        return nil
    }

    func sourceLine(_ l: Int) -> String? {
        l >= 1 && l <= lines.count ? String(lines[l - 1]) : nil
    }
}
