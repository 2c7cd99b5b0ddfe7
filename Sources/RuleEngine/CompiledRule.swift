import JournalModel
import Findings
import RuleLanguage

/// A rule compiled into closures, ready to run over any journal.
struct CompiledRule {
    let rule: CheckedRule
    let severity: Severity
    let area: FindingArea
    let filter: Fn?
    let condition: Fn?
    let measure: Fn?
    /// For `A <= B` style conditions on moments/dates: the two sides, to report found/expected/delay;
    /// `late`: the operator is `<` or `<=` (B is a deadline), decided once instead of per record.
    let sides: (lhs: Fn, rhs: Fn, op: String, type: VType, late: Bool)?
    let message: [(Fn?, String, VType?)]
    let expected: [(Fn?, String, VType?)]?
    let found: [(Fn?, String, VType?)]?
    /// Fields of the rule's own record shown as evidence.
    let evidence: [(String, Fn, VType)]
    /// `due`: when a record falls due (DueMoment).
    let due: (expr: Fn, type: VType)?
    /// `skip when`: condition and reason.
    let skips: [(condition: Fn, reason: [(Fn?, String, VType?)])]

    /// `sharing`: aggregates written more than once are computed once per record
    /// (`SharedAggregates`); `filterStopsEarly`: the scope filter stops at its first conjunct
    /// that is not true (`Compiler.scopeFilter`); `valueMemo`: expressions of one text field
    /// of a cell alone are evaluated once per distinct text (`ValueMemo`). Tests turn them off to compare.
    init(_ r: CheckedRule, sharing: Bool = true, filterStopsEarly: Bool = true, valueMemo: Bool = true) {
        rule = r
        severity = Severity(rawValue: r.severity) ?? .remark
        area = r.area.flatMap(FindingArea.init(rawValue:)) ?? .other
        let shared = sharing ? SharedAggregates(rule: r) : nil
        func compile(_ e: TExpr) -> Fn { Compiler.compile(e, shared: shared, memo: valueMemo) }
        filter = r.filter.map { filterStopsEarly ? Compiler.scopeFilter($0, shared: shared, memo: valueMemo) : compile($0) }
        condition = r.condition.map(compile)
        measure = r.measure.map(compile)
        if let c = r.condition, !r.conditionIsForbid, case .binary(let op, let l, let rr, let lt, _) = c,
           ["<=", "<", ">=", ">"].contains(op), lt == .dateTime || lt == .date {
            sides = (compile(l), compile(rr), op, lt, op.hasPrefix("<"))
        } else {
            sides = nil
        }
        func tpl(_ t: TTemplate) -> [(Fn?, String, VType?)] {
            t.pieces.map {
                switch $0 {
                case .text(let s): (nil, s, nil)
                case .expr(let e, let ty): (compile(e), "", ty)
                }
            }
        }
        message = tpl(r.message)
        due = r.due.map { (compile($0.expr), $0.type) }
        skips = r.skips.map { (compile($0.condition), tpl($0.reason)) }
        expected = r.expected.map(tpl)
        found = r.found.map(tpl)
        let root = r.scope.entity
        evidence = r.fieldsRead.sorted().compactMap { k in
            guard k.entity == root, let info = FieldRegistry.field(k.entity, k.name) else { return nil }
            switch info.type {
            case .list, .ref, .set: return nil
            default: return (info.description, compile(.member(.item(0), root, k.name)), info.type)
            }
        }
    }

    static func render(_ pieces: [(Fn?, String, VType?)], _ env: Env) -> String {
        var s = ""
        for (f, text, ty) in pieces {
            if let f { s += ValueFormat.text(f(env), ty, env) } else { s += text }
        }
        return s
    }
}
