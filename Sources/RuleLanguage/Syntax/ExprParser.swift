import JournalModel

extension Parser {
    static let aggregates: Set<String> = ["count", "exists", "ratio", "min", "max", "sum"]
    static let reserved: Set<String> = ["and", "or", "not", "in", "matches", "contains", "starts_with",
                                        "where", "if", "then", "else", "true", "false"]

    public mutating func parseExpr() -> Expr? {
        guard deeper() else { return nil }
        defer { depth -= 1 }
        return parseOr()
    }

    /// Enters one more level of nesting; false (with one error) past `RuleLimits.maxExpressionDepth`.
    /// Every recursive step of the expression parser and every link of an operator chain goes
    /// through here, so the tree the checker and the engine walk is as shallow as the text.
    mutating func deeper() -> Bool {
        depth += 1
        guard depth > RuleLimits.maxExpressionDepth else { return true }
        depth -= 1
        error(.tooDeep, tok, "выражение вложено слишком глубоко: больше \(RuleLimits.maxExpressionDepth) уровней (скобок, `if`, `not`, минусов, звеньев цепочки операций)",
              hint: "разбейте условие на части с помощью `define` — так его и читать легче")
        return false
    }

    mutating func parseOr() -> Expr? {
        guard var l = parseAnd() else { return nil }
        let outer = depth
        defer { depth = outer }
        while !atExprEnd, tok.isWord("or") {
            let t = next()
            guard deeper() else { return nil }
            guard let r = parseAnd() else { return nil }
            l = Expr(.binary("or", l, r), loc(t))
        }
        return l
    }

    mutating func parseAnd() -> Expr? {
        guard var l = parseNot() else { return nil }
        let outer = depth
        defer { depth = outer }
        while !atExprEnd, tok.isWord("and") {
            let t = next()
            guard deeper() else { return nil }
            guard let r = parseNot() else { return nil }
            l = Expr(.binary("and", l, r), loc(t))
        }
        return l
    }

    mutating func parseNot() -> Expr? {
        if !atExprEnd, tok.isWord("not") {
            guard deeper() else { return nil }
            defer { depth -= 1 }
            let t = next()
            guard let e = parseNot() else { return nil }
            return Expr(.unary("not", e), loc(t))
        }
        return parseTest()
    }

    mutating func parseTest() -> Expr? {
        guard let l = parseSum() else { return nil }
        if atExprEnd { return l }
        let t = tok
        if case .punct(let p) = t.kind, ["=", "!=", "<", "<=", ">", ">="].contains(p) {
            _ = next()
            guard let r = parseSum() else { return nil }
            return Expr(.binary(p, l, r), loc(t))
        }
        if t.isWord("not"), peek().isWord("in") {
            _ = next(); _ = next()
            guard let r = parseSum() else { return nil }
            return Expr(.unary("not", Expr(.binary("in", l, r), loc(t))), loc(t))
        }
        if let w = t.identText, ["in", "matches", "contains", "starts_with"].contains(w) {
            _ = next()
            guard let r = parseSum() else { return nil }
            return Expr(.binary(w, l, r), loc(t))
        }
        return l
    }

    mutating func parseSum() -> Expr? {
        guard var l = parseProduct() else { return nil }
        let outer = depth
        defer { depth = outer }
        while !atExprEnd, tok.isPunct("+") || tok.isPunct("-") {
            let t = next()
            guard deeper() else { return nil }
            guard let r = parseProduct() else { return nil }
            l = Expr(.binary(t.raw, l, r), loc(t))
        }
        return l
    }

    mutating func parseProduct() -> Expr? {
        guard var l = parseUnary() else { return nil }
        let outer = depth
        defer { depth = outer }
        while !atExprEnd, tok.isPunct("*") || tok.isPunct("/") {
            let t = next()
            guard deeper() else { return nil }
            guard let r = parseUnary() else { return nil }
            l = Expr(.binary(t.raw, l, r), loc(t))
        }
        return l
    }

    mutating func parseUnary() -> Expr? {
        if !atExprEnd, tok.isPunct("-") {
            guard deeper() else { return nil }
            defer { depth -= 1 }
            let t = next()
            guard let e = parseUnary() else { return nil }
            return Expr(.unary("-", e), loc(t))
        }
        return parsePostfix()
    }

    mutating func parsePostfix() -> Expr? {
        guard var e = parsePrimary() else { return nil }
        while !atExprEnd, tok.isPunct("."), !tok.spaceBefore {
            _ = next()
            let nt = tok
            guard let name = nt.identText else {
                error(.syntax, nt, "после точки ожидалось имя поля, а найдено \(nt.shown)")
                return nil
            }
            _ = next()
            e = Expr(.member(e, name), loc(nt))
        }
        return e
    }

    mutating func parsePrimary() -> Expr? {
        let t = tok
        if atExprEnd {
            // Point at the end of the line that broke off, not at the next line.
            let prev = pos > 0 ? tokens[pos - 1] : t
            let at = prev.isEOF || pos == 0 ? loc(t)
                : SourceLocation(file: sink.file, line: prev.line, column: prev.column + prev.raw.count + (prev.kind.isString ? 2 : 0))
            sink.add(.syntax, at: at, "выражение оборвалось: ожидалось значение или имя поля")
            return nil
        }
        switch t.kind {
        case .punct("("):
            _ = next()
            nesting += 1
            let e = parseExpr()
            nesting -= 1
            guard expect(")") else { return nil }
            return e
        case .ident(let w) where w == "if":
            _ = next()
            guard let c = parseExpr(), expectWord("then"), let a = parseExpr(), expectWord("else"),
                  let b = parseExpr() else { return nil }
            return Expr(.ifThen(c, a, b), loc(t))
        case .ident(let w) where w != "true" && w != "false":
            if Parser.reserved.contains(w) {
                error(.syntax, t, "служебное слово `\(w)` не может стоять здесь")
                _ = next()
                return nil
            }
            _ = next()
            guard tok.isPunct("("), !tok.spaceBefore else { return Expr(.name(w), loc(t)) }
            _ = next()
            nesting += 1
            defer { nesting -= 1 }
            return Parser.aggregates.contains(w) ? parseAggregate(w, at: t) : parseCall(w, at: t)
        default:
            guard let lit = parseLiteral() else { return nil }
            return Expr(.literal(lit), loc(t))
        }
    }

    mutating func parseCall(_ name: String, at t: Token) -> Expr? {
        var args: [Expr] = []
        if !tok.isPunct(")") {
            repeat {
                if tok.isPunct(",") { _ = next() }
                guard let a = parseExpr() else { return nil }
                args.append(a)
            } while tok.isPunct(",")
        }
        guard expect(")") else { return nil }
        return Expr(.call(name, args), loc(t))
    }

    mutating func parseAggregate(_ name: String, at t: Token) -> Expr? {
        var binder: String?
        if let b = tok.identText, peek().isWord("in") {
            binder = b
            _ = next(); _ = next()
        }
        guard let coll = parseExpr() else { return nil }
        var filter: Expr?
        if tok.isWord("where") {
            _ = next()
            guard let f = parseExpr() else { return nil }
            filter = f
        }
        var value: Expr?
        if tok.isPunct(",") {
            _ = next()
            guard let v = parseExpr() else { return nil }
            value = v
        }
        guard expect(")") else { return nil }
        return Expr(.aggregate(name, binder: binder, collection: coll, filter: filter, value: value), loc(t))
    }

    mutating func expect(_ p: String) -> Bool {
        if tok.isPunct(p) { _ = next(); return true }
        error(.syntax, tok, "ожидалась `\(p)`, а найдено \(tok.shown)")
        return false
    }

    mutating func expectWord(_ w: String) -> Bool {
        if tok.isWord(w) { _ = next(); return true }
        error(.syntax, tok, "ожидалось `\(w)`, а найдено \(tok.shown)")
        return false
    }
}
