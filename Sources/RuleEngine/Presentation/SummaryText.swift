import JournalModel
import Findings
import RuleLanguage

/// The Russian summary table `zhurnal check` prints: one row per rule with its clause, its
/// title (wrapped), the outcome and the counts; every line fits `width` columns (100 by
/// default). Rule ids are shown on request (`ids`), under each title.
///
///     print(SummaryText.render(report, window: "неделя 06.10.2025–12.10.2025"))
public enum SummaryText {
    public static func render(_ report: CheckReport, window: String? = nil, ids: Bool = false, width: Int = 100) -> String {
        var out = ""
        func line(_ s: String) { out += wrap(s, width: width).joined(separator: "\n") + "\n" }
        line("Проверка: \(report.institution) — \(report.packTitle)")
        var period: [String] = []
        if let w = window, !w.isEmpty { period.append(w) } else {
            if let f = report.from { period.append("с \(f)") }
            if let t = report.to { period.append("по \(t)") }
        }
        if let g = report.group { period.append("группа \(g)") }
        if !period.isEmpty { line("Записи со сроком: " + period.joined(separator: ", ")) }
        if let t = report.asOf { line("Журнал на момент: \(t.momentText)") }

        let header = ["Пункт", "Правило", "Итог", "Проверено", "Нарушений", "Доля", "Пропущено"]
        var rows: [[String]] = []
        var statuses: [[String]] = []
        for o in report.outcomes {
            var status = [o.status.rawValue]
            if let l = o.level, l != .ok { status.append("(\(l == .warn ? "предупр." : "превыш."))") }
            statuses.append(status)
            rows.append([o.clause, o.title, "", String(o.checked), String(o.violations),
                         o.share.map { Format.percent($0 * 100) } ?? "—", String(o.skipped)])
        }
        var widths = header.map(\.count)
        for (r, st) in zip(rows, statuses) {
            for (i, c) in r.enumerated() where i != 1 { widths[i] = max(widths[i], c.count) }
            widths[2] = max(widths[2], st.map(\.count).max() ?? 0)
        }
        let gap = 2
        let fixed = widths.enumerated().filter { $0.offset != 1 }.reduce(0) { $0 + $1.element } + gap * (widths.count - 1)
        widths[1] = max(16, width - fixed)
        func format(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in c + String(repeating: " ", count: max(0, widths[i] - c.count)) }
                .joined(separator: String(repeating: " ", count: gap)).trailingSpacesTrimmed
        }
        out += format(header) + "\n" + format(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for (i, (r, o)) in zip(rows, report.outcomes).enumerated() {
            var title = wrap(r[1], width: widths[1], maxLines: 3)
            if ids { title.append(o.ruleId) }
            let clause = wrap(r[0], width: widths[0])
            let status = statuses[i]
            let height = max(title.count, clause.count, status.count)
            for k in 0..<height {
                var cells = Array(repeating: "", count: header.count)
                cells[0] = k < clause.count ? clause[k] : ""
                cells[1] = k < title.count ? title[k] : ""
                cells[2] = k < status.count ? status[k] : ""
                if k == 0 { for c in 3..<header.count { cells[c] = r[c] } }
                out += format(cells) + "\n"
            }
        }
        let notes = report.outcomes.filter { $0.status == .notChecked || $0.status == .error }
        if !notes.isEmpty {
            out += "\n"
            for o in notes {
                let why = o.errorMessage ?? o.missingData.joined(separator: "; ")
                line("«\(o.title)» (\(o.clause)\(ids ? ", \(o.ruleId)" : "")): \(o.status.rawValue) — \(why)")
            }
        }
        let violated = report.outcomes.filter { $0.status == .violated }.count
        var bySeverity: [Severity: Int] = [:]
        for f in report.findings { bySeverity[f.severity, default: 0] += 1 }
        out += "\n"
        line("Итого: правил \(report.outcomes.count), нарушено \(violated); найдено нарушений \(bySeverity[.violation] ?? 0), "
             + "замечаний \(bySeverity[.remark] ?? 0), рекомендаций \(bySeverity[.recommendation] ?? 0).")
        return out
    }

    /// Splits `text` into lines of at most `width` characters at spaces (a longer word is cut);
    /// at most `maxLines`, the last ending with «…» when text is left over.
    public static func wrap(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            var w = String(word)
            while w.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(w.prefix(width)))
                w = String(w.dropFirst(width))
            }
            if current.isEmpty { current = w } else if current.count + 1 + w.count <= width { current += " " + w } else {
                lines.append(current)
                current = w
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            var kept = Array(lines.prefix(maxLines))
            var last = kept[maxLines - 1]
            if last.count >= width { last = String(last.prefix(width - 1)) }
            kept[maxLines - 1] = last + "…"
            return kept
        }
        return lines
    }
}

extension String {
    /// The text without spaces at its end (a table's last cells may be empty).
    var trailingSpacesTrimmed: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
