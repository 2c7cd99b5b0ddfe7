import JournalModel

extension Parser {
    /// A message string with `{expression}` placeholders; `{{` and `}}` are literal braces.
    mutating func parseTemplate() -> Template? {
        let t = tok
        guard case .string(let s) = t.kind else {
            _ = expectString()
            return nil
        }
        _ = next()
        var pieces: [Template.Piece] = []
        var text = ""
        let cs = Array(s)
        var i = 0
        // Column of the string's first character (after the quote); escapes shift it slightly.
        let base = t.column + 1
        while i < cs.count {
            let c = cs[i]
            if c == "{", i + 1 < cs.count, cs[i + 1] == "{" { text.append("{"); i += 2; continue }
            if c == "}", i + 1 < cs.count, cs[i + 1] == "}" { text.append("}"); i += 2; continue }
            if c == "{" {
                guard let close = Parser.placeholderEnd(cs, from: i + 1) else {
                    sink.add(.badPlaceholder, at: SourceLocation(file: sink.file, line: t.line, column: base + i),
                             "подстановка `{` не закрыта скобкой `}`", hint: "фигурную скобку в тексте пишут как `{{`")
                    return nil
                }
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                let inner = String(cs[(i + 1)..<close])
                var lexer = Lexer(text: inner, file: sink.file, firstLine: t.line, firstColumn: base + i + 1,
                                  sourceLines: sink.lines)
                var toks = lexer.tokenize()
                sink.append(lexer.diagnostics)
                for k in toks.indices { toks[k].startsLine = false }
                toks[toks.count - 1].startsLine = true
                var sub = Parser(tokens: toks, sink: sink)
                if inner.trimmingSpaces().isEmpty {
                    sink.add(.badPlaceholder, at: SourceLocation(file: sink.file, line: t.line, column: base + i),
                             "пустая подстановка `{}`")
                } else if let e = sub.parseExpr() {
                    if !sub.tok.isEOF { sub.error(.badPlaceholder, sub.tok, "лишнее в подстановке: \(sub.tok.shown)") }
                    pieces.append(.expr(e))
                }
                i = close + 1
                continue
            }
            text.append(c)
            i += 1
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return Template(pieces: pieces, source: s)
    }

    /// The `}` closing a placeholder that starts at `from`, skipping quoted strings inside it.
    static func placeholderEnd(_ cs: [Character], from: Int) -> Int? {
        var k = from
        var quoted = false
        while k < cs.count {
            let c = cs[k]
            if quoted {
                if c == "\\" { k += 2; continue }
                if c == "\"" { quoted = false }
            } else if c == "\"" {
                quoted = true
            } else if c == "}" {
                return k
            }
            k += 1
        }
        return nil
    }
}
