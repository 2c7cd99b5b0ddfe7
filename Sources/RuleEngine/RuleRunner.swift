import JournalModel
import Findings
import RuleLanguage

/// Runs one compiled rule over a journal: outcome and findings.
enum RuleRunner {
    static func run(_ c: CompiledRule, _ env: Env, presence: inout [FieldKey: Bool]) -> (RuleOutcome, [Finding]) {
        let r = c.rule
        var outcome = RuleOutcome(ruleId: r.id, title: r.title, document: r.document, clause: r.clause,
                                  severity: c.severity, tags: r.tags, status: .passed)
        let missing = Presence.missing(r, env.journal, cache: &presence)
        if !missing.isEmpty {
            outcome.status = .notChecked
            outcome.missingData = missing
            return (outcome, [])
        }
        var findings: [Finding] = []
        var worst: RuleOutcome.Level = .ok
        var seenAny = false
        var skips = SkipReasons()
        Scopes.each(r.scope, env) { ref, day in
            if let d = day {
                if let f = r.validFrom, d < f.dayNumber { return }
                if let t = r.validTo, d > t.dayNumber { return }
            }
            seenAny = true
            env.slots[0] = ref
            if let f = c.filter {
                guard case .bool(true) = f(env) else { return }
            }
            if let m = c.measure {
                guard case .num(let v) = m(env) else { outcome.skipped += 1; skips.note(r.measure, env); return }
                outcome.checked += 1
                let level: RuleOutcome.Level
                if let t = r.fail, v > t.value || (t.inclusive && v == t.value) { level = .fail }
                else if let t = r.warn, v > t.value || (t.inclusive && v == t.value) { level = .warn }
                else { return }
                if level == .fail || worst == .ok { worst = level }
                outcome.violations += 1
                findings.append(finding(c, env, ref, measure: v, level: level))
                return
            }
            guard let cond = c.condition else { return }
            switch cond(env) {
            case .bool(let b):
                outcome.checked += 1
                if b == c.rule.conditionIsForbid {
                    outcome.violations += 1
                    findings.append(finding(c, env, ref, measure: nil, level: nil))
                }
            default:
                outcome.skipped += 1
                skips.note(r.condition, env)
            }
        }
        if outcome.checked == 0 {
            outcome.status = .notChecked
            outcome.missingData = outcome.skipped > 0
                ? [skips.summary(total: outcome.skipped)]
                : [seenAny ? "нет записей, к которым применимо правило" : "в журнале нет записей: \(r.scope.description)"]
        } else if outcome.violations > 0 {
            outcome.status = .violated
        }
        if r.measure != nil { outcome.level = worst }
        return (outcome, findings)
    }

    static func finding(_ c: CompiledRule, _ env: Env, _ ref: Ref, measure: Double?, level: RuleOutcome.Level?) -> Finding {
        let r = c.rule
        let facts = ItemFacts(ref, env)
        var expected: String?, found: String?, delay: Int64?
        if let s = c.sides {
            let a = s.lhs(env), b = s.rhs(env)
            found = ValueFormat.text(a, s.type, env)
            let bound = s.op.hasPrefix("<") ? ValueFormat.deadline(b, s.type, env) : ValueFormat.text(b, s.type, env)
            expected = (s.op.hasPrefix("<") ? "не позднее " : "не ранее ") + bound
            switch (a, b) {
            case (.time(let x), .time(let y)): delay = s.op.hasPrefix("<") ? x - y : y - x
            case (.date(let x), .date(let y)): delay = Int64(s.op.hasPrefix("<") ? x - y : y - x) * 86400
            default: break
            }
        }
        var specials: [String: String] = [:]
        if let d = delay { specials["delay"] = Format.delay(d) }
        if let m = measure {
            let pct = c.rule.measureType == .percent
            specials["measure"] = pct ? Format.percent(m) : Format.number(m)
            if let w = r.warn { specials["warn"] = pct ? Format.percent(w.value) : Format.number(w.value) }
            if let f = r.fail { specials["fail"] = pct ? Format.percent(f.value) : Format.number(f.value) }
            specials["level"] = level?.rawValue
            found = found ?? specials["measure"]
            if expected == nil {
                if let f = specials["fail"] {
                    expected = "не более \(f)" + (specials["warn"].map { " (предупреждение — более \($0))" } ?? "")
                } else if let w = specials["warn"] {
                    expected = "не более \(w)"
                }
            }
        }
        env.specials = specials
        if let t = c.expected { expected = CompiledRule.render(t, env) }
        if let t = c.found { found = CompiledRule.render(t, env) }
        env.specials["expected"] = expected
        env.specials["found"] = found
        let message = CompiledRule.render(c.message, env)
        var evidence = c.evidence.map { Finding.Evidence($0.0, ValueFormat.text($0.1(env), $0.2, env)) }
        if let d = delay, d > 0 { evidence.append(Finding.Evidence("опоздание", Format.delay(d))) }
        if let m = measure { evidence.append(Finding.Evidence("значение показателя", specials["measure"] ?? Format.number(m))) }
        env.specials = [:]
        var severity = c.severity
        if level == .warn { severity = Severity.allCases.first { $0.rank == min(c.severity.rank + 1, 2) } ?? severity }
        return Finding(ruleId: r.id, document: r.document, clause: r.clause, severity: severity, area: c.area,
                       key: "\(r.id):\(facts.key)", group: facts.group, subject: facts.subject, teacher: facts.teacher,
                       date: facts.date, student: facts.student, expected: expected, found: found,
                       delaySeconds: delay, evidence: evidence, message: message)
    }
}
