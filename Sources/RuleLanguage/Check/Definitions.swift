/// The `define`s of a pack (with the packs it extends): derived fields of entities and named
/// expressions with parameters. Each body is checked where it is used, so a definition reads
/// the parameters of the rule that uses it.
final class Definitions {
    struct Entry {
        var decl: DefineDecl
        /// The sink of the file that holds the definition (errors point into that file).
        var sink: DiagnosticSink
    }

    /// `define lesson.entry_time = …`, by entity and field name.
    private(set) var fields: [FieldKey: Entry] = [:]
    /// `define name(a, b) = …` and `define name = …`.
    private(set) var macros: [String: Entry] = [:]
    /// Names whose definition or parameter line could not be parsed.
    var broken: Set<String> = []

    init() {}

    /// Adds a file's definitions; a later (extending) file replaces a definition of the same name.
    func add(_ d: DefineDecl, sink: DiagnosticSink) {
        if let en = d.entity {
            guard let entity = Entity(rawValue: en) ?? Definitions.entityAliases[en] else {
                sink.add(.unknownEntity, at: d.entityLoc ?? d.loc, "неизвестная сущность `\(en)` в определении",
                         hint: RuleDiagnostics.didYouMean(en, among: Entity.allCases.map(\.rawValue))
                            ?? "сущности: " + Entity.allCases.map(\.rawValue).joined(separator: ", "))
                return
            }
            guard FieldRegistry.field(entity, d.name) == nil else {
                sink.add(.duplicateKey, at: d.loc, "у сущности \(entity.rawValue) уже есть поле `\(d.name)`: выберите другое имя")
                return
            }
            fields[FieldKey(entity, d.name)] = Entry(decl: d, sink: sink)
        } else {
            if FieldRegistry.functions.contains(where: { $0.name == d.name }) || Parser.aggregates.contains(d.name) {
                sink.add(.duplicateKey, at: d.loc, "`\(d.name)` — встроенная функция: выберите другое имя")
                return
            }
            macros[d.name] = Entry(decl: d, sink: sink)
        }
    }

    func field(_ e: Entity, _ name: String) -> Entry? { fields[FieldKey(e, name)] }

    /// Scope names accepted for entities in `define lessons.x` (the entity is `lesson`).
    static let entityAliases: [String: Entity] = [
        "lessons": .lesson, "cells": .cell, "marks": .cell, "absences": .cell, "period_marks": .periodMark,
        "plan_items": .planItem, "changes": .change, "groups": .group, "load_items": .load,
        "plan_period": .planFact, "plan_month": .planFact, "plan_year": .planFact,
    ]
}

extension TExpr {
    /// A derived field's body (checked with its entity at depth 0) moved to where it is used:
    /// depth 0 becomes `base` (checked with `depth` records bound), the body's own aggregate
    /// elements move below those records. `level` counts the body's aggregates around a node.
    func rebased(_ base: TExpr, depth: Int, level: Int = 0) -> TExpr {
        func r(_ e: TExpr) -> TExpr { e.rebased(base, depth: depth, level: level) }
        func inner(_ e: TExpr) -> TExpr { e.rebased(base, depth: depth, level: level + 1) }
        switch self {
        case .literal, .global, .special: return self
        case .item(let d): return d == 0 ? base.shifted(from: depth, by: level) : .item(d - 1 + depth)
        case .member(let b, let e, let n): return .member(r(b), e, n)
        case .call(let n, let a, let t): return .call(n, a.map(r), t)
        case .aggregate(let n, let c, let e, let f, let v):
            return .aggregate(n, r(c), e, filter: f.map(inner), value: v.map(inner))
        case .unary(let o, let x, let t): return .unary(o, r(x), t)
        case .binary(let o, let a, let b, let x, let y): return .binary(o, r(a), r(b), x, y)
        case .ifThen(let c, let a, let b): return .ifThen(r(c), r(a), r(b))
        }
    }

    /// The expression used `by` aggregate levels deeper than where it was checked: elements it
    /// binds itself (depth `from` and more) move down with it; outer records stay.
    func shifted(from: Int, by: Int) -> TExpr {
        guard by != 0 else { return self }
        func s(_ e: TExpr) -> TExpr { e.shifted(from: from, by: by) }
        switch self {
        case .literal, .global, .special: return self
        case .item(let d): return d >= from ? .item(d + by) : self
        case .member(let b, let e, let n): return .member(s(b), e, n)
        case .call(let n, let a, let t): return .call(n, a.map(s), t)
        case .aggregate(let n, let c, let e, let f, let v): return .aggregate(n, s(c), e, filter: f.map(s), value: v.map(s))
        case .unary(let o, let x, let t): return .unary(o, s(x), t)
        case .binary(let o, let a, let b, let x, let y): return .binary(o, s(a), s(b), x, y)
        case .ifThen(let c, let a, let b): return .ifThen(s(c), s(a), s(b))
        }
    }
}
