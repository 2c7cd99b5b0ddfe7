import Findings
import JournalModel

/// «Исправлено» (with `check --compare`): the earlier check's findings that this check judged
/// again and no longer found, by teacher, class and date.
enum FixedSheet {
    static let name = "Исправлено"

    static func write(_ ctx: XlsxContext) throws {
        guard let c = ctx.options.comparison, let name = ctx.names.fixed else { return }
        let s = try ctx.addSheet(name)
        let f = ctx.formats
        let cols: [TableHead.Column] = [
            .init("Преподаватель", nil, 26), .init("Важность", nil, 12), .init("Пункт", nil, 10), .init("Правило", nil, 34),
            .init(ctx.words.groupCapitalized, nil, 8), .init("Предмет", nil, 18), .init("Дата урока", nil, 11),
            .init("Обучающийся", nil, 22), .init("Что было найдено", nil, 60),
        ]
        let widths = cols.map(\.width)
        try s.columns(widths)
        s.beginPrint(columnWidths: Array(widths.dropLast()), repeatRows: 1...1, repeatHeight: TableHead.height(cols))
        try s.text(0, 0, "Исправлено после проверки от \(c.previousCheckedAt): \(c.fixed.count)", f.sectionTitle)
        var row = try TableHead.write(s, ctx, row: 1, columns: cols)
        let sorted = c.fixed.sorted { a, b in
            if a.teacher != b.teacher { return (a.teacher ?? "") < (b.teacher ?? "") }
            return TeacherSheet.order(a, b)
        }
        for x in sorted.prefix(ctx.options.maxRowsPerSheet - 3) {
            let title = ctx.ruleTitles[x.ruleId] ?? x.ruleId
            let student = x.student.map { ctx.studentLabel(group: x.group, name: $0) }
            try s.rowHeight(row, RowHeight.points(for: [(x.teacher, widths[0]), (title, widths[3]), (x.subject, widths[5]),
                                                        (student, widths[7])]))
            try s.text(row, 0, x.teacher ?? TeacherFigures.unknownTeacher, f.wrap)
            try s.text(row, 1, x.severity.rawValue)
            try s.text(row, 2, ClauseText.cited(x.clause), f.wrap)
            try s.text(row, 3, title, f.wrap)
            try s.text(row, 4, x.group)
            try s.text(row, 5, x.subject, f.wrap)
            if let d = x.date { try s.date(row, 6, d, f.date) }
            try s.text(row, 7, student, f.wrap)
            try s.text(row, 8, ctx.scrub(x.message, x))
            row += 1
        }
        if sorted.isEmpty {
            try s.text(row, 0, "Ничего из найденного прошлой проверкой не исправлено.", f.note)
            row += 1
        }
        if row > 2 { try s.autofilter(firstRow: 1, lastRow: row - 1, lastCol: cols.count - 1) }
        s.freeze(rows: 2)
        try s.finishPrint(lastRow: row - 1, footerLeft: ctx.footerLeft)
    }
}
