import Findings
import JournalModel

/// «Нарушения»: one row per finding — нарушения first, each rule's findings together (the
/// summary links to each block), then by class (natural order), subject and date; continues on
/// «Нарушения (2)», … when a sheet reaches the row limit. The message for the teacher is the
/// last column, on one line and not printed (the printed columns already say what and where).
enum FindingsSheet {
    static let name = "Нарушения"
    static let headerRows = 1
    static let severityColumn = 1

    struct Column { var title: String; var width: Double }

    static func columns(_ ctx: XlsxContext) -> [Column] {
        var c = [
            Column(title: "№", width: 6), Column(title: "Важность", width: 13), Column(title: "Пункт", width: 11),
            Column(title: "Правило", width: 48), Column(title: ctx.words.groupCapitalized, width: 7),
            Column(title: "Предмет", width: 22), Column(title: "Преподаватель", width: 30),
            Column(title: "Дата урока", width: 11), Column(title: "Обучающийся", width: 24),
            Column(title: "Ожидалось", width: 26), Column(title: "Фактически", width: 17),
            Column(title: "Опоздание", width: 12), Column(title: "Опоздание, ч", width: 8),
        ]
        if ctx.options.comparison != nil { c.append(Column(title: "Сравнение", width: 13)) }
        c.append(Column(title: "Сообщение", width: 60))
        return c
    }

    /// Writes every finding in `ctx.findingOrder`; returns the names of the sheets used.
    @discardableResult
    static func write(_ ctx: XlsxContext) throws -> [String] {
        let findings = ctx.report.findings
        let perSheet = ctx.options.maxRowsPerSheet - headerRows
        var start = 0
        for name in ctx.names.findings {
            let end = min(findings.count, start + perSheet)
            let s = try ctx.addSheet(name)
            try writeChunk(s, ctx, findings, ctx.findingOrder[start..<end], firstNumber: start + 1)
            start = end
        }
        return ctx.names.findings
    }

    private static func writeChunk(_ s: XlsxSheet, _ ctx: XlsxContext, _ findings: [Finding],
                                   _ chunk: ArraySlice<Int>, firstNumber: Int) throws {
        let f = ctx.formats
        let cols = columns(ctx)
        let widths = cols.map(\.width)
        let printed = Array(widths.dropLast())
        let compare = ctx.options.comparison
        let messageCol = cols.count - 1
        try s.columns(widths)
        let head = RowHeight.points(for: cols.map { ($0.title, $0.width) }, bold: true) + 2
        s.beginPrint(columnWidths: printed, repeatRows: 0...0, repeatHeight: head)
        try s.rowHeight(0, head)
        try s.header(0, cols.map(\.title), f.header)
        var row = 1
        for i in chunk {
            let x = findings[i]
            let title = ctx.ruleTitles[x.ruleId] ?? x.ruleId
            let expected = ctx.scrub(x.expected, x), found = ctx.scrub(x.found, x)
            let student = x.student.map { ctx.studentLabel(group: x.group, name: $0) }
            let delay = x.delaySeconds.map { DurationText.russian(seconds: $0) }
            try s.rowHeight(row, RowHeight.points(for: [(title, widths[3]), (x.subject, widths[5]), (x.teacher, widths[6]),
                                                        (student, widths[8]), (expected, widths[9]), (found, widths[10]),
                                                        (delay, widths[11]), (ClauseText.cited(x.clause), widths[2])]))
            try s.number(row, 0, firstNumber + row - 1, f.integer)
            try s.text(row, 1, x.severity.rawValue)
            try s.text(row, 2, ClauseText.cited(x.clause), f.wrap)
            try s.text(row, 3, title, f.wrap)
            try s.text(row, 4, x.group)
            try s.text(row, 5, x.subject, f.wrap)
            try s.text(row, 6, x.teacher, f.wrap)
            if let d = x.date { try s.date(row, 7, d, f.date) }
            try s.text(row, 8, student, f.wrap)
            try s.text(row, 9, expected, f.wrap)
            try s.text(row, 10, found, f.wrap)
            if let d = x.delaySeconds {
                try s.text(row, 11, delay, f.wrap)
                try s.number(row, 12, (Double(d) / 360).rounded() / 10, f.decimal)
            }
            if let c = compare {
                let st = c.status(of: x)
                try s.text(row, 13, st.rawValue, st == .new ? f.comparisonNew : nil)
            }
            try s.text(row, messageCol, ctx.scrub(x.message, x))
            row += 1
        }
        let last = max(row - 1, 1)
        try s.autofilter(firstRow: 0, lastRow: last, lastCol: cols.count - 1)
        s.freeze(rows: 1)
        if row > 1 {
            try s.highlight(col: severityColumn, firstRow: 1, lastRow: row - 1,
                            equals: Severity.violation.rawValue, f.severityViolation)
            try s.highlight(col: severityColumn, firstRow: 1, lastRow: row - 1,
                            equals: Severity.remark.rawValue, f.severityRemark)
            try s.highlight(col: severityColumn, firstRow: 1, lastRow: row - 1,
                            equals: Severity.recommendation.rawValue, f.severityRecommendation)
        }
        try s.finishPrint(lastRow: max(row - 1, 0), footerLeft: ctx.footerLeft)
    }
}
