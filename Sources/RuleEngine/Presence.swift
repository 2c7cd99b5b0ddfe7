import JournalModel
import RuleLanguage

/// Whether the journal carries the data a rule needs. A rule is «не проверено» when, with the
/// data the journal lacks entirely, its condition could never decide anything — not merely
/// because it reads a missing field somewhere: a field read only in the message, in a
/// `coalesce` fallback, under a `has(…)` guard (`has(x) and …x…`) or in an `or` branch the
/// others can decide without does not stop the check (records it leaves undecided are counted
/// as skipped).
enum Presence {
    static func has(_ k: FieldKey, _ j: Journal) -> Bool {
        let anyLesson: ((Lesson) -> Bool) -> Bool = { p in j.lessons.contains(where: p) }
        switch (k.entity, k.name) {
        case (.lesson, "number"): return anyLesson { $0.number != nil }
        case (.lesson, "start_at"):
            return anyLesson { $0.start != nil } || (!j.calendar.bells.isEmpty && anyLesson { $0.number != nil })
        case (.lesson, "end_at"), (.lesson, "slots"):
            return anyLesson { $0.end != nil } || (!j.calendar.bells.isEmpty && anyLesson { $0.number != nil })
        case (.lesson, "group_day_end"): return anyLesson { $0.end != nil } || !j.calendar.bells.isEmpty
        case (.lesson, "last_bell_end"): return !j.calendar.bells.isEmpty
        case (.lesson, "teacher"), (.teaching, "teacher"), (.teacherMonth, "teacher"):
            return anyLesson { $0.teacher != nil || $0.scheduledTeacher != nil }
        case (.lesson, "scheduled_teacher"): return anyLesson { $0.scheduledTeacher != nil }
        case (.lesson, "is_substitution"): return anyLesson { $0.scheduledTeacher != nil && $0.teacher != nil }
        case (.lesson, "substitution_entered_at"): return anyLesson { $0.substitutionEnteredAt != nil }
        case (.lesson, "topic"): return anyLesson { !($0.topic ?? "").isEmpty }
        case (.lesson, "lesson_kind"): return anyLesson { !($0.lessonKind ?? "").isEmpty }
        case (.lesson, "homework"): return anyLesson { !($0.homework ?? "").isEmpty }
        case (.lesson, "recorded_at"): return anyLesson { $0.recordedAt != nil }
        case (.lesson, "topic_entered_at"): return anyLesson { $0.topicEnteredAt != nil }
        case (.lesson, "homework_entered_at"): return anyLesson { $0.homeworkEnteredAt != nil }
        case (.lesson, "subgroup"): return anyLesson { !($0.subgroup ?? "").isEmpty }
        case (.lesson, "entered_by"): return anyLesson { $0.enteredBy != nil }
        case (.lesson, "plan_topic"), (.lesson, "best_plan_item"), (.lesson, "best_plan_topic"),
             (.lesson, "best_plan_similarity"), (.planFact, "plan_items"), (.planFact, "plan_hours"),
             (.planFact, "hours_per_lesson"), (.planFact, "held_hours_by_end"):
            return !j.plan.isEmpty
        case (.planFact, "plan_items_by_end"), (.planFact, "plan_hours_by_end"), (.planFact, "lag_hours"),
             (.planItem, "planned_date"):
            return j.plan.contains { $0.plannedDate != nil }
        case (.cell, "teacher"): return anyLesson { $0.responsibleTeacher != nil }
        case (.cell, "work_type"): return j.cells.contains { !($0.workType ?? "").isEmpty }
        case (.cell, "entered_at"): return j.cells.contains { $0.enteredAt != nil }
        case (.cell, "entered_by"): return j.cells.contains { $0.enteredBy != nil }
        case (.periodMark, "entered_at"): return j.periodMarks.contains { $0.enteredAt != nil }
        case (_, "period"), (.periodMark, "marks"), (.periodMark, "absences"), (.periodMark, "lessons"):
            return !j.calendar.periods.isEmpty
        case (.span, "period_mark"): return !j.periodMarks.isEmpty
        case (.planItem, "lesson_kind"): return j.plan.contains { !($0.lessonKind ?? "").isEmpty }
        case (.change, "placed_at"): return j.changes.contains { $0.placedAt != nil }
        case (.change, "changed_at"): return j.changes.contains { $0.changedAt != nil }
        case (.change, "changed_by"): return j.changes.contains { $0.changedBy != nil }
        case (.change, "reason"): return j.changes.contains { !($0.reason ?? "").isEmpty }
        case (_, "weekly_hours"), (_, "load"): return !j.load.isEmpty
        case (_, "year_hours"): return j.load.contains { $0.yearHours != nil }
        case (.group, "grade"): return j.groups.contains { $0.grade != nil }
        case (.group, "curator"): return j.groups.contains { $0.curator != nil }
        case (.student, "code"): return j.students.contains { $0.code != nil }
        case (.student, "enrolled"): return j.students.contains { $0.enrolled != nil }
        case (.student, "left"): return j.students.contains { $0.left != nil }
        case (.teacher, "position"): return j.teachers.contains { $0.position != nil }
        default: return true
        }
    }

    /// `has(x) and …x…` (or, `negated`, `not has(x) or …x…`): a guard — the rest reads `x` only
    /// where it is there. The engine evaluates the guard plainly (false where `x` is missing),
    /// while a `has` elsewhere is unknown when the whole journal lacks `x`.
    static func isGuard(_ g: TExpr, _ other: TExpr, negated: Bool) -> Bool {
        var inner = g
        if negated {
            guard case .unary("not", let x, _) = g else { return false }
            inner = x
        }
        guard case .call("has", let args, _) = inner, let k = fieldOf(args[0]) else { return false }
        var fs = Set<FieldKey>(), gs = Set<String>()
        collect(other, &fs, &gs)
        return fs.contains(k)
    }

    /// The `x` of `has(x)` or `not has(x)`.
    static func guardArgument(_ g: TExpr) -> TExpr {
        switch g {
        case .call("has", let args, _): return args[0]
        case .unary("not", let x, _): return guardArgument(x)
        default: return g
        }
    }

    /// The field an expression reads last: `student.enrolled` → student.enrolled.
    static func fieldOf(_ e: TExpr) -> FieldKey? {
        if case .member(_, let ent, let n) = e { return FieldKey(ent, n) }
        return nil
    }

    /// Globals that may be absent: `holidays` (no school holidays in the calendar).
    static func hasGlobal(_ name: String, _ j: Journal) -> Bool { name != "holidays" || !j.calendar.holidays.isEmpty }

    /// Russian names of the data whose absence from the whole journal keeps the rule from
    /// deciding anything; empty when the rule can be checked.
    static func missing(_ rule: CheckedRule, _ j: Journal, cache: inout [FieldKey: Bool]) -> [String] {
        var read = Set<FieldKey>(), globals = Set<String>()
        for e in [rule.filter, rule.condition, rule.measure].compactMap({ $0 }) { collect(e, &read, &globals) }
        var absent = Set<Need>()
        for k in read {
            guard FieldRegistry.field(k.entity, k.name)?.requires != nil else { continue }
            let present = cache[k] ?? has(k, j)
            cache[k] = present
            if !present { absent.insert(.field(k)) }
        }
        for g in globals where FieldRegistry.globals.first(where: { $0.name == g })?.requires != nil && !hasGlobal(g, j) {
            absent.insert(.global(g))
        }
        guard !absent.isEmpty, !checkable(rule, absent) else { return [] }
        // The data that decides it: each missing field that alone would let the rule decide;
        // when none does alone, all of them.
        var deciding = absent.filter { checkable(rule, absent.subtracting([$0])) }
        if deciding.isEmpty { deciding = absent }
        var out: [String] = []
        for n in deciding.sorted(by: { $0.order < $1.order }) {
            let what = n.requires
            if !out.contains(what) { out.append(what) }
        }
        return out
    }

    /// A datum the journal may lack: a field of an entity or a global name.
    enum Need: Hashable {
        case field(FieldKey)
        case global(String)

        var requires: String {
            switch self {
            case .field(let k): FieldRegistry.field(k.entity, k.name)?.requires ?? k.name
            case .global(let g): FieldRegistry.globals.first { $0.name == g }?.requires ?? g
            }
        }
        var order: String {
            switch self {
            case .field(let k): "\(k.entity.rawValue).\(k.name)"
            case .global(let g): g
            }
        }
    }

    /// True when, with the `absent` data, the rule can still select a record and decide it.
    static func checkable(_ rule: CheckedRule, _ absent: Set<Need>) -> Bool {
        let a = Abstract(absent: absent)
        if let f = rule.filter, !a.eval(f).contains(.t) { return false }
        if let c = rule.condition { return a.eval(c).contains(rule.conditionIsForbid ? .t : .f) }
        if let m = rule.measure { return a.eval(m).contains(.v) }
        return true
    }

    static func collect(_ e: TExpr, _ fields: inout Set<FieldKey>, _ globals: inout Set<String>) {
        switch e {
        case .literal, .item, .special: break
        case .global(let g): globals.insert(g)
        case .member(let b, let ent, let n):
            fields.insert(FieldKey(ent, n))
            collect(b, &fields, &globals)
        case .call(_, let args, _): for x in args { collect(x, &fields, &globals) }
        case .aggregate(_, let c, _, let f, let v):
            collect(c, &fields, &globals)
            if let f { collect(f, &fields, &globals) }
            if let v { collect(v, &fields, &globals) }
        case .unary(_, let x, _): collect(x, &fields, &globals)
        case .binary(_, let l, let r, _, _):
            collect(l, &fields, &globals)
            collect(r, &fields, &globals)
        case .ifThen(let c, let a, let b):
            collect(c, &fields, &globals)
            collect(a, &fields, &globals)
            collect(b, &fields, &globals)
        }
    }
}

/// The values an expression can take on a journal that lacks the `absent` data: true, false,
/// some other value, or unknown («нет данных»). Three-valued logic as the engine evaluates it.
struct Abstract {
    struct Poss: OptionSet, Hashable {
        let rawValue: UInt8
        static let t = Poss(rawValue: 1), f = Poss(rawValue: 2), v = Poss(rawValue: 4), n = Poss(rawValue: 8)
        static let bool: Poss = [.t, .f]
        var onlyNull: Bool { self == .n }
    }

    let absent: Set<Presence.Need>

    func eval(_ e: TExpr) -> Poss {
        switch e {
        case .literal(let l):
            if case .bool(let b) = l { return b ? .t : .f }
            return .v
        case .item, .special: return .v
        case .global(let g): return absent.contains(.global(g)) ? .n : [.v, .n]
        case .member(let b, let ent, let name):
            let pb = eval(b)
            if pb.onlyNull || absent.contains(.field(FieldKey(ent, name))) { return .n }
            let isBool = FieldRegistry.field(ent, name)?.type == .bool
            return (isBool ? Poss.bool : .v).union(.n)
        case .call(let name, let args, _):
            switch name {
            // A missing column makes `has` unknown, not false: `require has(topic)` on an export
            // without topics is «не проверено». Used as a guard (`has(x) and …x…`) it is false,
            // as the engine evaluates it — see `binary`.
            case "has": return eval(args[0]).onlyNull ? .n : .bool
            case "coalesce":
                // A constant at the end (`coalesce(topic, "")`) stands in for a missing value of a
                // record, not for a column the export lacks: with every data arm missing from the
                // whole journal, the value is unknown.
                if args.allSatisfy({ if case .literal = $0 { true } else { false } }) { return .v }
                if args.allSatisfy({ x in if case .literal = x { true } else { eval(x).onlyNull } }) { return .n }
                var acc: Poss = []
                for x in args {
                    let p = eval(x)
                    acc.formUnion(p.subtracting(.n))
                    if !p.contains(.n) { return acc }
                }
                return acc.union(.n)
            default:
                let ps = args.map(eval)
                if ps.contains(where: \.onlyNull) { return .n }
                return (name == "mostly_cyrillic" ? Poss.bool : .v).union(.n)
            }
        case .aggregate(let name, let c, _, let f, let v):
            if eval(c).onlyNull { return .n }
            if let f, eval(f).onlyNull { return .n }
            if let v, eval(v).onlyNull { return .n }
            return (name == "exists" ? Poss.bool : .v).union(.n)
        case .unary(let op, let x, _):
            let p = eval(x)
            guard op == "not" else { return p }
            var out: Poss = []
            if p.contains(.t) { out.insert(.f) }
            if p.contains(.f) { out.insert(.t) }
            if p.contains(.n) || p.contains(.v) { out.insert(.n) }
            return out
        case .binary(let op, let l, let r, _, _):
            if op == "and" || op == "or" {
                let neg = op == "or"
                // A guard of a column the journal lacks: plainly false (`and`) / true (`or`).
                for (g, other) in [(l, r), (r, l)] where Presence.isGuard(g, other, negated: neg) {
                    if let k = Presence.fieldOf(Presence.guardArgument(g)), absent.contains(.field(k)) { return neg ? .t : .f }
                }
            }
            let pl = eval(l), pr = eval(r)
            if op == "and" || op == "or" { return Abstract.kleene(op == "and", pl, pr) }
            if pl.onlyNull || pr.onlyNull { return .n }
            let bool = ["=", "!=", "<", "<=", ">", ">=", "in", "matches", "contains", "starts_with"].contains(op)
            return (bool ? Poss.bool : .v).union(.n)
        case .ifThen(let c, let a, let b):
            let pc = eval(c)
            if pc.onlyNull { return .n }
            var out: Poss = pc.contains(.n) ? .n : []
            if pc.contains(.t) { out.formUnion(eval(a)) }
            if pc.contains(.f) { out.formUnion(eval(b)) }
            return out
        }
    }

    /// Every outcome of `and`/`or` over the possible values of both sides.
    static func kleene(_ isAnd: Bool, _ a: Poss, _ b: Poss) -> Poss {
        func values(_ p: Poss) -> [Bool?] {
            var out: [Bool?] = []
            if p.contains(.t) { out.append(true) }
            if p.contains(.f) { out.append(false) }
            if p.contains(.n) || p.contains(.v) { out.append(nil) }
            return out
        }
        var out: Poss = []
        for x in values(a) {
            for y in values(b) {
                let r: Bool?
                if isAnd {
                    r = x == false || y == false ? false : (x == true && y == true ? true : nil)
                } else {
                    r = x == true || y == true ? true : (x == false && y == false ? false : nil)
                }
                out.insert(r.map { $0 ? .t : .f } ?? .n)
            }
        }
        return out
    }
}
