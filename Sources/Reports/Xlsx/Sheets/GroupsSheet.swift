import JournalModel

/// «Классы»: per group and subject, the monthly-control figures of `oosh14` п. 3.2.2.3.
enum GroupsSheet {
    static let name = "Классы"
    static let header = ["Класс", "Предмет", "Преподаватель", "Уроков", "Участие в работе (уроки с темой)",
                         "Обучающихся", "Без отметок", "С одной отметкой", "ДЗ записано", "По КТП, ч",
                         "Проведено уроков", "КТП пройдено"]

    static func write(_ ctx: XlsxContext) throws {
        let s = try ctx.addSheet(name)
        let f = ctx.formats
        try s.columns([10, 24, 30, 9, 13, 14, 11, 11, 11, 10, 11, 11])
        try s.rowHeight(0, 45)
        try s.header(0, header, f.header)
        let groups = GroupControl.compute(scope: ctx.scope)
        var row = 1
        var undatedPlan = false
        for g in groups {
            try s.text(row, 0, g.group)
            try s.text(row, 1, g.subject)
            try s.text(row, 2, g.teachers.joined(separator: ", "))
            try s.number(row, 3, g.lessons, f.integer)
            try g.participation.write(to: s, row, 4, f)
            try s.number(row, 5, g.students, f.integer)
            try g.withoutMarksShare.write(to: s, row, 6, f)
            try g.oneMarkShare.write(to: s, row, 7, f)
            try g.homeworkShare.write(to: s, row, 8, f)
            if let p = g.plannedHours {
                try s.number(row, 9, p)
                try s.number(row, 10, g.heldForPlan, f.integer)
                try g.planCovered.write(to: s, row, 11, f)
                undatedPlan = undatedPlan || g.planWithoutDates
            } else {
                try s.text(row, 9, "нет КТП")
            }
            row += 1
        }
        if row > 1 { try s.autofilter(firstRow: 0, lastRow: row - 1, lastCol: header.count - 1) }
        s.freeze(rows: 1, cols: 2)
        row += 1
        var notes = [
            "Показатели ежемесячного контроля (п. 3.2.2.3 положения ООШ № 14) за проверяемый период.",
            "Участие в работе — доля уроков, по которым в журнал внесена тема. Без отметок / с одной отметкой — доля "
                + "обучающихся класса, у которых по предмету нет ни одной отметки / ровно одна.",
            "КТП пройдено — проведённые уроки к часам, запланированным в КТП на проверяемые даты.",
        ]
        if undatedPlan {
            notes.append("Где в КТП нет дат, уроки с начала года сравниваются со всеми часами КТП.")
        }
        for n in notes {
            try s.text(row, 0, n, f.note)
            row += 1
        }
        try s.printSetup(repeatRows: 0...0)
    }
}
