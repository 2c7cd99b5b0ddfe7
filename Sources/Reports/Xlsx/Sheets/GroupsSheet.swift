import JournalModel

/// «Классы» («Группы» in a college): per class, subject and month, the monthly-control figures
/// of `oosh14` п. 3.2.2.3 and what the pack's own monthly rules found for that month.
enum GroupsSheet {
    static let firstDataRow = 2

    static func columns(_ ctx: XlsxContext) -> [TableHead.Column] {
        let w = ctx.words
        return [
            .init(w.groupCapitalized, nil, 8),
            .init("Предмет", nil, 22),
            .init("Месяц", nil, 14),
            .init("Преподаватель", nil, 26),
            .init(w.kind == .school ? "Уроков" : "Занятий", "за проверяемые даты месяца", 8),
            .init("Участие в работе", "доля \(w.lessonsGenitive) с внесённой темой", 10),
            .init("Обучающихся", "\(w.inGroup) в этом месяце", 11),
            .init("Без отметок", "доля без единой отметки (не считая отсутствовавших весь месяц)", 11),
            .init("С одной отметкой", "доля ровно с одной отметкой", 10),
            .init("ДЗ записано", "доля \(w.lessonsGenitive) с домашним заданием", 10),
            .init("По КТП, ч", "на эти даты (КТП без дат — на год)", 10),
            .init("Проведено", "\(w.lessonsGenitive) к сравнению с КТП", 10),
            .init("КТП пройдено", "проведено к часам КТП", 10),
            .init("Ежемесячный контроль по правилам пакета", "что нашли правила пакета за этот месяц (пороги — в пакете)", 56),
        ]
    }

    static func write(_ ctx: XlsxContext) throws {
        let s = try ctx.addSheet(ctx.names.groups)
        let f = ctx.formats
        let cols = columns(ctx)
        let widths = cols.map(\.width)
        try s.columns(widths)
        s.beginPrint(columnWidths: widths, repeatRows: 0...1, repeatHeight: TableHead.height(cols))
        var row = try TableHead.write(s, ctx, row: 0, columns: cols)
        var undatedPlan = false
        for g in ctx.groupControls {
            let teachers = g.teachers.joined(separator: ", ")
            let rules = g.ruleFindings.joined(separator: "\n")
            try s.rowHeight(row, RowHeight.points(for: [(g.subject, widths[1]), (teachers, widths[3]), (rules, widths[13])]))
            try s.text(row, 0, g.group)
            try s.text(row, 1, g.subject, f.wrap)
            try s.text(row, 2, g.monthTitle)
            try s.text(row, 3, teachers, f.wrap)
            try s.number(row, 4, g.lessons, f.integer)
            try g.participation.write(to: s, row, 5, f)
            try s.number(row, 6, g.students, f.integer)
            try g.withoutMarksShare.write(to: s, row, 7, f)
            try g.oneMarkShare.write(to: s, row, 8, f)
            try g.homeworkShare.write(to: s, row, 9, f)
            if let p = g.plannedHours {
                try s.number(row, 10, p)
                try s.number(row, 11, g.heldForPlan, f.integer)
                try g.planCovered.write(to: s, row, 12, f)
                undatedPlan = undatedPlan || g.planWithoutDates
            } else {
                try s.text(row, 10, "нет КТП")
            }
            try s.text(row, 13, rules, rules.isEmpty ? nil : f.wrap)
            row += 1
        }
        if row > firstDataRow { try s.autofilter(firstRow: firstDataRow - 1, lastRow: row - 1, lastCol: cols.count - 1) }
        s.freeze(rows: firstDataRow, cols: 2)
        row += 1
        var notes = [
            "Показатели ежемесячного контроля (п. 3.2.2.3 положения ООШ № 14) по каждому месяцу проверяемых дат.",
            "Последний столбец — что нашли правила пакета о ежемесячном контроле: их пороги заданы в пакете правил.",
        ]
        if undatedPlan {
            notes.append("Где в КТП нет дат, проведённые с начала года \(ctx.words.lessonsGenitive) сравниваются со всеми часами КТП.")
        }
        for n in notes {
            try s.text(row, 0, n, f.note)
            row += 1
        }
        try s.finishPrint(lastRow: row - 1, footerLeft: ctx.footerLeft)
    }
}
