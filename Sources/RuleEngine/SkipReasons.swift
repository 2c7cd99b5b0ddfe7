import JournalModel
import RuleLanguage

/// Why records were skipped: for a record whose condition came out unknown, the data (or the
/// operation) that made it unknown — «нет данных: время внесения темы», «деление на ноль» —
/// worked out for a rule's first `explainLimit` such records (`RuleTally.skipUnknown`); later
/// ones are counted under the general reason.
enum SkipReasons {
    static let explainLimit = 200
}

/// Finds the part of an expression that made it unknown for the bound record.
enum NullReason {
    static func value(_ e: TExpr, _ env: Env, _ depth: Int) -> Value { Compiler.compile(e, depth: depth)(env) }

    static func explain(_ e: TExpr, _ env: Env, depth: Int) -> String? {
        switch e {
        case .literal, .item, .special: return nil
        case .global(let g):
            return "нет данных: " + (FieldRegistry.globals.first { $0.name == g }?.requires ?? "даты журнала")
        case .member(let b, let ent, let name):
            if value(b, env, depth).isNull { return explain(b, env, depth: depth) ?? "нет связанной записи (\(name))" }
            let info = FieldRegistry.field(ent, name)
            return "нет данных: " + (info?.requires ?? info?.description ?? name)
        case .call(let name, let args, _):
            if name == "coalesce" { return args.first.flatMap { explain($0, env, depth: depth) } }
            for a in args where value(a, env, depth).isNull { return explain(a, env, depth: depth) }
            return "функция `\(name)` не дала значения"
        case .unary(_, let x, _): return explain(x, env, depth: depth)
        case .binary(let op, let l, let r, _, _):
            let lv = value(l, env, depth), rv = value(r, env, depth)
            if lv.isNull { return explain(l, env, depth: depth) }
            if rv.isNull { return explain(r, env, depth: depth) }
            switch op {
            case "/": return "деление на ноль"
            case "matches":
                if case .literal(.text(let pattern)) = r, let box = RegexBox.shared(pattern) { return box.re.exceededReason }
                return "значения нельзя сравнить (`\(op)`)"
            default: return "значения нельзя сравнить (`\(op)`)"
            }
        case .ifThen(let c, let a, let b):
            switch value(c, env, depth) {
            case .bool(true): return explain(a, env, depth: depth)
            case .bool(false): return explain(b, env, depth: depth)
            default: return explain(c, env, depth: depth)
            }
        case .aggregate(let name, let coll, _, let filter, let val):
            guard case .list(let items) = value(coll, env, depth) else { return explain(coll, env, depth: depth) }
            for r in items {
                env.slots[depth] = r
                if let f = filter, value(f, env, depth + 1).isNull { return explain(f, env, depth: depth + 1) }
                if let v = val, value(v, env, depth + 1).isNull { return explain(v, env, depth: depth + 1) }
            }
            if items.isEmpty, name != "count", name != "exists", name != "sum" { return "нет записей для `\(name)`" }
            return nil
        }
    }
}
