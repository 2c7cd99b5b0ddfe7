import RuleLanguage

extension Compiler {
    /// A rule's scope filter (`scope … where F`). Only `true` puts a record in scope: false and
    /// unknown both leave it out (`RuleRunner`), so a top-level `A and B` can stop at `A` whenever
    /// `A` is not true. The general `and` (`Operators`) must read on after an unknown `A` — an
    /// unknown and a false `B` give different answers — and there the rest of a filter was
    /// evaluated for nothing: oosh14 4.1's `(mark <= 2 or second_mark <= 2) and … exists(l in
    /// lesson.later_lessons …)` is unknown already at its first conjunct for every mark without a
    /// second mark, and walked the later lessons of each of them.
    ///
    /// Only the filter's own top-level conjunctions are split; anything under `not`, `or`, an
    /// aggregate or a function keeps the three-valued `and`, as do aggregate filters (an unknown
    /// element there makes the count unknown). A conjunction with a `has(x)` guard
    /// (`Presence.isGuard`) is compiled as before.
    ///
    ///     scope marks where mark <= 2 and exists(…)   // exists(…) read only where mark <= 2 is true
    static func scopeFilter(_ e: TExpr, shared: SharedAggregates?, memo: Bool = true) -> Fn {
        guard case .binary("and", let l, let r, _, _) = e,
              !Presence.isGuard(l, r, negated: false), !Presence.isGuard(r, l, negated: false) else {
            return compile(e, shared: shared, memo: memo)
        }
        let first = scopeFilter(l, shared: shared, memo: memo), rest = scopeFilter(r, shared: shared, memo: memo)
        return { env in
            guard case .bool(true) = first(env) else { return .bool(false) }
            return rest(env)
        }
    }
}
