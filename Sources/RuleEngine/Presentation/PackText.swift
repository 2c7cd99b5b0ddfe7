import JournalModel
import Findings
import RuleLanguage

/// Russian texts for `zhurnal rules explain|coverage|diff`.
public enum PackText {
    /// Title, clause, severity, scope, condition, parameters and the data a rule needs.
    public static func explain(_ r: CheckedRule, in pack: Pack) -> String {
        var out = "\(r.id) — \(r.title)\n"
        out += "Документ: \(r.document)\nПункт: \(r.clause)\nСтепень: \(r.severity)\n"
        out += "Теги: \(r.tags.joined(separator: ", "))\n"
        if r.validFrom != nil || r.validTo != nil {
            out += "Действует: \(r.validFrom.map { "с \($0)" } ?? "") \(r.validTo.map { "по \($0)" } ?? "")\n"
        }
        if let t = r.template { out += "Шаблон: \(t)\n" }
        out += "Проверяется: \(r.scope.name) — \(r.scope.description)\n"
        if let c = r.conditionText { out += "Условие: \(c)\n" }
        if let w = r.warn { out += "Порог предупреждения: \(w.inclusive ? "≥" : ">") \(Format.number(w.value))\n" }
        if let f = r.fail { out += "Порог превышения: \(f.inclusive ? "≥" : ">") \(Format.number(f.value))\n" }
        let used = pack.params.filter { r.parametersUsed.contains($0.name) }
        if !used.isEmpty {
            out += "Параметры:\n"
            for p in used {
                if let v = r.localParams[p.name] {
                    out += "  \(p.name) = \(v)" + (p.description.map { " — \($0)" } ?? "") + " (задано в правиле)\n"
                    continue
                }
                out += "  \(p.name) = \(p.value)" + (p.description.map { " — \($0)" } ?? "")
                    + (p.setIn.map { " (задано в \($0))" } ?? "") + "\n"
            }
        }
        out += "Нужные данные:\n"
        for k in r.fieldsRead.sorted() {
            guard let f = FieldRegistry.field(k.entity, k.name) else { continue }
            out += "  \(k.entity.rawValue).\(k.name) — \(f.description)" + (f.requires.map { " [может отсутствовать: \($0)]" } ?? "") + "\n"
        }
        out += "Примеры: срабатывает — \(r.examples.filter { $0.triggers != nil }.count), не срабатывает — \(r.examples.filter { $0.triggers == nil }.count)\n"
        out += "Файл: \(r.file):\(r.line)\n"
        return out
    }

    /// The coverage table and the rule ids it names that the pack does not have.
    public static func coverage(_ entries: [CoverageEntry], pack: Pack) -> (text: String, unknownIds: [String]) {
        let ids = Set(pack.rules.map(\.id))
        var unknown: [String] = []
        var out = "Покрытие пунктов: \(pack.title)\n"
        for s in CoverageEntry.Status.allCases {
            out += "  \(s.rawValue): \(entries.filter { $0.status == s }.count)\n"
        }
        out += "\n"
        for e in entries {
            out += "\(e.clause) — \(e.status.rawValue)"
            if !e.ruleIds.isEmpty { out += ": " + e.ruleIds.joined(separator: ", ") }
            out += "\n    \(e.summary)\n"
            if let r = e.reason { out += "    причина: \(r)\n" }
            for id in e.ruleIds where !ids.contains(id) {
                unknown.append(id)
                out += "    ошибка: правила `\(id)` нет в пакете"
                    + (Suggestions.closest(to: id, among: ids).map { " — возможно, `\($0)`?" } ?? "") + "\n"
            }
            if e.status == .encoded && e.ruleIds.isEmpty { out += "    предупреждение: пункт «проверяется», но правила не указаны\n" }
        }
        let covered = Set(entries.flatMap(\.ruleIds))
        let orphan = pack.rules.map(\.id).filter { !covered.contains($0) }
        if !orphan.isEmpty { out += "\nПравила, не указанные в таблице: \(orphan.joined(separator: ", "))\n" }
        return (out, unknown)
    }

    /// What differs between two packs: rules added, removed, changed; parameters. Rules with
    /// different ids written from the same template (`rule X from MARK-DAY`) are compared as a
    /// pair: two institutions' versions of one requirement.
    public static func diff(_ a: Pack, _ b: Pack) -> String {
        var out = "Сравнение: \(a.id) → \(b.id)\n"
        let ra = Dictionary(a.rules.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let rb = Dictionary(b.rules.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        var onlyB = b.rules.filter { ra[$0.id] == nil }
        var onlyA = a.rules.filter { rb[$0.id] == nil }
        var pairs: [(CheckedRule, CheckedRule)] = a.rules.compactMap { r in rb[r.id].map { (r, $0) } }
        // The same template and the same condition first (two rules of one pack may share a template).
        for sameCondition in [true, false] {
        for r in onlyA {
            guard let t = r.template,
                  let i = onlyB.firstIndex(where: { $0.template == t && (!sameCondition || $0.conditionText == r.conditionText) })
            else { continue }
            pairs.append((r, onlyB[i]))
            onlyB.remove(at: i)
            onlyA.removeAll { $0.id == r.id }
        }
        }
        var lines: [String] = []
        for r in onlyB { lines.append("+ правило \(r.id) — \(r.title)") }
        for r in onlyA { lines.append("- правило \(r.id) — \(r.title)") }
        for (r, n) in pairs {
            var changes: [String] = []
            if r.title != n.title { changes.append("название") }
            if r.clause != n.clause { changes.append("пункт: \(r.clause) → \(n.clause)") }
            if r.severity != n.severity { changes.append("степень: \(r.severity) → \(n.severity)") }
            if r.scope.name != n.scope.name { changes.append("сущность: \(r.scope.name) → \(n.scope.name)") }
            else if r.scopeText != n.scopeText { changes.append("отбор: \(r.scopeText ?? "—") → \(n.scopeText ?? "—")") }
            if r.conditionText != n.conditionText { changes.append("условие: \(r.conditionText ?? "—") → \(n.conditionText ?? "—")") }
            if r.message.source != n.message.source { changes.append("сообщение") }
            // Values the pack-level lines below do not already show: a pair of different rules,
            // or a value set inside a rule.
            for name in r.parametersUsed.union(n.parametersUsed).sorted()
            where r.id != n.id || r.localParams[name] != nil || n.localParams[name] != nil {
                let x = value(name, r, a), y = value(name, n, b)
                if x != y { changes.append("параметр \(name): \(x.map(\.description) ?? "—") → \(y.map(\.description) ?? "—")") }
            }
            let label = r.id == n.id ? "~ правило \(r.id)" : "~ шаблон \(r.template ?? ""): \(r.id) ↔ \(n.id)"
            if !changes.isEmpty || r.id != n.id {
                lines.append(label + (changes.isEmpty ? ": различий нет" : ": " + changes.joined(separator: "; ")))
            }
        }
        let pa = Dictionary(a.params.map { ($0.name, $0.value) }, uniquingKeysWith: { x, _ in x })
        let pb = Dictionary(b.params.map { ($0.name, $0.value) }, uniquingKeysWith: { x, _ in x })
        for p in b.params {
            if let old = pa[p.name] { if old != p.value { lines.append("~ параметр \(p.name): \(old) → \(p.value)") } }
            else { lines.append("+ параметр \(p.name) = \(p.value)") }
        }
        for p in a.params where pb[p.name] == nil { lines.append("- параметр \(p.name)") }
        out += lines.isEmpty ? "различий нет\n" : lines.joined(separator: "\n") + "\n"
        return out
    }

    /// The value a rule reads for a parameter: its own `set`, else the pack's.
    static func value(_ name: String, _ r: CheckedRule, _ p: Pack) -> Literal? {
        r.localParams[name] ?? p.params.first { $0.name == name }?.value
    }
}
