import JournalModel
import Findings
import RuleLanguage

/// One rule's results over the whole journal, kept by the day each record fell due so that any
/// window can be selected afterwards (`Evaluation.select`).
struct RuleTally: Sendable {
    static let noData = "в записи нет данных, нужных для проверки"
    static let dayOnly = "время внесения известно только с точностью до дня"

    struct Dated<T: Sendable>: Sendable {
        var item: T
        var day: Int32
    }

    /// Identity and severity of the rule; status decided at selection.
    var base: RuleOutcome
    var isMeasure: Bool
    /// The scope as written, for «в журнале нет записей: …».
    var scopeText = ""
    /// Data the whole journal lacks (the rule is «не проверено» in every window).
    var missingData: [String] = []
    /// Any record at all was in scope (for the wording of «не проверено»).
    var seenAny = false
    /// Records were left out because they belong to another group than the one asked for.
    var otherGroups = false
    var checked = DayCounter()
    /// Skip reasons in the order first met, and their counts.
    var reasons: [String] = []
    var skipped: [DayCounter] = []
    var lastReason = -1
    var findings: [Dated<Finding>] = []
    var levels: [RuleOutcome.Level?] = []
    var named: [Dated<SkippedItem>] = []

    mutating func check(_ day: Int32) { checked.add(day) }

    /// A record whose condition (or measure) is unknown, skipped with why: the data or
    /// operation that made it so, worked out for the first records (`SkipReasons.explainLimit`);
    /// later ones share the general reason.
    var explained = 0
    mutating func skipUnknown(_ e: TExpr?, _ env: Env, _ day: Int32) {
        guard explained < SkipReasons.explainLimit, let e else { skip(RuleTally.noData, day); return }
        explained += 1
        let why = NullReason.explain(e, env, depth: 1) ?? RuleTally.noData
        if isPart { explainedInPart.append(Dated(item: why, day: day)) } else { skip(why, day) }
    }

    /// A part of the rule's records (`RuleWorkers` splits a rule over lessons): its explained
    /// skips are kept aside in order, since which of them are among the rule's first
    /// `explainLimit` is known only when the parts are joined (`joined`).
    var isPart = false
    var explainedInPart: [Dated<String>] = []

    /// The parts of one rule's evaluation, in the scope's order, as one tally: exactly the tally
    /// of the whole scope in one pass (counts added, findings and named skips concatenated, the
    /// first `explainLimit` unknown records explained, later ones under the general reason).
    static func joined(_ parts: [RuleTally]) -> RuleTally {
        let first = parts[0]
        guard first.isPart, first.missingData.isEmpty else { return first }
        var out = RuleTally(base: first.base, isMeasure: first.isMeasure, scopeText: first.scopeText)
        for p in parts {
            out.seenAny = out.seenAny || p.seenAny
            out.otherGroups = out.otherGroups || p.otherGroups
            out.checked.add(p.checked)
            for e in p.explainedInPart {
                out.skip(out.explained < SkipReasons.explainLimit ? e.item : RuleTally.noData, e.day)
                out.explained += 1
            }
            for (k, reason) in p.reasons.enumerated() { out.skip(reason, counts: p.skipped[k]) }
            out.findings += p.findings
            out.levels += p.levels
            out.named += p.named
        }
        return out
    }

    private mutating func skip(_ reason: String, counts: DayCounter) {
        let i = reasons.firstIndex(of: reason) ?? {
            reasons.append(reason)
            skipped.append(DayCounter())
            return reasons.count - 1
        }()
        skipped[i].add(counts)
        lastReason = i
    }

    mutating func skip(_ reason: String, _ day: Int32) {
        // Most skips of a rule share one reason: compare with the last one before searching.
        if lastReason < 0 || reasons[lastReason] != reason {
            if let i = reasons.firstIndex(of: reason) { lastReason = i } else {
                reasons.append(reason)
                skipped.append(DayCounter())
                lastReason = reasons.count - 1
            }
        }
        skipped[lastReason].add(day)
    }

    mutating func violate(_ f: Finding, level: RuleOutcome.Level?, _ day: Int32) {
        findings.append(Dated(item: f, day: day))
        levels.append(level)
    }

    /// Why a rule checked nothing in a window: «у всех 2 проверяемых записей не удалось проверить
    /// условие: деление на ноль (2)»; records not yet due are said to be so.
    static func summary(_ reasons: [SkipCount], total: Int) -> String {
        let parts = reasons.map { "\($0.reason) (\($0.count))" }.joined(separator: "; ")
        if reasons.allSatisfy({ $0.reason.hasPrefix("срок ещё не наступил") }) {
            return "у всех \(total) проверяемых записей \(reasons.map(\.reason).joined(separator: "; "))"
        }
        return "у всех \(total) проверяемых записей не удалось проверить условие: " + parts
    }

    /// The outcome and findings of records due within `from...to` (day numbers, inclusive).
    func select(from: Int32, to: Int32) -> (RuleOutcome, [Finding]) {
        var o = base
        guard missingData.isEmpty else {
            o.status = .notChecked
            o.missingData = missingData
            return (o, [])
        }
        func inside(_ d: Int32) -> Bool { d >= from && d <= to }
        o.checked = checked.sum(from: from, to: to)
        var counts: [SkipCount] = []
        for (i, reason) in reasons.enumerated() {
            let n = skipped[i].sum(from: from, to: to)
            if n > 0 { counts.append(SkipCount(reason: reason, count: n)) }
        }
        o.skippedReasons = counts.sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
        o.skipped = counts.reduce(0) { $0 + $1.count }
        o.skippedItems = named.filter { inside($0.day) }.map(\.item)
        var out: [Finding] = []
        var worst: RuleOutcome.Level = .ok
        for (i, f) in findings.enumerated() where inside(f.day) {
            out.append(f.item)
            if let l = levels[i], l == .fail || worst == .ok { worst = l }
        }
        o.violations = out.count
        if o.checked == 0 {
            o.status = .notChecked
            o.missingData = o.skipped > 0
                ? [RuleTally.summary(o.skippedReasons, total: o.skipped)]
                : [seenAny ? "нет записей, к которым применимо правило"
                   : otherGroups ? "у проверяемой группы нет записей, к которым применимо правило" : "в журнале нет записей: \(scopeText)"]
        } else if o.violations > 0 {
            o.status = .violated
        }
        if isMeasure { o.level = worst }
        return (o, out)
    }
}
