import RuleLanguage

/// Where an aggregate over a date-ordered collection may stop early.
///
///     exists(l in lesson.later_lessons where l.date <= date + recheck_term and …)
///
/// `later_lessons` (and `earlier_lessons`, `later_cells`, `earlier_cells`, and `first`/`last` of
/// them) list their records by ascending date — when the journal's lesson numbers keep the
/// sort key in date order (`JournalIndex.keysFollowDates`; otherwise nothing stops early). Once `l.date <= D` is false for one element
/// (D is known and the element's date is after it), it is false for every later element, so
/// the whole conjunction is false there too: those elements pass no filter, are not unknown,
/// and count nowhere. Stopping at the first such element gives exactly the full scan's result.
enum DateCutoff {
    /// The conjunct of `filter` to test before each element, or nil when there is none.
    static func conjunct(of filter: TExpr, over coll: TExpr, depth: Int) -> TExpr? {
        guard isAscending(coll) else { return nil }
        return find(filter, depth)
    }

    /// Collections whose elements come by ascending date (`NeighbourIndex`, `JournalIndex`).
    static func isAscending(_ coll: TExpr) -> Bool {
        switch coll {
        case .member(_, .lesson, "later_lessons"), .member(_, .lesson, "earlier_lessons"),
             .member(_, .cell, "later_cells"), .member(_, .cell, "earlier_cells"):
            return true
        case .call("first", let args, _), .call("last", let args, _):
            return args.first.map(isAscending) ?? false
        default:
            return false
        }
    }

    /// `x.date <= D` or `x.date < D` among the conjuncts, `x` the element (bound at `depth`) and
    /// D not reading it: a lesson's or cell's date is always known, so the comparison is false
    /// only when D is a date before (or on) the element's.
    private static func find(_ e: TExpr, _ depth: Int) -> TExpr? {
        switch e {
        case .binary("and", let l, let r, _, _):
            return find(l, depth) ?? find(r, depth)
        case .binary(let op, .member(.item(let d), let ent, "date"), let bound, _, _)
            where (op == "<=" || op == "<") && d == depth && (ent == .lesson || ent == .cell) && !reads(bound, from: depth):
            return e
        default:
            return nil
        }
    }

    /// True when `e` reads a record bound at `depth` or deeper (conservatively: any nested
    /// aggregate's own element counts).
    static func reads(_ e: TExpr, from depth: Int) -> Bool {
        switch e {
        case .literal, .global, .special: false
        case .item(let d): d >= depth
        case .member(let b, _, _): reads(b, from: depth)
        case .call(_, let args, _): args.contains { reads($0, from: depth) }
        case .aggregate(_, let c, _, let f, let v):
            reads(c, from: depth) || f.map { reads($0, from: depth) } == true || v.map { reads($0, from: depth) } == true
        case .unary(_, let x, _): reads(x, from: depth)
        case .binary(_, let l, let r, _, _): reads(l, from: depth) || reads(r, from: depth)
        case .ifThen(let a, let b, let c): reads(a, from: depth) || reads(b, from: depth) || reads(c, from: depth)
        }
    }
}
