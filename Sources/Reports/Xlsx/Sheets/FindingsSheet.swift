import Findings
import JournalModel

/// «Нарушения»: one row per finding, sorted by group, subject and date; continues on
/// «Нарушения (2)», … when a sheet reaches the row limit.
enum FindingsSheet {
    static let name = "Нарушения"
    static let header = ["№", "Важность", "Пункт", "Правило", "Класс", "Предмет", "Преподаватель", "Дата урока",
                         "Обучающийся", "Ожидалось", "Фактически", "Опоздание", "Опоздание, ч", "Сообщение"]
    static let widths: [Double] = [7, 13, 10, 32, 8, 20, 26, 11, 26, 22, 22, 14, 11, 60]
    static let severityColumn = 1

    /// Writes `findings` in `order` (indices); returns the names of the sheets used.
    @discardableResult
    static func write(_ ctx: XlsxContext, findings: [Finding], order: [Int]) throws -> [String] {
        precondition(order.count == findings.count)
        let perSheet = ctx.options.maxRowsPerSheet - 1
        var names: [String] = []
        var start = 0
        repeat {
            let end = min(findings.count, start + perSheet)
            let s = try ctx.addSheet(name)
            names.append(s.name)
            try writeChunk(s, ctx, findings, order[start..<end], firstNumber: start + 1)
            start = end
        } while start < findings.count
        return names
    }

    private static func writeChunk(_ s: XlsxSheet, _ ctx: XlsxContext, _ findings: [Finding],
                                   _ chunk: ArraySlice<Int>, firstNumber: Int) throws {
        let f = ctx.formats
        try s.columns(widths)
        try s.rowHeight(0, 30)
        try s.header(0, header, f.header)
        var row = 1
        for i in chunk {
            let x = findings[i]
            let title = ctx.ruleTitles[x.ruleId] ?? x.ruleId
            let message = ctx.scrub(x.message, x)
            let expected = ctx.scrub(x.expected, x), found = ctx.scrub(x.found, x)
            let height = RowHeight.points(for: [(title, widths[3]), (expected, widths[9]),
                                                (found, widths[10]), (message, widths[13])])
            if height > RowHeight.line { try s.rowHeight(row, height) }
            try s.number(row, 0, firstNumber + row - 1, f.integer)
            try s.text(row, 1, x.severity.rawValue)
            try s.text(row, 2, x.clause)
            try s.text(row, 3, title, f.wrap)
            try s.text(row, 4, x.group)
            try s.text(row, 5, x.subject)
            try s.text(row, 6, x.teacher)
            if let d = x.date { try s.date(row, 7, d, f.date) }
            if let st = x.student { try s.text(row, 8, ctx.studentLabel(group: x.group, name: st)) }
            try s.text(row, 9, expected, f.wrap)
            try s.text(row, 10, found, f.wrap)
            if let d = x.delaySeconds {
                try s.text(row, 11, DurationText.russian(seconds: d))
                try s.number(row, 12, (Double(d) / 360).rounded() / 10, f.decimal)
            }
            try s.text(row, 13, message, f.wrap)
            row += 1
        }
        let last = max(row - 1, 1)
        try s.autofilter(firstRow: 0, lastRow: last, lastCol: header.count - 1)
        s.freeze(rows: 1)
        if row > 1 {
            try s.highlight(col: severityColumn, firstRow: 1, lastRow: row - 1,
                            equals: Severity.violation.rawValue, f.severityViolation)
            try s.highlight(col: severityColumn, firstRow: 1, lastRow: row - 1,
                            equals: Severity.remark.rawValue, f.severityRemark)
            try s.highlight(col: severityColumn, firstRow: 1, lastRow: row - 1,
                            equals: Severity.recommendation.rawValue, f.severityRecommendation)
        }
        try s.printSetup(repeatRows: 0...0)
    }
}
