import Findings
import JournalModel

/// «Преподаватели»: per teacher — lessons, entries made by the end of the lesson day, findings
/// by severity with rates per 100 lessons, findings by part of the journal, and (with
/// `--compare`) new, still open and fixed. Each name links to the teacher's own page. A row
/// above the header says what every column counts.
enum TeachersSheet {
    static let name = "Преподаватели"
    static let firstDataRow = 2

    static func columns(_ ctx: XlsxContext) -> [TableHead.Column] {
        let lessons = ctx.words.lessonsGenitive
        var c: [TableHead.Column] = [
            .init("Преподаватель", "ссылка ведёт на его страницу с нарушениями", 30),
            .init(ctx.words.kind == .school ? "Уроков" : "Занятий", "проведено за проверяемые даты (по журналу)", 9),
            .init("Записей с временем внесения", "отметки, темы, ДЗ с известным временем внесения", 11),
            .init("Доля вовремя", "из них внесено до 24:00 дня урока", 9),
            .init("Нарушений", "важность «нарушение»", 10),
            .init("На 100 \(lessons)", "нарушений на 100 \(lessons)", 9),
            .init("Замечаний", "важность «замечание»", 10),
            .init("Замечаний на 100 \(lessons)", "замечаний на 100 \(lessons)", 10),
            .init("Рекомендаций", "важность «рекомендация»", 12),
        ]
        for a in areas { c.append(.init(a.title, a.note, a.width)) }
        c.append(.init("Всего", "все найденное по учителю", 8))
        if ctx.options.comparison != nil {
            c.append(.init("Новых", "не было в прошлом отчёте", 8))
            c.append(.init("Не устранено", "было и осталось", 10))
            c.append(.init("Исправлено", "было, теперь не найдено", 10))
        }
        return c
    }

    /// The parts of the journal findings are about (any severity), in the rules' own tags.
    static let areas: [(area: FindingArea, title: String, note: String, width: Double)] = [
        (.marks, "Отметки", "сроки и значения отметок за уроки", 9),
        (.topics, "Темы", "темы и записи уроков", 8),
        (.homework, "ДЗ", "домашние задания", 7),
        (.absences, "Пропуски", "отметки об отсутствии", 9),
        (.substitutions, "Замены", "оформление замен", 8),
        (.periodMarks, "Итоговые", "отметки за период", 9),
        (.accumulation, "Накопляемость", "число отметок за период и месяц", 13),
        (.corrections, "Исправления", "исправления отметок", 11),
        (.other, "Прочее", "правила без пометки о части журнала", 8),
    ]

    static func write(_ ctx: XlsxContext) throws {
        let s = try ctx.addSheet(ctx.names.teachers)
        let f = ctx.formats
        let cols = columns(ctx)
        try s.columns(cols.map(\.width))
        s.beginPrint(columnWidths: cols.map(\.width), repeatRows: 0...1, repeatHeight: TableHead.height(cols))
        var row = try TableHead.write(s, ctx, row: 0, columns: cols)
        for t in ctx.teachers {
            try s.rowHeight(row, RowHeight.points(for: [(t.name, cols[0].width)]))
            if let sheet = ctx.teacherSheets[t.name] {
                try s.link(row, 0, to: sheet, t.name, f.link)
            } else {
                try s.text(row, 0, t.name, f.wrap)
            }
            try s.number(row, 1, t.lessons, f.integer)
            try s.number(row, 2, t.entries.total, f.integer)
            try t.entries.share.write(to: s, row, 3, f)
            try s.number(row, 4, t.count(.violation), f.integer)
            try t.per100(.violation).writeRate(to: s, row, 5, f)
            try s.number(row, 6, t.count(.remark), f.integer)
            try t.per100(.remark).writeRate(to: s, row, 7, f)
            try s.number(row, 8, t.count(.recommendation), f.integer)
            for (i, a) in areas.enumerated() { try s.number(row, 9 + i, t.byArea[a.area] ?? 0, f.integer) }
            var col = 9 + areas.count
            try s.number(row, col, t.findings, f.integer)
            if ctx.options.comparison != nil {
                for v in [t.new, t.open, t.fixed] { col += 1; try s.number(row, col, v, f.integer) }
            }
            row += 1
        }
        if row > firstDataRow { try s.autofilter(firstRow: firstDataRow - 1, lastRow: row - 1, lastCol: cols.count - 1) }
        s.freeze(rows: firstDataRow, cols: 1)
        row += 1
        let notes = [
            "Уроки и записи — по журналу за проверяемые даты; запись внесена вовремя, если время её внесения не позже "
                + "24:00 дня урока. Записи без времени внесения не учитываются.",
            "Нарушения, замечания и рекомендации — найденное проверкой по правилам положения (лист «\(FindingsSheet.name)»); "
                + "столбцы «Отметки» … «Прочее» делят всё найденное по части журнала, к которой относится правило.",
        ]
        for n in notes {
            try s.text(row, 0, n, f.note)
            row += 1
        }
        try s.finishPrint(lastRow: row - 1, footerLeft: ctx.footerLeft)
    }
}
