import JournalModel

/// Parses a `.rules` file into a `PackFile`, reporting every syntax error into `sink`.
///
///     let sink = DiagnosticSink(file: "x.rules", text: text)
///     let pack = Parser(text: text, sink: sink).parseFile()
public struct Parser {
    var tokens: [Token]
    var pos = 0
    /// Depth of open brackets inside an expression: line breaks end an expression only at 0.
    var nesting = 0
    /// Nesting of the expression being parsed (`RuleLimits.maxExpressionDepth`).
    var depth = 0
    let sink: DiagnosticSink

    public init(text: String, sink: DiagnosticSink) {
        var lexer = Lexer(text: text, file: sink.file)
        tokens = lexer.tokenize()
        sink.append(lexer.diagnostics)
        self.sink = sink
    }

    init(tokens: [Token], sink: DiagnosticSink) {
        self.tokens = tokens
        self.sink = sink
    }

    var tok: Token { tokens[pos] }
    func peek(_ k: Int = 1) -> Token { tokens[min(pos + k, tokens.count - 1)] }
    mutating func next() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    func loc(_ t: Token) -> SourceLocation { SourceLocation(file: sink.file, line: t.line, column: t.column) }

    func error(_ id: RuleDiagnosticID, _ t: Token, _ message: String, hint: String? = nil) {
        sink.add(id, at: loc(t), message, hint: hint)
    }

    /// Skips to the next token that begins a line (error recovery).
    mutating func skipLine() {
        _ = next()
        while !tok.isEOF && !tok.startsLine { _ = next() }
    }

    /// True when the expression must stop before `tok` (a new line outside brackets).
    var atExprEnd: Bool { tok.isEOF || (tok.startsLine && nesting == 0) }

    static let headerKeys = ["pack", "title", "document", "extends", "param", "set", "define", "template", "rule"]

    public mutating func parseFile() -> PackFile {
        var file = PackFile(path: sink.file)
        while !tok.isEOF {
            let t = tok
            guard let word = t.identText, t.startsLine else {
                error(.syntax, t, "ожидалось начало настройки пакета или правила, а найдено \(t.shown)")
                skipLine()
                continue
            }
            switch word {
            case "pack":
                _ = next()
                file.id = parseId()
                file.loc = loc(t)
            case "title": _ = next(); file.title = expectString()
            case "document": _ = next(); file.document = expectString()
            case "extends":
                _ = next()
                file.extendsLoc = loc(tok)
                file.extends = expectString()
            case "param", "set":
                _ = next()
                let nameTok = tok
                if let p = parseParam(isOverride: word == "set") { file.params.append(p) } else if let n = nameTok.identText {
                    file.brokenNames.insert(n)
                }
            case "define":
                _ = next()
                let nameTok = tok
                if let d = parseDefine() {
                    if file.defines.contains(where: { $0.name == d.name && $0.entity == d.entity }) {
                        error(.duplicateKey, nameTok, "определение `\(d.entity.map { $0 + "." } ?? "")\(d.name)` уже есть в этом файле")
                    }
                    file.defines.append(d)
                } else if let n = nameTok.identText {
                    file.brokenNames.insert(n)
                    if peek().isPunct("."), let f = peek(2).identText { file.brokenNames.insert(f) }
                }
            case "template":
                _ = next()
                if let r = parseRule(at: t, isTemplate: true) {
                    if file.templates.contains(where: { $0.id == r.id }) {
                        error(.duplicateRule, t, "шаблон `\(r.id)` уже объявлен в этом файле")
                    }
                    file.templates.append(r)
                }
            case "rule":
                _ = next()
                if let r = parseRule(at: t) {
                    if file.rules.contains(where: { $0.id == r.id }) {
                        error(.duplicateRule, t, "правило `\(r.id)` уже объявлено в этом файле")
                    }
                    file.rules.append(r)
                }
            default:
                error(.unknownKey, t, "неизвестная настройка пакета `\(word)`",
                      hint: RuleDiagnostics.didYouMean(word, among: Parser.headerKeys))
                skipLine()
                continue
            }
            expectLineEnd()
        }
        return file
    }

    /// Reports anything left on the current line.
    mutating func expectLineEnd() {
        if !tok.isEOF && !tok.startsLine {
            error(.syntax, tok, "лишнее в конце строки: \(tok.shown)")
            while !tok.isEOF && !tok.startsLine { _ = next() }
        }
    }

    /// An id: adjacent tokens without spaces (`OOSH14-3.2.4`).
    mutating func parseId() -> String? {
        guard !atExprEnd, !tok.isPunct("{") else {
            error(.syntax, tok, "ожидался идентификатор (например, `OOSH14-MARK-DAY`), а найдено \(tok.shown)")
            return nil
        }
        var s = next().raw
        while !tok.spaceBefore, !tok.isEOF, !tok.isPunct("{") { s += next().raw }
        return s
    }

    mutating func expectString() -> String? {
        if case .string(let s) = tok.kind { _ = next(); return s }
        error(.syntax, tok, "ожидалась строка в кавычках \"…\", а найдено \(tok.shown)")
        while !atExprEnd { _ = next() }
        return nil
    }

    mutating func parseParam(isOverride: Bool) -> ParamDecl? {
        let nameTok = tok
        guard let name = nameTok.identText else {
            error(.syntax, tok, "ожидалось имя параметра, а найдено \(tok.shown)")
            skipRest()
            return nil
        }
        _ = next()
        // `param name "описание"`: declared without a default value; a pack that uses it must `set` it.
        if !isOverride, case .string(let s) = tok.kind, !atExprEnd {
            _ = next()
            return ParamDecl(name: name, value: nil, description: s, loc: loc(nameTok), isOverride: false)
        }
        guard tok.isPunct("=") else {
            error(.syntax, tok, "ожидался знак `=` после имени параметра, а найдено \(tok.shown)",
                  hint: isOverride ? nil : "параметр без значения по умолчанию пишется так: param имя \"описание\"")
            skipRest()
            return nil
        }
        _ = next()
        guard let value = parseLiteral() else { skipRest(); return nil }
        var desc: String?
        if !isOverride, case .string(let s) = tok.kind, !atExprEnd { _ = next(); desc = s }
        return ParamDecl(name: name, value: value, description: desc, loc: loc(nameTok), isOverride: isOverride)
    }

    /// `define entity.name = expr ["описание"]`, `define name(a, b) = expr`, `define name = expr`.
    mutating func parseDefine() -> DefineDecl? {
        let nameTok = tok
        guard var name = nameTok.identText, !Parser.reserved.contains(name) else {
            error(.syntax, tok, "ожидалось имя определения (например, `lesson.entry_time` или `mark_count(list)`), а найдено \(tok.shown)")
            skipRest()
            return nil
        }
        _ = next()
        var entity: String?
        var entityLoc: SourceLocation?
        var parameters: [String] = []
        if tok.isPunct("."), !tok.spaceBefore {
            _ = next()
            guard let field = tok.identText else {
                error(.syntax, tok, "после точки ожидалось имя поля, а найдено \(tok.shown)")
                skipRest()
                return nil
            }
            _ = next()
            entity = name
            entityLoc = loc(nameTok)
            name = field
        } else if tok.isPunct("("), !tok.spaceBefore {
            _ = next()
            while !tok.isPunct(")") {
                guard let p = tok.identText, !atExprEnd else {
                    error(.syntax, tok, "в скобках определения ожидались имена параметров через запятую, а найдено \(tok.shown)")
                    skipRest()
                    return nil
                }
                _ = next()
                parameters.append(p)
                if tok.isPunct(",") { _ = next() } else if !tok.isPunct(")") {
                    error(.syntax, tok, "ожидалась `,` или `)`, а найдено \(tok.shown)")
                    skipRest()
                    return nil
                }
            }
            _ = next()
        }
        guard tok.isPunct("=") else {
            error(.syntax, tok, "ожидался знак `=` после имени определения, а найдено \(tok.shown)")
            skipRest()
            return nil
        }
        _ = next()
        guard let body = parseExpr() else { skipRest(); return nil }
        var desc: String?
        if case .string(let s) = tok.kind, !atExprEnd { _ = next(); desc = s }
        return DefineDecl(name: name, entity: entity, entityLoc: entityLoc, parameters: parameters, body: body,
                          description: desc, loc: loc(nameTok))
    }

    mutating func skipRest() { while !atExprEnd { _ = next() } }
}
