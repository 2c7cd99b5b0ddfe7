/// Bounds that keep a hostile or mistaken rule file from exhausting the stack, memory or time.
/// Each limit is far above what a regulation needs (a rule of the five packs expands, with its
/// definitions, to at most 108 nodes 14 levels deep); crossing one is a Russian error at the
/// place it happens.
///
///     (((…100 levels…))) → «выражение вложено слишком глубоко: больше 100 уровней»
public enum RuleLimits {
    /// Nesting of one expression as written: brackets, `if`, `not`, unary minus, and the links of
    /// a chain of operators (`a + b + …` nests to the left).
    public static let maxExpressionDepth = 100
    /// Nesting after `define`s are put in place (a definition used inside a definition…).
    public static let maxExpandedDepth = 200
    /// Nodes of one rule's expressions after `define`s are put in place (a definition that uses
    /// another twice, forty times over, would otherwise grow to 2⁴⁰).
    public static let maxExpandedNodes = 10_000   // (the message says «10 000»)
    /// Errors reported for one file; the rest are counted in one closing line.
    public static let maxDiagnosticsPerFile = 50
}
