import Foundation
import JournalModel
import RuleLanguage

/// Compiles checked expressions into closures once; evaluation does no name lookups.
enum Compiler {
    /// `depth` is where an aggregate binds its elements: one more than the records already bound.
    /// `shared`: the rule's aggregates computed once per record (`SharedAggregates`).
    /// `memo`: expressions of one text field of a cell alone are evaluated once per distinct
    /// text (`ValueMemo`; tests turn it off to compare).
    static func compile(_ e: TExpr, depth: Int = 1, shared: SharedAggregates? = nil, memo: Bool = true) -> Fn {
        if memo, let read = ValueMemo.cellField(e) {
            return ValueMemo.wrap(compileEach(e, depth: depth, shared: shared, memo: memo), depth: read.depth, field: read.field)
        }
        return compileEach(e, depth: depth, shared: shared, memo: memo)
    }

    /// `compile` without `ValueMemo` at the top (its parts may still be memoised).
    private static func compileEach(_ e: TExpr, depth: Int, shared: SharedAggregates?, memo: Bool) -> Fn {
        let compile = { (x: TExpr) in Compiler.compile(x, depth: depth, shared: shared, memo: memo) }
        switch e {
        case .literal(let l):
            let v = Value(l)
            return { _ in v }
        case .item(let d):
            return { env in .ref(env.slots[d]) }
        case .member(.item(let d), let ent, let name):
            let g = getter(ent, name)
            if let id = ListCache.ids[FieldKey(ent, name)] {
                return { env in let r = env.slots[d]; return env.lists.value(id, r) { g(r, env) } }
            }
            return { env in g(env.slots[d], env) }
        case .member(let base, let ent, let name):
            let b = compile(base), g = getter(ent, name)
            if let id = ListCache.ids[FieldKey(ent, name)] {
                return { env in if case .ref(let r) = b(env) { env.lists.value(id, r) { g(r, env) } } else { .null } }
            }
            return { env in if case .ref(let r) = b(env) { g(r, env) } else { .null } }
        case .global(let n):
            switch n {
            case "data_end": return { env in Value.opt(env.ix.dataEnd) { .date($0) } }
            case "data_start": return { env in Value.opt(env.ix.dataStart) { .date($0) } }
            case "institution_kind": return { env in .text(env.journal.institution.kind.rawValue) }
            case "holidays": return { env in .list(env.journal.calendar.holidays.indices.map { Ref(kind: .holiday, i: Int32($0)) }) }
            default: preconditionFailure("global \(n) is in the registry but not compiled")
            }
        case .special(let n):
            return { env in env.specials[n].map { .text($0) } ?? .null }
        case .call("has", let args, _):
            // A column the export lacks makes `has` unknown, as Presence judges it. Whether it
            // lacks it is a property of the journal: asked once per compiled closure (closures
            // are compiled per rule and worker, and run on that worker's one journal).
            let plain = Functions.compile("has", args.map(compile))
            guard let key = Presence.fieldOf(args[0]) else { return plain }
            let absent = AbsentFlag(key)
            return { env in absent.get(env) ? .null : plain(env) }
        case .call(let name, let args, _):
            return Functions.compile(name, args.map(compile))
        case .aggregate(let name, let coll, _, let filter, let value):
            precondition(depth < Env.maxDepth, "aggregates nested deeper than \(Env.maxDepth)")
            let inner = { (x: TExpr) in Compiler.compile(x, depth: depth + 1, memo: memo) }
            // On a date-ordered collection, a filter conjunct `x.date <= D` that is false for
            // one element is false for every later one: the scan stops there (DateCutoff).
            let stop = filter.flatMap { DateCutoff.conjunct(of: $0, over: coll, depth: depth) }.map(inner)
            let f = plainCount(name, coll, filter, value)
                ?? aggregate(name, compile(coll), filter.map(inner), value.map(inner), stop: stop, depth: depth)
            guard let slot = shared?.slot(e, depth: depth) else { return f }
            return { env in env.memo.value(slot, env.record) { f(env) } }
        case .unary(let op, let x, _):
            let f = compile(x)
            if op == "not" { return { env in if case .bool(let b) = f(env) { .bool(!b) } else { .null } } }
            return { env in
                switch f(env) {
                case .num(let v): .num(-v)
                case .dur(let v): .dur(-v)
                default: .null
                }
            }
        case .binary(let op, let l, let r, let lt, let rt):
            // `has(x) and …x…` / `not has(x) or …x…`: the guard is plainly false (true) when the
            // column is missing, so the rest of the condition decides.
            if op == "and" || op == "or" {
                let guardL = Presence.isGuard(l, r, negated: op == "or"), guardR = Presence.isGuard(r, l, negated: op == "or")
                if guardL || guardR {
                    let fl = guardL ? plainGuard(l, depth: depth, shared: shared, memo: memo) : compile(l)
                    let fr = guardR ? plainGuard(r, depth: depth, shared: shared, memo: memo) : compile(r)
                    return Operators.compile(op, fl, fr, lt, rt, rhs: r)
                }
            }
            return Operators.compile(op, compile(l), compile(r), lt, rt, rhs: r)
        case .ifThen(let c, let a, let b):
            let fc = compile(c), fa = compile(a), fb = compile(b)
            return { env in
                switch fc(env) {
                case .bool(true): fa(env)
                case .bool(false): fb(env)
                default: .null
                }
            }
        }
    }

    /// `count(r.field)` with no `where`, for a field `FieldCounts` counts without its list: the
    /// count the aggregate would give (unknown where the field gives no list); nil otherwise.
    static func plainCount(_ name: String, _ coll: TExpr, _ filter: TExpr?, _ value: TExpr?) -> Fn? {
        guard name == "count", filter == nil, value == nil, case .member(.item(let d), let ent, let field) = coll,
              let counter = FieldCounts.all[FieldKey(ent, field)] else { return nil }
        return { env in counter.count(env.slots[d], env).map { .num(Double($0)) } ?? .null }
    }

    /// `has(x)` or `not has(x)` evaluated as plain presence of the value (false when missing).
    static func plainGuard(_ e: TExpr, depth: Int, shared: SharedAggregates?, memo: Bool) -> Fn {
        switch e {
        case .call("has", let args, _):
            return Functions.compile("has", args.map { compile($0, depth: depth, shared: shared, memo: memo) })
        case .unary("not", let inner, _):
            let f = plainGuard(inner, depth: depth, shared: shared, memo: memo)
            return { env in if case .bool(let b) = f(env) { .bool(!b) } else { .null } }
        default:
            return compile(e, depth: depth, shared: shared, memo: memo)
        }
    }

    static func getter(_ e: Entity, _ n: String) -> Getter {
        guard let g = FieldGetters.all[FieldKey(e, n)]?.get else {
            preconditionFailure("field \(e.rawValue).\(n) is in the registry but has no getter")
        }
        return g
    }

    /// Evaluates `f` with each element bound on the stack; unknown filters make the result unknown.
    static func aggregate(_ name: String, _ coll: @escaping Fn, _ filter: Fn?, _ value: Fn?, stop: Fn? = nil,
                          depth top: Int) -> Fn {
        return { env in
            guard case .list(let items) = coll(env) else { return .null }
            var count = 0, unknown = 0
            var best: Value = .null
            var sum = 0.0
            for r in items {
                env.slots[top] = r
                // This element and all after it fail the filter: they count nowhere.
                if let s = stop, env.ix.keysFollowDates, case .bool(false) = s(env) { break }
                if let f = filter {
                    switch f(env) {
                    case .bool(true): break
                    case .bool(false): continue
                    default: unknown += 1; continue
                    }
                }
                if name == "exists" { return .bool(true) }
                count += 1
                guard let vf = value else { continue }
                let v = vf(env)
                if v.isNull { unknown += 1; continue }
                if name == "sum" { if case .num(let x) = v { sum += x } }
                else if best.isNull || Operators.order(v, best).map({ name == "min" ? $0 < 0 : $0 > 0 }) == true { best = v }
            }
            switch name {
            case "count": return unknown > 0 ? .null : .num(Double(count))
            case "exists": return unknown > 0 ? .null : .bool(false)
            case "ratio":
                if unknown > 0 || items.isEmpty { return .null }
                return .num(Double(count) * 100 / Double(items.count))
            case "sum": return unknown > 0 ? .null : .num(sum)
            default: return unknown > 0 ? .null : best
            }
        }
    }
}
