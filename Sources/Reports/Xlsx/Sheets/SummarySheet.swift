import Findings
import JournalModel

/// «Сводка»: what was checked, per-rule outcomes (each rule linked to its findings), totals by
/// severity, the comparison with an earlier check, the teachers and classes with the most
/// нарушения per 100 lessons (linked to their pages), and timeliness by week (chart and table).
enum SummarySheet {
    static let widths: [Double] = [17, 50, 14, 19, 11, 12, 14, 12, 10, 11]
    static let ruleColumn = 1

    static func ruleColumns(_ ctx: XlsxContext) -> [TableHead.Column] {
        var c: [TableHead.Column] = [
            .init("Пункт", "пункт положения", widths[0]),
            .init("Правило", "что требует пункт", widths[1]),
            .init("Важность", "нарушение, замечание или рекомендация", widths[2]),
            .init("Результат", "соблюдено / нарушено / не проверено / ошибка", widths[3]),
            .init("Проверено", "записей, срок которых в проверяемом окне", widths[4]),
            .init("Нарушений", "найдено; ссылка — к ним на листе «Нарушения»", widths[5]),
            .init("Доля нарушений", "нарушений от проверенных", widths[6]),
            .init("Пропущено", "не проверено: нет данных, срок не наступил и т. п.", widths[7]),
        ]
        if ctx.options.comparison != nil {
            c.append(.init("Новых", "не было в прошлом отчёте", widths[8]))
            c.append(.init("Исправлено", "было в прошлом отчёте, сейчас не найдено", widths[9]))
        }
        return c
    }

    static func write(_ ctx: XlsxContext) throws {
        let s = try ctx.addSheet(ctx.names.summary)
        let f = ctx.formats
        let r = ctx.report
        let columns = ruleColumns(ctx)
        let lastCol = columns.count - 1
        try s.columns(Array(widths.prefix(max(columns.count, 8))))
        s.beginPrint(columnWidths: Array(widths.prefix(max(columns.count, 8))))
        try s.rowHeight(0, 20)
        try s.merge(0, 0, lastCol, "Отчёт о проверке электронного журнала", f.title)
        var info: [(String, String)] = [
            ("Организация", r.institution),
            ("Положение", r.document),
            ("Набор правил", r.packTitle.isEmpty ? r.packId : "\(r.packTitle) (\(r.packId))"),
            ("Записи со сроком", ctx.scope.periodText),
            ("Журнал на момент", r.asOf.map { $0.momentText + " — записи, внесённые позже, не учтены" } ?? "последняя запись в данных"),
            (ctx.words.groupCapitalized, r.group ?? "все"),
            ("Дата проверки", r.checkedAt.description),
            ("Обучающиеся", ctx.pseudonyms == nil ? "указаны по фамилии и имени"
                : "заменены кодами «\(StudentPseudonyms.prefix) NNNN» (псевдонимизация)"),
        ]
        if let c = ctx.options.comparison {
            info.append(("Сравнение", "с проверкой от \(c.previousCheckedAt): новых \(c.newCount), не устранено "
                         + "\(c.openCount), исправлено \(c.fixed.count)"))
        }
        var row = 1
        let valueWidth = widths[1...lastCol].reduce(0, +)
        for (label, value) in info {
            let h = RowHeight.points(for: [(value, valueWidth), (label, widths[0])])
            if h > RowHeight.line { try s.rowHeight(row, h) }
            try s.text(row, 0, label, f.label)
            try s.merge(row, 1, lastCol, value, f.wrap)
            row += 1
        }
        row += 1
        s.keepTogether(from: row, height: 20 + TableHead.height(columns) + 3 * RowHeight.line)
        try s.text(row, 0, "Результаты по правилам", f.sectionTitle)
        row += 1
        row = try TableHead.write(s, ctx, row: row, columns: columns)
        let newByRule = ctx.options.comparison.map { c in
            Dictionary(grouping: r.findings.filter { c.status(of: $0) == .new }, by: \.ruleId).mapValues(\.count)
        }
        let fixedByRule = ctx.options.comparison.map { Dictionary(grouping: $0.fixed, by: \.ruleId).mapValues(\.count) }
        for o in r.outcomes {
            // Threshold rules also say which level the measured value reached.
            let status = o.level.map { "\(o.status.rawValue) (\($0.rawValue))" } ?? o.status.rawValue
            try s.rowHeight(row, RowHeight.points(for: [(o.title, widths[1]), (status, widths[3]),
                                                        (ClauseText.cited(o.clause), widths[0])]))
            try s.text(row, 0, ClauseText.cited(o.clause), f.wrap)
            try s.text(row, 1, o.title, f.wrap)
            try s.text(row, 2, o.severity.rawValue, f.wrap)
            try s.text(row, 3, status, outcomeFormat(o.status, f))
            if o.status == .notChecked || o.status == .error {
                for c in 4...7 { try s.text(row, c, "—") }
            } else {
                try s.number(row, 4, o.checked, f.integer)
                if let at = ctx.ruleLocations[o.ruleId] {
                    try s.link(row, 5, to: at.sheet, cell: "A\(at.row)", "\(o.violations)", f.linkNumber)
                } else {
                    try s.number(row, 5, o.violations, f.integer)
                }
                try o.share.write(to: s, row, 6, f)
                try s.number(row, 7, o.skipped, f.integer)
            }
            if let n = newByRule, let x = fixedByRule {
                try s.number(row, 8, n[o.ruleId] ?? 0, f.integer)
                try s.number(row, 9, x[o.ruleId] ?? 0, f.integer)
            }
            row += 1
        }
        if r.outcomes.isEmpty { try s.text(row, 0, "Набор не содержит правил.", f.note); row += 1 }
        row = try writeSeverityTotals(s, ctx, row: row + 1)
        row = try writeTop(s, ctx, row: row + 1)
        row = try writeTimeliness(s, ctx, row: row + 1)
        try s.finishPrint(lastRow: row, footerLeft: ctx.footerLeft)
        s.activate()
    }

    static func outcomeFormat(_ st: RuleOutcome.Status, _ f: ReportFormats) -> XlsxFormat {
        switch st {
        case .violated: f.outcomeViolated
        case .passed: f.outcomePassed
        case .notChecked, .error: f.outcomeNotChecked
        }
    }

    private static func writeSeverityTotals(_ s: XlsxSheet, _ ctx: XlsxContext, row start: Int) throws -> Int {
        let f = ctx.formats
        var row = start
        var columns: [TableHead.Column] = [.init("Важность", nil, widths[0]), .init("Найдено", nil, widths[1]),
                                           .init("Правил нарушено", nil, widths[2]), .init("Правил всего", nil, widths[3])]
        if ctx.options.comparison != nil {
            columns += [.init("Новых", nil, widths[4]), .init("Не устранено", nil, widths[5]),
                        .init("Исправлено", nil, widths[6])]
        }
        s.keepTogether(from: row, height: 20 + TableHead.height(columns) + 4 * RowHeight.line)
        try s.text(row, 0, "Итого по важности", f.sectionTitle)
        row += 1
        row = try TableHead.write(s, ctx, row: row, columns: columns)
        var findings: [Severity: Int] = [:], new: [Severity: Int] = [:], open: [Severity: Int] = [:], fixed: [Severity: Int] = [:]
        let c = ctx.options.comparison
        for x in ctx.report.findings {
            findings[x.severity, default: 0] += 1
            if let c { if c.status(of: x) == .new { new[x.severity, default: 0] += 1 } else { open[x.severity, default: 0] += 1 } }
        }
        for x in c?.fixed ?? [] { fixed[x.severity, default: 0] += 1 }
        for sev in Severity.allCases {
            let rules = ctx.report.outcomes.filter { $0.severity == sev }
            try s.text(row, 0, sev.rawValue)
            try s.number(row, 1, findings[sev] ?? 0, f.integer)
            try s.number(row, 2, rules.filter { $0.status == .violated }.count, f.integer)
            try s.number(row, 3, rules.count, f.integer)
            if c != nil {
                try s.number(row, 4, new[sev] ?? 0, f.integer)
                try s.number(row, 5, open[sev] ?? 0, f.integer)
                try s.number(row, 6, fixed[sev] ?? 0, f.integer)
            }
            row += 1
        }
        try s.text(row, 0, "Всего", f.label)
        try s.number(row, 1, ctx.report.findings.count, f.integer)
        try s.number(row, 2, ctx.report.outcomes.filter { $0.status == .violated }.count, f.integer)
        try s.number(row, 3, ctx.report.outcomes.count, f.integer)
        if let c {
            try s.number(row, 4, c.newCount, f.integer)
            try s.number(row, 5, c.openCount, f.integer)
            if let fixedSheet = ctx.names.fixed, !c.fixed.isEmpty {
                try s.link(row, 6, to: fixedSheet, "\(c.fixed.count)", f.link)
            } else {
                try s.number(row, 6, c.fixed.count, f.integer)
            }
            row += 1
            try s.text(row, 0, "Новое — не было в отчёте прошлой проверки; не устранено — было и осталось; исправлено — "
                       + "было, а эта проверка, проверив ту же запись, нарушения не нашла (список — лист «\(FixedSheet.name)»). "
                       + "Не сравнивалось записей прошлого отчёта вне окна, момента или \(ctx.words.groupGenitive) этой проверки: "
                       + "\(c.notCompared).", f.note)
        }
        return row + 1
    }

    /// The ranking: teachers, then classes, by нарушения per 100 lessons.
    private static func writeTop(_ s: XlsxSheet, _ ctx: XlsxContext, row start: Int) throws -> Int {
        let f = ctx.formats
        var row = start
        let lessons = ctx.words.lessonsGenitive
        let groupRows = Dictionary(ctx.groupControls.enumerated().map { ($1.group, $0) }, uniquingKeysWith: { a, _ in a })
        let lists: [(String, String, [Ranking.Entry], (String) -> (sheet: String, cell: String)?)] = [
            ("Преподаватели с наибольшим числом нарушений на 100 \(lessons)", "Преподаватель",
             Ranking.top(Ranking.teachers(ctx.teachers), limit: ctx.options.topCount),
             { name in ctx.teacherSheets[name].map { ($0, "A1") } }),
            ("\(ctx.words.groupsCapitalized) с наибольшим числом нарушений на 100 \(lessons)", ctx.words.groupCapitalized,
             Ranking.top(Ranking.groups(scope: ctx.scope, findings: ctx.report.findings), limit: ctx.options.topCount),
             { name in groupRows[name].map { (ctx.names.groups, "A\($0 + GroupsSheet.firstDataRow + 1)") } }),
        ]
        for (title, who, top, target) in lists {
            let columns: [TableHead.Column] = [
                .init("Место", nil, widths[0]),
                .init(who, "ссылка ведёт на страницу с нарушениями", widths[1]),
                .init(ctx.words.kind == .school ? "Уроков" : "Занятий", "проведено за проверяемые даты", widths[2]),
                .init("Нарушений", "важность «нарушение»", widths[3]),
                .init("На 100 \(lessons)", "нарушений на 100 \(lessons)", widths[4]),
                .init("Замечаний", "важность «замечание»", widths[5]),
                .init("Рекомендаций", "важность «рекомендация»", widths[6]),
            ]
            s.keepTogether(from: row, height: 20 + TableHead.height(columns) + Double(top.count + 1) * RowHeight.line)
            try s.text(row, 0, title, f.sectionTitle)
            row += 1
            if top.isEmpty {
                try s.text(row, 0, "Нарушений и замечаний нет.", f.note)
                row += 2
                continue
            }
            row = try TableHead.write(s, ctx, row: row, columns: columns)
            for (i, t) in top.enumerated() {
                try s.number(row, 0, i + 1, f.integer)
                if let at = target(t.name) { try s.link(row, 1, to: at.sheet, cell: at.cell, t.name, f.link) } else { try s.text(row, 1, t.name) }
                try s.number(row, 2, t.lessons, f.integer)
                try s.number(row, 3, t.violations, f.integer)
                try t.violationsPer100.writeRate(to: s, row, 4, f)
                try s.number(row, 5, t.remarks, f.integer)
                try s.number(row, 6, t.recommendations, f.integer)
                row += 1
            }
            try s.text(row, 0, "Порядок: больше нарушений на 100 \(lessons), при равенстве — больше нарушений, затем замечаний; "
                       + "рекомендации не учитываются.", f.note)
            row += 2
        }
        return row
    }

    private static func writeTimeliness(_ s: XlsxSheet, _ ctx: XlsxContext, row start: Int) throws -> Int {
        let f = ctx.formats
        var row = start
        let weeks = Timeliness.byWeek(ctx.scope)
        let title = "Своевременность записей по неделям (доля внесённых до конца дня урока)"
        guard weeks.contains(where: { $0.total.total > 0 }) else {
            try s.text(row, 0, title, f.sectionTitle)
            try s.text(row + 1, 0, "В выгрузке нет времени внесения записей: своевременность не вычислена.", f.note)
            return row + 2
        }
        // Title and chart on one page: the chart takes about 18 rows.
        let chartRows = 19
        s.keepTogether(from: row, height: 20 + Double(chartRows + 1) * RowHeight.line)
        try s.text(row, 0, title, f.sectionTitle)
        row += 1
        let chartRow = row
        row += chartRows + 1
        let columns: [TableHead.Column] = [
            .init("Неделя", nil, widths[0]), .init("Записей с временем внесения", nil, widths[1]),
            .init("Отметки", nil, widths[2]), .init("Темы", nil, widths[3]), .init("ДЗ", nil, widths[4]),
            .init("Всего", nil, widths[5]),
        ]
        s.keepTogether(from: row, height: TableHead.height(columns) + 3 * RowHeight.line)
        row = try TableHead.write(s, ctx, row: row, columns: columns)
        let first = row
        for w in weeks {
            try s.text(row, 0, w.label)
            try s.number(row, 1, w.total.total, f.integer)
            for (c, count) in [(2, w.marks), (3, w.topics), (4, w.homework), (5, w.total)] {
                if let v = count.share { try s.number(row, c, v, f.percent) }
            }
            row += 1
        }
        let last = row - 1
        let chart = ctx.workbook.addLineChart()
        chart.title("Доля записей, внесённых в день урока")
        let series: [(String, Int, UInt32, Float, KeyPath<WeekTimeliness, OnTimeCount>)] = [
            ("Всего", 5, 0x1F4E79, 2.5, \.total), ("Отметки", 2, 0xC00000, 1.25, \.marks),
            ("Темы", 3, 0x548235, 1.25, \.topics), ("ДЗ", 4, 0xBF8F00, 1.25, \.homework),
        ]
        var lowest = 1.0
        for (title, col, color, width, path) in series where weeks.contains(where: { $0[keyPath: path].total > 0 }) {
            chart.addSeries(name: title, sheet: s.name, categoriesCol: 0, valuesCol: col,
                            firstRow: first, lastRow: last, widthPoints: width, color: color)
            for w in weeks { if let v = w[keyPath: path].share { lowest = min(lowest, v) } }
        }
        let axis = TimelinessAxis(lowest: lowest)
        chart.percentAxis(name: "Вовремя", min: axis.min, step: axis.step)
        try s.insert(chart, row: chartRow, col: 0, widthScale: 1.9, heightScale: 1.2)
        return row
    }
}

/// The chart's value axis fitted to the data: from a round share below the lowest week to 100 %.
///
///     TimelinessAxis(lowest: 0.93)   // min 0.9, step 0.01
struct TimelinessAxis: Equatable {
    var min: Double
    var step: Double

    init(min: Double, step: Double) {
        self.min = min
        self.step = step
    }

    init(lowest: Double) {
        let floor5 = (Swift.max(0, lowest - 0.01) * 20).rounded(.down) / 20   // a multiple of 5 %
        min = Swift.max(0, Swift.min(0.95, floor5))
        let span = 1 - min
        step = span > 0.5 ? 0.1 : span > 0.2 ? 0.05 : 0.01
    }
}
