import JournalModel
import Findings
import RuleLanguage

/// Runs one compiled rule over the whole journal: every record in scope is judged (or skipped,
/// with the reason) and tallied by the day it falls due, so that a window can select afterwards
/// what to report without ever truncating the evidence a rule sees.
enum RuleRunner {
    /// `lessons`: judge only the records of these lessons (a part of a rule whose scope is split
    /// by lessons, `Scopes.splitsByLessons`); nil — the whole scope.
    static func run(_ c: CompiledRule, _ env: Env, asOf: LocalDateTime, group: Int32?,
                    presence: inout [FieldKey: Bool], lessons: Range<Int>? = nil) -> RuleTally {
        let r = c.rule
        var tally = RuleTally(base: RuleOutcome(ruleId: r.id, title: r.title, document: r.document, clause: r.clause,
                                                severity: c.severity, tags: r.tags, status: .passed),
                              isMeasure: r.measure != nil, scopeText: r.scope.description)
        tally.isPart = lessons != nil
        let missing = Presence.missing(r, env.journal, cache: &presence)
        if !missing.isEmpty {
            tally.missingData = missing
            return tally
        }
        let limit = asOf.seconds
        let notYetDue = "срок ещё не наступил на момент проверки (\(asOf.momentText))"
        // The rule's closures, taken out of it once: copying an optional closure or the sides'
        // tuple (two closures and a text) for every record cost up to half a deadline rule's time.
        let filter = c.filter, measure = c.measure, condition = c.condition, skips = c.skips, dueExpr = c.due?.expr
        let sides = c.sides
        let sidesOp = sides?.op ?? "", deadlineIsDue = sides?.late == true
        let lhs = sides?.lhs, rhs = sides?.rhs
        Scopes.each(r.scope, env, lessons: lessons) { ref, day in
            if let d = day {
                if let f = r.validFrom, d < f.dayNumber { return }
                if let t = r.validTo, d > t.dayNumber { return }
            }
            if let g = group, Scopes.group(of: ref, env) != g { tally.otherGroups = true; return }
            tally.seenAny = true
            env.slots[0] = ref
            env.record &+= 1
            if let filter {
                guard case .bool(true) = filter(env) else { return }
            }
            // The deadline of an `A <= B` condition is both its due moment and its right side.
            var a = Value.null, b = Value.null
            if let lhs, let rhs { a = lhs(env); b = rhs(env) }
            let due = DueMoment.of(due: dueExpr, ref, day, env, deadline: deadlineIsDue ? b : nil)
            let dueDay = DueMoment.day(due, env)
            if let t = due, t > limit {
                tally.skip(notYetDue, dueDay)
                return
            }
            for s in skips {
                if case .bool(false) = s.condition(env) { continue }
                let reason = CompiledRule.render(s.reason, env)
                tally.skip(reason, dueDay)
                let facts = ItemFacts(ref, env)
                tally.named.append(.init(item: SkippedItem(ruleId: r.id, key: facts.key, group: facts.group,
                                                           subject: facts.subject, student: facts.student,
                                                           date: facts.date, reason: reason), day: dueDay))
                return
            }
            if let measure {
                guard case .num(let v) = measure(env) else { tally.skipUnknown(r.measure, env, dueDay); return }
                tally.check(dueDay)
                let level: RuleOutcome.Level
                if let t = r.fail, v > t.value || (t.inclusive && v == t.value) { level = .fail }
                else if let t = r.warn, v > t.value || (t.inclusive && v == t.value) { level = .warn }
                else { return }
                tally.violate(finding(c, env, ref, measure: v, level: level, due: due), level: level, dueDay)
                return
            }
            let verdict: Value
            if lhs != nil {
                verdict = Operators.compare(sidesOp, a, b)
                if verdict.isNull, a.isUncertain || b.isUncertain {
                    tally.skip(RuleTally.dayOnly, dueDay)
                    return
                }
            } else if let condition {
                verdict = condition(env)
            } else {
                return
            }
            guard case .bool(let holds) = verdict else { tally.skipUnknown(r.condition, env, dueDay); return }
            tally.check(dueDay)
            if holds == r.conditionIsForbid {
                tally.violate(finding(c, env, ref, measure: nil, level: nil, due: due), level: nil, dueDay)
            }
        }
        return tally
    }

    static func finding(_ c: CompiledRule, _ env: Env, _ ref: Ref, measure: Double?, level: RuleOutcome.Level?,
                        due: Int64?) -> Finding {
        let r = c.rule
        let facts = ItemFacts(ref, env)
        var expected: String?, found: String?, delay: Int64?
        if let s = c.sides {
            let a = s.lhs(env), b = s.rhs(env)
            found = ValueFormat.text(a, s.type, env)
            let late = s.late
            let bound = late ? ValueFormat.deadline(b, s.type, env) : ValueFormat.text(b, s.type, env)
            expected = (late ? "не позднее " : "не ранее ") + bound
            switch (a, b) {
            case (.time(let x), .time(let y)): delay = late ? x - y : y - x
            case (.date(let x), .date(let y)): delay = Int64(late ? x - y : y - x) * 86400
            default:
                // A moment known to the day: at least this late.
                if let x = a.range, let y = b.range { delay = late ? x.lo - y.hi : y.lo - x.hi }
            }
        }
        var specials: [String: String] = [:]
        if let d = delay { specials["delay"] = (sidesUncertain(c, env) ? "не менее " : "") + Format.delay(d) }
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
        if let d = delay, d > 0 { evidence.append(Finding.Evidence("опоздание", specials["delay"] ?? Format.delay(d))) }
        if let m = measure { evidence.append(Finding.Evidence("значение показателя", specials["measure"] ?? Format.number(m))) }
        env.specials = [:]
        var severity = c.severity
        if level == .warn { severity = Severity.allCases.first { $0.rank == min(c.severity.rank + 1, 2) } ?? severity }
        var f = Finding(ruleId: r.id, document: r.document, clause: r.clause, severity: severity, area: c.area,
                        key: "\(r.id):\(facts.key)", group: facts.group, subject: facts.subject, teacher: facts.teacher,
                        date: facts.date, student: facts.student, expected: expected, found: found,
                        delaySeconds: delay, evidence: evidence, message: message)
        f.due = due.map { LocalDateTime(seconds: $0) }
        return f
    }

    private static func sidesUncertain(_ c: CompiledRule, _ env: Env) -> Bool {
        guard let s = c.sides else { return false }
        return s.lhs(env).isUncertain || s.rhs(env).isUncertain
    }
}
