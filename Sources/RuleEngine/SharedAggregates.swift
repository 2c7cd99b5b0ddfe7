import RuleLanguage

/// Aggregates a rule computes more than once for the same record — `sum(marks, mark)` twice in
/// oosh14 4.4's condition, `mark_count(marks)` in 4.5's scope and condition — computed once per
/// record and reused (`RecordMemo`). Only aggregates of the rule's top level are shared (depth 1:
/// they read the rule's record and the journal, nothing an enclosing aggregate binds) and none
/// that reads a message special (`{measure}`, `{delay}`: set between evaluations of one record).
/// Such an aggregate's value is a pure function of the record, so reusing it within the record
/// changes no result.
final class SharedAggregates {
    /// Slot of each shared aggregate (by its text): those written twice or more in the rule.
    private(set) var slots: [String: Int] = [:]

    /// The shared aggregates of `rule`: those among its expressions compiled at the top level.
    convenience init(rule r: CheckedRule) {
        let pieces = { (t: TTemplate) in t.pieces.compactMap { if case .expr(let e, _) = $0 { e } else { nil } } }
        var all = [r.filter, r.condition, r.measure, r.due?.expr].compactMap { $0 } + pieces(r.message)
            + (r.expected.map(pieces) ?? []) + (r.found.map(pieces) ?? [])
        for s in r.skips { all += [s.condition] + pieces(s.reason) }
        self.init(all)
    }

    /// `exprs`: every expression of the rule compiled at the top level.
    init(_ exprs: [TExpr]) {
        var counts: [String: Int] = [:]
        for e in exprs { Self.count(e, depth: 1, &counts) }
        for (k, n) in counts.sorted(by: { $0.key < $1.key }) where n > 1 { slots[k] = slots.count }
    }

    /// The slot of `e` when it is a shared aggregate compiled at `depth`.
    func slot(_ e: TExpr, depth: Int) -> Int? {
        guard depth == 1, !slots.isEmpty else { return nil }
        return slots[Self.key(e)]
    }

    static func key(_ e: TExpr) -> String { String(reflecting: e) }

    /// Counts the top-level aggregates of `e` as `Compiler.compile` meets them: an aggregate's
    /// collection at the depth it is written, its filter and value one deeper (never shared).
    private static func count(_ e: TExpr, depth: Int, _ counts: inout [String: Int]) {
        guard case .aggregate(_, let coll, _, _, _) = e else {
            for c in e.children { count(c, depth: depth, &counts) }
            return
        }
        if depth == 1, !readsSpecial(e) { counts[key(e), default: 0] += 1 }
        count(coll, depth: depth, &counts)
    }

    private static func readsSpecial(_ e: TExpr) -> Bool {
        if case .special = e { return true }
        return e.children.contains(where: readsSpecial)
    }
}

/// The values of a rule's shared aggregates for the record being judged (one per evaluation
/// thread, in its `Env`): a value is reused only while `Env.record` — bumped for every record
/// of every rule — is the one it was computed for.
///
/// Its arrays are read and written only by its thread, one access at a time (`make` computes a
/// value before it is stored): hence `@exclusivity(unchecked)`, like `Env.record`.
final class RecordMemo {
    @exclusivity(unchecked) private var values: [Value] = []
    @exclusivity(unchecked) private var records: [Int] = []

    func value(_ slot: Int, _ record: Int, _ make: () -> Value) -> Value {
        if slot < records.count, records[slot] == record { return values[slot] }
        let v = make()
        if slot >= records.count {
            values += Array(repeating: .null, count: slot + 1 - records.count)
            records += Array(repeating: -1, count: slot + 1 - records.count)
        }
        values[slot] = v
        records[slot] = record
        return v
    }
}
