/// A checked expression: names resolved, every node typed. The engine compiles it once.
public indirect enum TExpr: Sendable {
    case literal(Literal)
    /// The record bound at this depth: 0 is the rule's record, deeper ones are aggregate elements.
    case item(Int)
    case member(TExpr, Entity, String)
    case global(String)
    /// `{delay}`, `{expected}`, … in templates.
    case special(String)
    case call(String, [TExpr], [VType])
    case aggregate(String, TExpr, Entity, filter: TExpr?, value: TExpr?)
    case unary(String, TExpr, VType)
    case binary(String, TExpr, TExpr, VType, VType)
    case ifThen(TExpr, TExpr, TExpr)

    /// The expressions directly inside this one (an aggregate's collection, filter and value).
    public var children: [TExpr] {
        switch self {
        case .literal, .item, .global, .special: []
        case .member(let base, _, _): [base]
        case .call(_, let args, _): args
        case .aggregate(_, let coll, _, let filter, let value): [coll] + [filter, value].compactMap { $0 }
        case .unary(_, let x, _): [x]
        case .binary(_, let l, let r, _, _): [l, r]
        case .ifThen(let c, let a, let b): [c, a, b]
        }
    }
}

/// A checked message template.
public struct TTemplate: Sendable {
    public enum Piece: Sendable {
        case text(String)
        case expr(TExpr, VType)
    }
    public var pieces: [Piece]
    public var source: String
}

/// An example with its fixture lines, ready for the examples runner.
public typealias RuleExample = Example

/// A rule that passed every check: what the engine compiles.
public struct CheckedRule: Sendable {
    public var id: String
    public var title: String
    public var document: String
    public var clause: String
    public var severity: String
    public var tags: [String]
    public var area: String?
    public var validFrom: LocalDateOpt
    public var validTo: LocalDateOpt
    public var scope: ScopeInfo
    public var filter: TExpr?
    public var condition: TExpr?
    public var conditionIsForbid: Bool
    /// Source text of the condition / measure (for `rules explain`).
    public var conditionText: String?
    public var measure: TExpr?
    public var measureType: VType?
    public var warn: (value: Double, inclusive: Bool)?
    public var fail: (value: Double, inclusive: Bool)?
    public var message: TTemplate
    public var expected: TTemplate?
    public var found: TTemplate?
    public var examples: [Example]
    /// Every field the rule reads (for data requirements and `rules explain`).
    public var fieldsRead: Set<FieldKey>
    /// Parameters the rule uses.
    public var parametersUsed: Set<String>
    /// Source text of the `scope` line (for `rules diff`).
    public var scopeText: String? = nil
    /// `rule ID from TEMPLATE`: the template it instantiates (`rules diff` pairs rules by it).
    public var template: String? = nil
    /// Parameter values set for this rule only (`set` inside the rule), by name.
    public var localParams: [String: Literal] = [:]
    public var file: String
    public var line: Int
    /// When a record falls due (`due`), a date or a moment; nil — the default (see RuleDecl.due).
    public var due: (expr: TExpr, type: VType)?
    /// `skip when`: condition and the reason template, in order.
    public var skips: [(condition: TExpr, reason: TTemplate)] = []
}

import JournalModel
public typealias LocalDateOpt = LocalDate?
