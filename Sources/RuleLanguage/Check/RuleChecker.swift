import JournalModel

/// Checks one parsed rule against the registry and the pack's parameters.
enum RuleChecker {
    static func check(_ r: RuleDecl, sink: DiagnosticSink, params packParams: [String: Literal], unset: Set<String> = [],
                      defs: Definitions = Definitions(), packDocument: String?) -> CheckedRule? {
        let before = sink.items.count
        func missing(_ key: String, _ what: String) {
            // A key written on a line that could not be read is already reported there.
            guard !r.seenKeys.contains(key) else { return }
            sink.add(.missingKey, at: r.loc, "в правиле `\(r.id)` нет обязательной настройки `\(key)` (\(what))",
                     hint: r.template == nil ? nil : "ни правило, ни шаблон `\(r.template ?? "")` её не задают")
        }
        var params = packParams
        var unsetParams = unset
        var local: [String: Literal] = [:]
        for p in r.localParams {
            guard let v = p.value else { continue }
            if let old = packParams[p.name] {
                guard PackLoader.sameKind(old, v) else {
                    sink.add(.typeMismatch, at: p.loc, "параметр `\(p.name)` — «\(old.type)», а задано «\(v.type)»")
                    continue
                }
            } else if !unset.contains(p.name) {
                sink.add(.unknownParameter, at: p.loc, "`set` для необъявленного параметра `\(p.name)`",
                         hint: RuleDiagnostics.didYouMean(p.name, among: packParams.keys.sorted() + unset.sorted()))
                continue
            }
            params[p.name] = v
            unsetParams.remove(p.name)
            local[p.name] = v
        }
        if r.title == nil { missing("title", "название") }
        if r.clause == nil { missing("clause", "пункт документа") }
        if r.message == nil { missing("message", "текст замечания") }
        if r.severity == nil { missing("severity", "нарушение, замечание или рекомендация") }
        if r.scope == nil { missing("scope", "что проверяется") }
        if r.condition == nil && r.measure == nil && r.seenKeys.isDisjoint(with: ["require", "forbid", "measure"]) {
            missing("require", "условие: require, forbid или measure")
        }
        if r.condition != nil && r.measure != nil {
            sink.add(.duplicateKey, at: r.loc, "в правиле одновременно условие и показатель `measure`: оставьте одно")
        }
        if r.measure != nil && r.warn == nil && r.fail == nil { missing("fail", "порог показателя: warn и/или fail") }
        if (packDocument ?? r.document) == nil { missing("document", "документ задаётся в пакете или в правиле") }
        if let s = r.severity, !Vocabulary.severities.contains(s), let l = r.severityLoc {
            sink.add(.badSeverity, at: l, "неизвестная степень «\(s)»: допустимы нарушение, замечание, рекомендация",
                     hint: RuleDiagnostics.didYouMean(s, among: Vocabulary.severities))
        }
        let area = r.tags.first { Vocabulary.areas.contains($0) }
        if area == nil {
            let near = r.tags.lazy.compactMap { RuleDiagnostics.didYouMean($0, among: Vocabulary.areas) }.first
            sink.add(.missingArea, at: r.tagsLoc ?? r.loc,
                     "среди тегов нет области: " + Vocabulary.areas.joined(separator: ", "), hint: near)
        }
        if r.brokenExamples == 0,
           !r.examples.contains(where: { $0.triggers != nil }) || !r.examples.contains(where: { $0.triggers == nil }) {
            sink.add(.badExample, at: r.loc,
                     "у правила `\(r.id)` должен быть пример, где оно срабатывает (example triggers), и пример, где нет (example passes)")
        }
        var scopeInfo: ScopeInfo?
        if let s = r.scope, let l = r.scopeLoc {
            scopeInfo = FieldRegistry.scope(s)
            if scopeInfo == nil {
                sink.add(.unknownEntity, at: l, "неизвестная сущность `\(s)`",
                         hint: RuleDiagnostics.didYouMean(s, among: FieldRegistry.scopes.map(\.name))
                            ?? "сущности: " + FieldRegistry.scopes.map(\.name).joined(separator: ", "))
            }
        }
        guard let scope = scopeInfo else { return nil }
        var ec = ExprChecker(sink: sink, params: params, root: scope.entity, defs: defs)
        ec.unsetParams = unsetParams
        let filter = r.filter.flatMap { boolean(&ec, $0, "where") }
        let condition = r.condition.flatMap { boolean(&ec, $0, r.conditionIsForbid ? "forbid" : "require") }
        var measure: (TExpr, VType)?
        if let m = r.measure {
            measure = ec.check(m)
            if let t = measure?.1, !t.isNumeric {
                sink.add(.typeMismatch, at: m.loc, "показатель `measure` должен быть числом или процентом, а здесь «\(t)»")
            }
        }
        var due: (TExpr, VType)?
        if let d = r.due, let (t, ty) = ec.check(d) {
            if ty == .date || ty == .dateTime { due = (t, ty) } else {
                sink.add(.typeMismatch, at: d.loc, "после `due` ожидалась дата или момент (когда запись должна быть сделана), а здесь «\(ty)»")
            }
        }
        var skipConditions: [TExpr?] = []
        for s in r.skips { skipConditions.append(boolean(&ec, s.condition, "skip when")) }
        let warn = r.warn.flatMap { threshold($0, sink, params, &ec) }
        let fail = r.fail.flatMap { threshold($0, sink, params, &ec) }
        ec.inTemplate = true
        let message = r.message.flatMap { template($0, &ec) }
        let expected = r.expected.flatMap { template($0, &ec) }
        let found = r.found.flatMap { template($0, &ec) }
        var skips: [(condition: TExpr, reason: TTemplate)] = []
        for (s, c) in zip(r.skips, skipConditions) {
            if let c, let reason = template(s.reason, &ec) { skips.append((c, reason)) }
        }
        guard sink.items.count == before, let title = r.title, let clause = r.clause, let sev = r.severity,
              let msg = message else { return nil }
        return CheckedRule(
            id: r.id, title: title, document: r.document ?? packDocument ?? "", clause: clause, severity: sev,
            tags: r.tags, area: area, validFrom: r.validFrom, validTo: r.validTo, scope: scope, filter: filter,
            condition: condition, conditionIsForbid: r.conditionIsForbid,
            conditionText: (r.condition ?? r.measure).map { sink.text(at: $0.loc) },
            measure: measure?.0, measureType: measure?.1, warn: warn, fail: fail, message: msg,
            expected: expected, found: found, examples: r.examples, fieldsRead: ec.fieldsRead,
            parametersUsed: ec.paramsUsed, scopeText: r.scopeLoc.map { sink.text(at: $0) }, template: r.template,
            localParams: local, file: r.loc.file, line: r.loc.line, due: due, skips: skips)
    }

    static func boolean(_ ec: inout ExprChecker, _ e: Expr, _ key: String) -> TExpr? {
        guard let (t, ty) = ec.check(e) else { return nil }
        guard ty == .bool else {
            ec.sink.add(.typeMismatch, at: e.loc, "после `\(key)` ожидалось условие (да/нет), а здесь «\(ty)»")
            return nil
        }
        return t
    }

    static func threshold(_ t: Threshold, _ sink: DiagnosticSink, _ params: [String: Literal],
                          _ ec: inout ExprChecker) -> (value: Double, inclusive: Bool)? {
        var lit = t.value
        if let p = t.parameter {
            lit = params[p]
            if lit == nil {
                sink.add(.unknownParameter, at: t.loc, "неизвестный параметр `\(p)`",
                         hint: RuleDiagnostics.didYouMean(p, among: params.keys))
                return nil
            }
            ec.paramsUsed.insert(p)
        }
        switch lit {
        case .number(let v)?, .percent(let v)?: return (v, t.inclusive)
        default:
            sink.add(.typeMismatch, at: t.loc, "порог должен быть числом или процентом")
            return nil
        }
    }

    static func template(_ t: Template, _ ec: inout ExprChecker) -> TTemplate? {
        var pieces: [TTemplate.Piece] = []
        var ok = true
        for p in t.pieces {
            switch p {
            case .text(let s): pieces.append(.text(s))
            case .expr(let e):
                if let (x, ty) = ec.check(e) { pieces.append(.expr(x, ty)) } else { ok = false }
            }
        }
        return ok ? TTemplate(pieces: pieces, source: t.source) : nil
    }
}

extension DiagnosticSink {
    /// The rest of the source line from a location (for showing a rule's condition).
    func text(at loc: SourceLocation) -> String {
        let ls = loc.file == file ? lines : (otherFiles[loc.file] ?? [])
        guard loc.line >= 1 && loc.line <= ls.count else { return "" }
        return String(ls[loc.line - 1]).trimmingSpaces()
    }
}
