import JournalModel
import Findings
import RuleLanguage

/// The Russian summary table `zhurnal check` prints: one line per rule.
public enum SummaryText {
    /// `window`: the window's label («неделя 06.10.2025–12.10.2025»); nil — built from `from`/`to`.
    public static func render(_ report: CheckReport, window: String? = nil) -> String {
        var out = "Проверка: \(report.institution) — \(report.packTitle)\n"
        var period: [String] = []
        if let w = window, !w.isEmpty { period.append(w) } else {
            if let f = report.from { period.append("с \(f)") }
            if let t = report.to { period.append("по \(t)") }
        }
        if let g = report.group { period.append("группа \(g)") }
        if !period.isEmpty { out += "Записи со сроком: " + period.joined(separator: ", ") + "\n" }
        if let t = report.asOf { out += "Журнал на момент: \(t.momentText)\n" }
        let header = ["Правило", "Пункт", "Итог", "Проверено", "Нарушений", "Доля", "Пропущено"]
        var rows: [[String]] = []
        for o in report.outcomes {
            var status = o.status.rawValue
            if let l = o.level, l != .ok { status += " (\(l.rawValue))" }
            rows.append([o.ruleId, o.clause, status, String(o.checked), String(o.violations),
                         o.share.map { Format.percent($0 * 100) } ?? "—", String(o.skipped)])
        }
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in c + String(repeating: " ", count: widths[i] - c.count) }
                .joined(separator: "  ").trimmingSpaces()
        }
        out += line(header) + "\n" + line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for r in rows { out += line(r) + "\n" }
        let notes = report.outcomes.filter { $0.status == .notChecked || $0.status == .error }
        if !notes.isEmpty {
            out += "\n"
            for o in notes {
                out += "\(o.ruleId): \(o.status.rawValue) — " + (o.errorMessage ?? o.missingData.joined(separator: "; ")) + "\n"
            }
        }
        let violated = report.outcomes.filter { $0.status == .violated }.count
        out += "\nИтого: правил \(report.outcomes.count), нарушено \(violated), замечаний \(report.findings.count).\n"
        return out
    }
}
