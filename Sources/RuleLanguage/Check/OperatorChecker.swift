import Foundation
import JournalModel

extension ExprChecker {
    mutating func checkBinary(_ op: String, _ l: Expr, _ r: Expr, _ e: Expr) -> (TExpr, VType)? {
        guard let (tl, lt) = check(l), let (tr, rt) = check(r) else { return nil }
        let node = TExpr.binary(op, tl, tr, lt, rt)
        func mismatch() -> (TExpr, VType)? {
            var hint: String?
            if (lt == .dateTime && rt == .date) || (lt == .date && rt == .dateTime) {
                hint = "дату и момент не сравнивают напрямую: используйте end_of_day(дата) или start_of_day(дата)"
            } else if (lt == .date || rt == .date) && (lt == .duration || rt == .duration) {
                hint = "к дате прибавляют дни (`3 дня`); часы и минуты — к моменту, например end_of_day(date) + 1ч"
            }
            return fail(.typeMismatch, e, "операция `\(op)` не применима к типам «\(lt)» и «\(rt)»", hint: hint)
        }
        switch op {
        case "and", "or":
            guard lt == .bool, rt == .bool else { return mismatch() }
            return (node, .bool)
        case "=", "!=":
            guard ExprChecker.comparable(lt, rt) || lt == rt else { return mismatch() }
            return (node, .bool)
        case "<", "<=", ">", ">=":
            guard ExprChecker.comparable(lt, rt), lt != .bool, lt != .set else { return mismatch() }
            if case .ref = lt { return mismatch() }
            return (node, .bool)
        case "in":
            guard lt == .text, rt == .set else { return mismatch() }
            return (node, .bool)
        case "contains", "starts_with":
            guard lt == .text, rt == .text else { return mismatch() }
            return (node, .bool)
        case "matches":
            guard lt == .text, case .literal(.text(let pattern)) = tr else {
                return fail(.typeMismatch, r, "после `matches` ожидалось регулярное выражение: строка в кавычках, параметр-строка или их сложение",
                            hint: "образец должен быть известен до проверки журнала: поле записи здесь не подходит")
            }
            do { _ = try NSRegularExpression(pattern: pattern) } catch {
                return fail(.badRegex, r, "ошибка в регулярном выражении «\(pattern)»")
            }
            if let slow = RegexLint.problem(pattern) {
                sink.add(.slowRegex, at: patternLocation(r, offset: slow.offset, pattern: pattern), slow.message,
                         hint: "образец проверяется на каждой записи журнала; такой образец может работать часами")
                return nil
            }
            return (node, .bool)
        case "+", "-":
            switch (lt, rt) {
            case (.date, .days), (.dateTime, .days), (.dateTime, .duration): return (node, lt)
            case (.days, .date) where op == "+", (.duration, .dateTime) where op == "+": return (node, rt)
            case (.dateTime, .dateTime) where op == "-": return (node, .duration)
            case (.date, .date) where op == "-": return (node, .number)
            case (.duration, .duration): return (node, .duration)
            case (.text, .text) where op == "+":
                // Texts known before the check (literals, parameters) are joined once: a pattern
                // built from parameters stays a literal for `matches`.
                if case .literal(.text(let a)) = tl, case .literal(.text(let b)) = tr { return (.literal(.text(a + b)), .text) }
                return (node, .text)
            case _ where lt.isNumeric && rt.isNumeric: return (node, lt == .percent && rt == .percent ? .percent : .number)
            default: return mismatch()
            }
        case "*", "/":
            guard lt.isNumeric, rt.isNumeric else { return mismatch() }
            return (node, .number)
        default: return mismatch()
        }
    }

    static func comparable(_ a: VType, _ b: VType) -> Bool {
        if a == b { return true }
        if a.isNumeric && b.isNumeric { return true }
        if (a == .duration && b == .days) || (a == .days && b == .duration) { return true }
        return false
    }

    mutating func checkCall(_ name: String, _ args: [Expr], _ e: Expr) -> (TExpr, VType)? {
        if let m = defs.macros[name] { return expandMacro(m, args: args, e) }
        guard FieldRegistry.functions.contains(where: { $0.name == name }) else {
            if defs.broken.contains(name) { return nil }
            return fail(.unknownFunction, e, "неизвестная функция `\(name)`",
                        hint: RuleDiagnostics.didYouMean(name, among: FieldRegistry.functions.map(\.name) + Parser.aggregates.sorted()))
        }
        var typed: [(TExpr, VType)] = []
        for a in args {
            guard let x = check(a) else { return nil }
            typed.append(x)
        }
        let types = typed.map(\.1)
        let sig: (params: [VType?], result: VType)
        switch name {
        case "end_of_day", "start_of_day": sig = ([.date], .dateTime)
        case "date_of": sig = ([.dateTime], .date)
        case "days_between", "working_days_between": sig = ([.date, .date], .number)
        case "length": sig = ([.text], .number)
        case "lower": sig = ([.text], .text)
        case "mostly_cyrillic": sig = ([.text], .bool)
        case "similarity": sig = ([.text, .text], .percent)
        case "has": sig = ([nil], .bool)
        case "coalesce":
            guard types.count >= 2, types.dropFirst().allSatisfy({ ExprChecker.comparable(types[0], $0) }) else {
                return fail(.badArguments, e, "`coalesce` принимает два или больше значений одного типа")
            }
            return (.call(name, typed.map(\.0), types), types[0])
        case "abs":
            guard types.count == 1, types[0].isNumeric || types[0] == .duration else {
                return fail(.badArguments, e, "`abs` принимает одно число или продолжительность")
            }
            return (.call(name, typed.map(\.0), types), types[0])
        case "first", "last":
            guard types.count == 2, case .list = types[0], types[1] == .number else {
                return fail(.badArguments, e, "`\(name)` принимает коллекцию и число: `\(name)(lessons, 3)`")
            }
            return (.call(name, typed.map(\.0), types), types[0])
        case "topic_similarity": sig = ([.text, .text], .percent)
        default: return fail(.unknownFunction, e, "неизвестная функция `\(name)`")
        }
        let spec = FieldRegistry.functions.first { $0.name == name }?.signature ?? name
        guard types.count == sig.params.count else {
            return fail(.badArguments, e, "`\(name)` принимает \(sig.params.count) арг.: \(spec)")
        }
        for (i, p) in sig.params.enumerated() {
            if let p, types[i] != p {
                return fail(.typeMismatch, args[i], "аргумент \(i + 1) функции `\(name)` должен быть «\(p)», а здесь «\(types[i])»",
                            hint: spec)
            }
        }
        return (.call(name, typed.map(\.0), types), sig.result)
    }
}

extension ExprChecker {
    /// Where character `offset` of a `matches` pattern is in the rule file: inside the string
    /// literal when the pattern is written there as it reads (no escapes before the place),
    /// else the start of the pattern's expression (a parameter, a joined string).
    func patternLocation(_ r: Expr, offset: Int, pattern: String) -> SourceLocation {
        let lines = r.loc.file == sink.file ? sink.lines : (sink.otherFiles[r.loc.file] ?? [])
        guard r.loc.line >= 1, r.loc.line <= lines.count else { return r.loc }
        let line = Array(lines[r.loc.line - 1])
        let start = r.loc.column - 1
        guard start >= 0, start < line.count, line[start] == "\"" else { return r.loc }
        let written = line.dropFirst(start + 1).prefix(offset)
        guard String(written) == String(pattern.prefix(offset)) else { return r.loc }
        var at = r.loc
        at.column += 1 + offset
        return at
    }
}
