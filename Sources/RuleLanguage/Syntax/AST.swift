import JournalModel

/// An expression as written, with where it starts.
public indirect enum ExprNode: Sendable {
    case literal(Literal)
    case name(String)
    case member(Expr, String)
    case call(String, [Expr])
    /// `count([x in] coll [where p] [, value])`.
    case aggregate(String, binder: String?, collection: Expr, filter: Expr?, value: Expr?)
    case unary(String, Expr)
    case binary(String, Expr, Expr)
    case ifThen(Expr, Expr, Expr)
}

public struct Expr: Sendable {
    public var node: ExprNode
    public var loc: SourceLocation
    public init(_ node: ExprNode, _ loc: SourceLocation) {
        self.node = node
        self.loc = loc
    }
}

/// A literal value (also parameter values).
public enum Literal: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case percent(Double)
    case text(String)
    case bool(Bool)
    case date(LocalDate)
    case dateTime(LocalDateTime)
    /// Seconds.
    case duration(Int64)
    case days(Int, working: Bool)
    case set([String])

    public var description: String {
        switch self {
        case .number(let v): Format.number(v)
        case .percent(let v): Format.number(v) + "%"
        case .text(let s): "\"\(s)\""
        case .bool(let b): b ? "true" : "false"
        case .date(let d): d.iso
        case .dateTime(let t): t.iso
        case .duration(let s): Format.duration(s)
        case .days(let n, let w): "\(n) " + (w ? DurationText.plural(n, "рабочий день", "рабочих дня", "рабочих дней")
                                              : DurationText.plural(n, "день", "дня", "дней"))
        case .set(let xs): "{" + xs.map { "\"\($0)\"" }.joined(separator: ", ") + "}"
        }
    }
}

/// A message template: text pieces and `{expression}` placeholders.
public struct Template: Sendable {
    public enum Piece: Sendable {
        case text(String)
        case expr(Expr)
    }
    public var pieces: [Piece]
    public var source: String
    public init(pieces: [Piece], source: String) {
        self.pieces = pieces
        self.source = source
    }
}

/// One line of an example fixture: `cell student="А" value=5`.
public struct FixtureLine: Sendable {
    public var kind: String
    public var values: [String: FixtureValue]
    public var keyLocations: [String: SourceLocation]
    public var loc: SourceLocation
}

public enum FixtureValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    case date(LocalDate)
    case dateTime(LocalDateTime)
    case time(TimeOfDay)
    case range(LocalDate, LocalDate)

    public var asText: String {
        switch self {
        case .text(let s): s
        case .number(let v): Format.number(v)
        case .date(let d): d.iso
        case .dateTime(let t): t.iso
        case .time(let t): t.description
        case .range(let a, let b): "\(a.iso)..\(b.iso)"
        }
    }
}

public struct Example: Sendable {
    /// nil for `passes`; 0 means "at least one"; n means exactly n findings.
    public var triggers: Int?
    public var name: String?
    public var lines: [FixtureLine]
    public var loc: SourceLocation
}

public struct Threshold: Sendable {
    public var inclusive: Bool
    public var value: Literal?
    public var parameter: String?
    public var loc: SourceLocation
}

/// A rule as written.
public struct RuleDecl: Sendable {
    public var id: String
    public var loc: SourceLocation
    public var title: String?
    public var document: String?
    public var clause: String?
    public var severity: String?
    public var severityLoc: SourceLocation?
    public var tags: [String] = []
    public var tagsLoc: SourceLocation?
    public var validFrom: LocalDate?
    public var validTo: LocalDate?
    public var scope: String?
    public var scopeLoc: SourceLocation?
    public var filter: Expr?
    /// `require` (true) or `forbid` (false).
    public var condition: Expr?
    public var conditionIsForbid = false
    public var measure: Expr?
    /// `due ВЫРАЖЕНИЕ`: when a record falls due (a date or a moment); by default the deadline of
    /// an `A <= B` condition, else the end of the record's day, period or month.
    public var due: Expr?
    /// `skip when УСЛОВИЕ "причина"`: records the rule names as not judged, with the reason.
    public var skips: [SkipDecl] = []
    public var warn: Threshold?
    public var fail: Threshold?
    public var message: Template?
    public var expected: Template?
    public var found: Template?
    public var examples: [Example] = []
    /// Examples that could not be parsed (their error is reported; the rule is not blamed again).
    public var brokenExamples = 0
    /// Keys seen, for duplicate detection (also keys whose value could not be parsed).
    public var seenKeys: Set<String> = []
    /// `rule ID from TEMPLATE`: the template whose items this rule takes where it has none.
    public var template: String?
    public var templateLoc: SourceLocation?
    /// `set name = value` inside the rule: parameter values for this rule only.
    public var localParams: [ParamDecl] = []

    public init(id: String, loc: SourceLocation) {
        self.id = id
        self.loc = loc
    }
}

/// `skip when УСЛОВИЕ "причина {…}"`.
public struct SkipDecl: Sendable {
    public var condition: Expr
    public var reason: Template
    public var loc: SourceLocation
}

public struct ParamDecl: Sendable {
    public var name: String
    /// nil for `param name "описание"`: declared without a default, a pack must `set` it.
    public var value: Literal?
    public var description: String?
    /// Parameter names referenced by the value (`warn > share_warn`) are not allowed; values are literals.
    public var loc: SourceLocation
    public var isOverride: Bool
}

/// A parsed file.
public struct PackFile: Sendable {
    public var path: String
    public var id: String?
    public var title: String?
    public var document: String?
    public var extends: String?
    public var extendsLoc: SourceLocation?
    public var params: [ParamDecl] = []
    public var defines: [DefineDecl] = []
    public var templates: [RuleDecl] = []
    public var rules: [RuleDecl] = []
    /// Parameters and definitions whose line could not be parsed: uses of these names are not
    /// reported again as unknown.
    public var brokenNames: Set<String> = []
    public var loc: SourceLocation

    public init(path: String) {
        self.path = path
        loc = SourceLocation(file: path, line: 1, column: 1)
    }
}

/// `define …`: a value written once and used by many rules.
///
///     define lesson.entry_time = coalesce(topic_entered_at, recorded_at) "Когда внесена запись урока"
///     define mark_count(list) = count(list) + count(list where has(second_mark))
public struct DefineDecl: Sendable {
    public var name: String
    /// `lesson` in `define lesson.entry_time`: a derived field of that entity.
    public var entity: String?
    public var entityLoc: SourceLocation?
    /// Parameter names of `define f(a, b)`; empty for a derived field or a constant expression.
    public var parameters: [String]
    public var body: Expr
    public var description: String?
    public var loc: SourceLocation
}
