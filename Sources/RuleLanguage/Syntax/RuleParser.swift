import JournalModel

extension Parser {
    static let ruleKeys = ["title", "document", "clause", "severity", "tags", "valid", "scope", "require",
                           "forbid", "measure", "due", "skip", "warn", "fail", "message", "expected", "found", "example", "set"]

    /// `rule ID [from TEMPLATE] { … }` or `template ID { … }` (the first word is consumed).
    mutating func parseRule(at start: Token, isTemplate: Bool = false) -> RuleDecl? {
        guard let id = parseId() else { skipBlock(); return nil }
        var rule = RuleDecl(id: id, loc: loc(start))
        if !isTemplate, tok.isWord("from"), !atExprEnd {
            _ = next()
            rule.templateLoc = loc(tok)
            guard let base = parseId() else { skipBlock(); return nil }
            rule.template = base
        }
        guard tok.isPunct("{") else {
            error(.syntax, tok, "после id \(isTemplate ? "шаблона" : "правила") ожидалась `{`, а найдено \(tok.shown)",
                  hint: isTemplate ? nil : "правило по шаблону пишется так: rule ID from ШАБЛОН {")
            skipBlock()
            return rule
        }
        _ = next()
        expectLineEnd()
        while !tok.isEOF && !tok.isPunct("}") {
            let keyTok = tok
            guard let key = keyTok.identText else {
                error(.syntax, keyTok, "ожидалась настройка правила (title, scope, require…), а найдено \(keyTok.shown)")
                skipLine()
                continue
            }
            _ = next()
            if key != "example", key != "skip", !rule.seenKeys.insert(key).inserted {
                error(.duplicateKey, keyTok, "настройка `\(key)` уже задана в этом правиле")
            }
            parseRuleItem(key, keyTok, &rule)
            expectLineEnd()
        }
        if tok.isPunct("}") { _ = next() } else {
            error(.syntax, tok, "правило `\(id)` не закрыто скобкой `}`")
        }
        return rule
    }

    mutating func parseRuleItem(_ key: String, _ keyTok: Token, _ rule: inout RuleDecl) {
        switch key {
        case "title": rule.title = expectString()
        case "document": rule.document = expectString()
        case "clause": rule.clause = expectString()
        case "severity":
            rule.severityLoc = loc(tok)
            rule.severity = tok.identText
            if rule.severity == nil { error(.badSeverity, tok, "ожидалась степень: нарушение, замечание или рекомендация") }
            skipRest()
        case "tags":
            rule.tagsLoc = loc(tok)
            while !atExprEnd {
                if let w = tok.identText { rule.tags.append(w) } else if !tok.isPunct(",") {
                    error(.syntax, tok, "теги пишутся словами через запятую, а найдено \(tok.shown)")
                }
                _ = next()
            }
        case "valid": parseValid(&rule)
        case "scope":
            rule.scopeLoc = loc(tok)
            if let e = tok.identText { _ = next(); rule.scope = e } else {
                error(.syntax, tok, "после scope ожидалось имя сущности (lessons, marks, …)")
                skipRest()
                return
            }
            if tok.isWord("where"), !atExprEnd { _ = next(); rule.filter = parseExpr() }
        case "require", "forbid":
            if rule.condition != nil { error(.duplicateKey, keyTok, "условие уже задано: в правиле одно require или forbid") }
            rule.conditionIsForbid = key == "forbid"
            rule.condition = parseExpr()
        case "measure": rule.measure = parseExpr()
        case "due": rule.due = parseExpr()
        case "skip":
            guard tok.isWord("when") else {
                error(.syntax, tok, "после skip ожидалось `when УСЛОВИЕ \"причина\"`, а найдено \(tok.shown)")
                skipRest()
                return
            }
            _ = next()
            guard let cond = parseExpr() else { skipRest(); return }
            guard case .string = tok.kind else {
                error(.syntax, tok, "после условия skip when ожидалась причина в кавычках — её прочтёт заместитель директора")
                skipRest()
                return
            }
            if let reason = parseTemplate() { rule.skips.append(SkipDecl(condition: cond, reason: reason, loc: loc(keyTok))) }
        case "warn", "fail":
            let th = parseThreshold()
            if key == "warn" { rule.warn = th } else { rule.fail = th }
        case "message": rule.message = parseTemplate()
        case "expected": rule.expected = parseTemplate()
        case "found": rule.found = parseTemplate()
        case "example": if let ex = parseExample(at: keyTok) { rule.examples.append(ex) } else { rule.brokenExamples += 1 }
        case "set":
            rule.seenKeys.remove("set")
            if let p = parseParam(isOverride: true) {
                if rule.localParams.contains(where: { $0.name == p.name }) {
                    error(.duplicateKey, keyTok, "параметр `\(p.name)` уже задан в этом правиле")
                }
                rule.localParams.append(p)
            }
        default:
            error(.unknownKey, keyTok, "неизвестная настройка правила `\(key)`",
                  hint: RuleDiagnostics.didYouMean(key, among: Parser.ruleKeys))
            skipRest()
        }
    }

    mutating func parseValid(_ rule: inout RuleDecl) {
        while !atExprEnd {
            let w = tok
            guard let word = w.identText, word == "from" || word == "to" else {
                error(.syntax, w, "после valid ожидалось `from ДАТА` и/или `to ДАТА`, а найдено \(w.shown)")
                skipRest()
                return
            }
            _ = next()
            guard case .date(let d) = tok.kind else {
                error(.badDate, tok, "ожидалась дата вида 2025-09-01, а найдено \(tok.shown)")
                skipRest()
                return
            }
            _ = next()
            if word == "from" { rule.validFrom = d } else { rule.validTo = d }
        }
    }

    mutating func parseThreshold() -> Threshold? {
        let t = tok
        var inclusive = false
        if tok.isPunct(">=") { inclusive = true } else if !tok.isPunct(">") {
            error(.syntax, tok, "порог пишется как `> значение` или `>= значение`, а найдено \(tok.shown)")
            skipRest()
            return nil
        }
        _ = next()
        if let name = tok.identText, name != "true", name != "false" {
            _ = next()
            return Threshold(inclusive: inclusive, value: nil, parameter: name, loc: loc(t))
        }
        guard let v = parseLiteral() else { skipRest(); return nil }
        return Threshold(inclusive: inclusive, value: v, parameter: nil, loc: loc(t))
    }

    /// Skips a `{ … }` block after a broken header.
    mutating func skipBlock() {
        while !tok.isEOF && !tok.isPunct("{") && !(tok.startsLine && Parser.headerKeys.contains(tok.identText ?? "")) { _ = next() }
        guard tok.isPunct("{") else { return }
        var depth = 0
        repeat {
            if tok.isPunct("{") { depth += 1 } else if tok.isPunct("}") { depth -= 1 }
            _ = next()
        } while depth > 0 && !tok.isEOF
    }
}
