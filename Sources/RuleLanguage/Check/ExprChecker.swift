import Foundation
import JournalModel

/// Resolves names and types one rule's expressions, reporting problems into the rule file's sink.
struct ExprChecker {
    struct Frame { var binder: String?; var entity: Entity }

    /// A `define name(a, b)` being expanded: its arguments, checked where it is called.
    struct MacroScope { var args: [String: (TExpr, VType)]; var depth: Int }

    var sink: DiagnosticSink
    let params: [String: Literal]
    let defs: Definitions
    /// Parameters declared without a default and not set (`param x "…"` with no `set x = …`).
    var unsetParams: Set<String> = []
    var frames: [Frame]
    var inTemplate = false
    var fieldsRead: Set<FieldKey> = []
    var paramsUsed: Set<String> = []
    var macroScopes: [MacroScope] = []
    /// Definitions being expanded (a definition that uses itself is an error, not a loop).
    var expanding: [String] = []
    /// Nesting of `check` calls, definitions put in place included (`RuleLimits.maxExpandedDepth`).
    var depth = 0
    /// Nodes checked for one rule, shared with the checkers of the definitions it uses.
    var budget = ExpansionBudget()

    init(sink: DiagnosticSink, params: [String: Literal], root: Entity, defs: Definitions = Definitions()) {
        self.sink = sink
        self.params = params
        self.defs = defs
        frames = [Frame(binder: nil, entity: root)]
    }

    func fail(_ id: RuleDiagnosticID, _ e: Expr, _ m: String, hint: String? = nil) -> (TExpr, VType)? {
        sink.add(id, at: e.loc, m, hint: hint)
        return nil
    }

    /// Checks `e` within the rule's limits: past `RuleLimits.maxExpandedDepth` levels or
    /// `RuleLimits.maxExpandedNodes` nodes (definitions put in place count) it reports one error
    /// and gives up on the rule.
    mutating func check(_ e: Expr) -> (TExpr, VType)? {
        guard !budget.exceeded else { return nil }
        budget.nodes += 1
        if depth >= RuleLimits.maxExpandedDepth {
            budget.exceeded = true
            return fail(.tooDeep, e, "с подставленными определениями (`define`) выражение вложено слишком глубоко: больше \(RuleLimits.maxExpandedDepth) уровней",
                        hint: "определения, вероятно, ссылаются друг на друга длинной цепочкой — сократите её")
        }
        if budget.nodes > RuleLimits.maxExpandedNodes {
            budget.exceeded = true
            return fail(.tooLarge, e, "с подставленными определениями (`define`) выражение слишком велико: больше 10 000 частей",
                        hint: "определение, которое дважды использует другое, удваивает выражение на каждом шаге — упростите определения")
        }
        depth += 1
        defer { depth -= 1 }
        return checkNode(e)
    }

    mutating func checkNode(_ e: Expr) -> (TExpr, VType)? {
        switch e.node {
        case .literal(let l):
            if case .text(let s) = l, s.isEmpty { return (.literal(l), .text) }
            return (.literal(l), l.type)
        case .name(let n): return resolveName(n, e)
        case .member(let base, let name):
            guard let (b, t) = check(base) else { return nil }
            return member(b, t, name, e)
        case .call(let name, let args): return checkCall(name, args, e)
        case .aggregate(let name, let binder, let coll, let filter, let value):
            return checkAggregate(name, binder, coll, filter, value, e)
        case .unary(let op, let x):
            guard let (tx, t) = check(x) else { return nil }
            if op == "not" {
                guard t == .bool else { return fail(.typeMismatch, x, "`not` применяется к условию, а здесь \(t)") }
                return (.unary(op, tx, t), .bool)
            }
            guard t.isNumeric || t == .duration else { return fail(.typeMismatch, x, "минус применяется к числу или продолжительности, а здесь \(t)") }
            return (.unary(op, tx, t), t)
        case .binary(let op, let l, let r): return checkBinary(op, l, r, e)
        case .ifThen(let c, let a, let b):
            guard let (tc, ct) = check(c), let (ta, at) = check(a), let (tb, bt) = check(b) else { return nil }
            guard ct == .bool else { return fail(.typeMismatch, c, "после `if` ожидалось условие, а здесь \(ct)") }
            guard at == bt || (at.isNumeric && bt.isNumeric) else {
                return fail(.typeMismatch, b, "ветви `then` и `else` разного типа: \(at) и \(bt)")
            }
            return (.ifThen(tc, ta, tb), at)
        }
    }

    mutating func resolveName(_ n: String, _ e: Expr) -> (TExpr, VType)? {
        if let d = frames.lastIndex(where: { $0.binder == n }) { return (.item(d), .ref(frames[d].entity)) }
        if let scope = macroScopes.last, let (arg, t) = scope.args[n] {
            return (arg.shifted(from: scope.depth, by: frames.count - scope.depth), t)
        }
        for d in frames.indices.reversed() where frames[d].binder == nil {
            let ent = frames[d].entity
            if let fi = FieldRegistry.field(ent, n) {
                fieldsRead.insert(FieldKey(ent, n))
                return (.member(.item(d), ent, n), fi.type)
            }
            if let def = defs.field(ent, n) { return derivedField(def, base: .item(d), entity: ent, e) }
        }
        if let p = params[n] {
            paramsUsed.insert(n)
            return (.literal(p), p.type)
        }
        if unsetParams.contains(n) {
            return fail(.unknownParameter, e, "параметр `\(n)` объявлен без значения по умолчанию и не задан",
                        hint: "задайте значение в пакете строкой `set \(n) = …` (или в правиле)")
        }
        if let m = defs.macros[n], m.decl.parameters.isEmpty { return expandMacro(m, args: [], e) }
        if let g = FieldRegistry.globals.first(where: { $0.name == n }) { return (.global(n), g.type) }
        if inTemplate, Vocabulary.templateSpecials.contains(n) { return (.special(n), .text) }
        // The line that should have declared it is broken and already reported.
        if defs.broken.contains(n) { return nil }
        let entity = frames.last(where: { $0.binder == nil })?.entity ?? frames[0].entity
        var candidates = (FieldRegistry.fields[entity] ?? []).map(\.name) + params.keys.sorted()
            + FieldRegistry.globals.map(\.name) + frames.compactMap(\.binder)
            + defs.fields.keys.filter { $0.entity == entity }.map(\.name) + defs.macros.keys.sorted()
        if inTemplate { candidates += Vocabulary.templateSpecials }
        if FieldRegistry.functions.contains(where: { $0.name == n }) || Parser.aggregates.contains(n)
            || defs.macros[n] != nil {
            return fail(.syntax, e, "`\(n)` — функция: после имени нужны скобки без пробела, например `\(n)(…)`")
        }
        return fail(.unknownField, e, "неизвестное поле `\(n)` у сущности \(entity.rawValue)",
                    hint: RuleDiagnostics.didYouMean(n, among: candidates))
    }

    mutating func member(_ b: TExpr, _ t: VType, _ name: String, _ e: Expr) -> (TExpr, VType)? {
        if t == .dateTime && name == "date" { return (.call("date_of", [b], [t]), .date) }
        guard case .ref(let ent) = t else {
            return fail(.typeMismatch, e, "у значения типа «\(t)» нет полей (`.\(name)`)")
        }
        guard let fi = FieldRegistry.field(ent, name) else {
            if let def = defs.field(ent, name) { return derivedField(def, base: b, entity: ent, e) }
            if defs.broken.contains(name) { return nil }
            return fail(.unknownField, e, "неизвестное поле `\(name)` у сущности \(ent.rawValue)",
                        hint: RuleDiagnostics.didYouMean(name, among: (FieldRegistry.fields[ent] ?? []).map(\.name)
                                                         + defs.fields.keys.filter { $0.entity == ent }.map(\.name)))
        }
        fieldsRead.insert(FieldKey(ent, name))
        return (.member(b, ent, name), fi.type)
    }

    /// `define entity.name = …` read on `base`: the body, checked for its entity, put in place.
    mutating func derivedField(_ def: Definitions.Entry, base: TExpr, entity: Entity, _ e: Expr) -> (TExpr, VType)? {
        let key = "\(entity.rawValue).\(def.decl.name)"
        guard !expanding.contains(key) else {
            return fail(.syntax, e, "определение `\(key)` ссылается само на себя")
        }
        var sub = ExprChecker(sink: def.sink, params: params, root: entity, defs: defs)
        sub.unsetParams = unsetParams
        sub.expanding = expanding + [key]
        sub.depth = depth
        sub.budget = budget
        guard let (body, t) = sub.check(def.decl.body) else { return nil }
        fieldsRead.formUnion(sub.fieldsRead)
        paramsUsed.formUnion(sub.paramsUsed)
        return (body.rebased(base, depth: frames.count), t)
    }

    /// `name(args)` or `name` for a `define name(params) = …`: the body checked here, its
    /// parameters standing for the arguments (checked in the caller's context).
    mutating func expandMacro(_ m: Definitions.Entry, args: [Expr], _ e: Expr) -> (TExpr, VType)? {
        let d = m.decl
        guard !expanding.contains(d.name) else { return fail(.syntax, e, "определение `\(d.name)` ссылается само на себя") }
        guard args.count == d.parameters.count else {
            return fail(.badArguments, e, "`\(d.name)` принимает \(d.parameters.count) арг.: \(d.name)(\(d.parameters.joined(separator: ", ")))")
        }
        var bound: [String: (TExpr, VType)] = [:]
        for (p, a) in zip(d.parameters, args) {
            guard let x = check(a) else { return nil }
            bound[p] = x
        }
        let saved = sink
        sink = m.sink
        macroScopes.append(MacroScope(args: bound, depth: frames.count))
        expanding.append(d.name)
        defer {
            expanding.removeLast()
            macroScopes.removeLast()
            sink = saved
        }
        return check(d.body)
    }

    mutating func checkAggregate(_ name: String, _ binder: String?, _ coll: Expr, _ filter: Expr?, _ value: Expr?,
                                 _ e: Expr) -> (TExpr, VType)? {
        guard let (tc, ct) = check(coll) else { return nil }
        guard case .list(let ent) = ct else {
            return fail(.typeMismatch, coll, "`\(name)` считает по коллекции (marks, lessons, …), а здесь \(ct)")
        }
        frames.append(Frame(binder: binder, entity: ent))
        defer { frames.removeLast() }
        var tf: TExpr?
        if let f = filter {
            guard let (x, t) = check(f) else { return nil }
            guard t == .bool else { return fail(.typeMismatch, f, "после `where` ожидалось условие, а здесь \(t)") }
            tf = x
        }
        var tv: TExpr?
        var vt: VType = .number
        if let v = value {
            guard let (x, t) = check(v) else { return nil }
            tv = x
            vt = t
        }
        switch name {
        case "count": return (.aggregate(name, tc, ent, filter: tf, value: nil), .number)
        case "exists": return (.aggregate(name, tc, ent, filter: tf, value: nil), .bool)
        case "ratio":
            guard tf != nil else { return fail(.badArguments, e, "`ratio` требует условие: `ratio(коллекция where условие)`") }
            return (.aggregate(name, tc, ent, filter: tf, value: nil), .percent)
        case "sum":
            guard tv != nil, vt.isNumeric else { return fail(.badArguments, e, "`sum` требует числовое выражение: `sum(коллекция, выражение)`") }
            return (.aggregate(name, tc, ent, filter: tf, value: tv), vt)
        default:
            guard tv != nil, [.number, .percent, .date, .dateTime, .duration, .text].contains(vt) else {
                return fail(.badArguments, e, "`\(name)` требует выражение для сравнения: `\(name)(коллекция, выражение)`")
            }
            return (.aggregate(name, tc, ent, filter: tf, value: tv), vt)
        }
    }
}

/// How much of a rule's expressions has been checked (shared by the checkers of its definitions).
final class ExpansionBudget {
    var nodes = 0
    var exceeded = false
}
