import Findings

/// «Не проверено»: rules that could not be checked (and the data they lacked), rules checked
/// only in part (and why), the records rules named as not judged (a student in the class for
/// part of a period), and clauses of the regulation that no rule covers.
enum NotCheckedSheet {
    static let name = "Не проверено"
    static let rulesHeader = ["Пункт", "Правило", "Результат", "Чего не хватает / причина", "Пропущено элементов"]
    static let clausesHeader = ["Пункт", "Содержание", "Почему не проверяется", "Пояснение"]
    static let itemsHeader = ["Пункт", "Правило", "Класс", "Предмет", "Обучающийся", "Дата", "Почему не проверено"]

    static func write(_ ctx: XlsxContext) throws {
        let s = try ctx.addSheet(ctx.names.notChecked)
        let f = ctx.formats
        let widths: [Double] = [14, 44, 24, 56, 22, 12, 50]
        try s.columns(widths)
        s.beginPrint(columnWidths: widths)
        try s.rowHeight(0, RowHeight.points(for: rulesHeader.enumerated().map { ($1, widths[$0]) }, bold: true) + 2)
        try s.header(0, rulesHeader, f.header)
        var row = 1
        let rules = ctx.report.outcomes.filter { $0.status == .notChecked || $0.status == .error || $0.skipped > 0 }
        for o in rules {
            var why = o.missingData.isEmpty ? "" : "нет данных: " + o.missingData.joined(separator: ", ")
            if o.status == .passed || o.status == .violated {
                why = o.skippedReasons.isEmpty
                    ? (o.missingData.isEmpty ? "в части записей нет данных, нужных для проверки" : why)
                    : o.skippedReasons.map { "\($0.reason) — \($0.count)" }.joined(separator: "; ")
            }
            if let e = o.errorMessage { why += (why.isEmpty ? "" : "; ") + e }
            if why.isEmpty { why = "—" }
            let status = o.status == .notChecked || o.status == .error ? o.status.rawValue : "проверено частично (\(o.status.rawValue))"
            try s.rowHeight(row, RowHeight.points(for: [(o.title, widths[1]), (why, widths[3]), (status, widths[2])]))
            try s.text(row, 0, ClauseText.cited(o.clause), f.wrap)
            try s.text(row, 1, o.title, f.wrap)
            switch o.status {
            case .notChecked, .error: try s.text(row, 2, status, SummarySheet.outcomeFormat(o.status, f))
            case .passed, .violated: try s.text(row, 2, status, f.wrap)
            }
            try s.text(row, 3, why, f.wrap)
            try s.number(row, 4, o.skipped, f.integer)
            row += 1
        }
        if rules.isEmpty {
            try s.text(row, 0, "Все правила набора проверены полностью.", f.note)
            row += 1
        }
        s.freeze(rows: 1)
        row = try writeNamedItems(s, ctx, from: row, widths: widths)
        row += 1
        s.keepTogether(from: row, height: 20 + 30 + 2 * RowHeight.line)
        try s.text(row, 0, "Пункты положения, которые не проверяются правилами", f.sectionTitle)
        row += 1
        try s.rowHeight(row, RowHeight.points(for: clausesHeader.enumerated().map { ($1, widths[$0]) }, bold: true) + 2)
        try s.header(row, clausesHeader, f.header)
        row += 1
        let uncovered = ctx.report.coverage.filter { $0.status != .encoded || $0.ruleIds.isEmpty }
        for c in uncovered {
            let status = c.status == .encoded ? "нет правила в наборе" : c.status.rawValue
            try s.rowHeight(row, RowHeight.points(for: [(c.summary, widths[1]), (status, widths[2]), (c.reason, widths[3])]))
            try s.text(row, 0, ClauseText.cited(c.clause), f.wrap)
            try s.text(row, 1, c.summary, f.wrap)
            try s.text(row, 2, status, f.wrap)
            try s.text(row, 3, c.reason ?? "—", f.wrap)
            row += 1
        }
        if uncovered.isEmpty {
            try s.text(row, 0, ctx.report.coverage.isEmpty
                       ? "Набор правил не содержит таблицы покрытия пунктов положения."
                       : "Все пункты положения покрыты правилами.", f.note)
            row += 1
        }
        try s.finishPrint(lastRow: max(row - 1, 0), footerLeft: ctx.footerLeft)
    }

    /// Records rules skipped by name (`skip when`): who was not judged and why. Returns the next row.
    static func writeNamedItems(_ s: XlsxSheet, _ ctx: XlsxContext, from start: Int, widths: [Double]) throws -> Int {
        let f = ctx.formats
        let items = ctx.report.outcomes.flatMap { o in o.skippedItems.map { (o, $0) } }
        guard !items.isEmpty else { return start }
        var row = start + 1
        s.keepTogether(from: row, height: 20 + 30 + 2 * RowHeight.line)
        try s.text(row, 0, "Кого правила не проверяли (и почему)", f.sectionTitle)
        row += 1
        try s.rowHeight(row, RowHeight.points(for: itemsHeader.enumerated().map { ($1, widths[$0]) }, bold: true) + 2)
        try s.header(row, itemsHeader.enumerated().map { $0 == 2 ? ctx.words.groupCapitalized : $1 }, f.header)
        row += 1
        for (o, item) in items {
            var reason = item.reason
            if let name = item.student, let p = ctx.pseudonyms { reason = reason.replacingOccurrences(of: name, with: p.code(group: item.group, name: name)) }
            try s.rowHeight(row, RowHeight.points(for: [(o.title, widths[1]), (item.subject, widths[3]), (reason, widths[6])]))
            try s.text(row, 0, ClauseText.cited(o.clause), f.wrap)
            try s.text(row, 1, o.title, f.wrap)
            try s.text(row, 2, item.group ?? "—", f.wrap)
            try s.text(row, 3, item.subject ?? "—", f.wrap)
            let who = item.student.map { ctx.studentLabel(group: item.group, name: $0) } ?? "—"
            try s.text(row, 4, who, f.wrap)
            try s.text(row, 5, item.date.map { "\($0)" } ?? "—", f.wrap)
            try s.text(row, 6, reason, f.wrap)
            row += 1
        }
        return row
    }
}
