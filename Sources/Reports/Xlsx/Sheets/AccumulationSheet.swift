import JournalModel

/// «Накопляемость»: per study period and group, students × subjects with the number of marks,
/// the weekly hours and the number required; shortfalls highlighted.
enum AccumulationSheet {
    static let name = "Накопляемость"

    static func write(_ ctx: XlsxContext) throws {
        let s = try ctx.addSheet(name)
        let f = ctx.formats
        let rule = AccumulationRule(oneHourMinimum: ctx.options.marksRequiredAtOneHour,
                                    aboveMinimum: ctx.options.marksRequiredAbove)
        let blocks = Accumulation.compute(scope: ctx.scope, rule: rule)
        let maxCols = blocks.map(\.columns.count).max() ?? 0
        try s.column(0, width: 32)
        for c in 0..<maxCols { try s.column(1 + c, width: 13) }
        var row = 0
        try s.text(row, 0, "Накопляемость отметок: требуется не менее \(rule.oneHourMinimum) отметок за период "
                   + "при 1 часе в неделю и не менее \(rule.aboveMinimum) при большей нагрузке.", f.label)
        row += 1
        try s.text(row, 0, "Красным — не хватает отметок в завершённом периоде; жёлтым — период проверен не целиком, "
                   + "отметки ещё могут появиться.", f.note)
        row += 2
        if blocks.isEmpty { try s.text(row, 0, "В проверяемом периоде нет уроков.", f.note) }
        for b in blocks {
            var title = "\(b.group) — " + (b.period ?? "проверяемый период") + " (\(b.from) – \(b.to))"
            if b.period == nil { title += ": в календаре нет учебных периодов" } else if !b.complete {
                title += ": период проверен не целиком"
            }
            try s.text(row, 0, title, f.sectionTitle)
            row += 1
            try s.rowHeight(row, 30)
            try s.header(row, ["Обучающийся"] + b.columns.map(\.subject), f.header)
            row += 1
            try s.text(row, 0, "Часов в неделю", f.label)
            for (i, c) in b.columns.enumerated() {
                if let h = c.weeklyHours { try s.number(row, 1 + i, h) } else { try s.text(row, 1 + i, "нет в нагрузке") }
            }
            row += 1
            try s.text(row, 0, "Требуется отметок", f.label)
            for (i, c) in b.columns.enumerated() {
                if let r = c.required { try s.number(row, 1 + i, r, f.integer) } else { try s.text(row, 1 + i, "—") }
            }
            row += 1
            for (ri, r) in b.rows.enumerated() {
                try s.text(row, 0, ctx.studentLabel(group: b.group, name: r.student))
                for (ci, n) in r.marks.enumerated() {
                    let short = b.isShort(row: ri, col: ci)
                    let fmt = !short ? f.integer : (b.complete ? f.shortfall : f.shortfallPartial)
                    try s.number(row, 1 + ci, n, fmt)
                }
                row += 1
            }
            if b.rows.isEmpty {
                try s.text(row, 0, "Нет обучающихся в списке класса.", f.note)
                row += 1
            }
            row += 1
        }
        s.freeze(rows: 0, cols: 1)
        try s.printSetup(repeatRows: nil)
    }
}
