import Findings
import JournalModel

/// «Сводка»: what was checked, per-rule outcomes, totals by severity, timeliness by week
/// (table and chart) and the teachers and groups with the most findings.
enum SummarySheet {
    static let ruleColumnWidth = 52.0
    static let name = "Сводка"
    static let ruleHeader = ["Пункт", "Правило", "Важность", "Результат", "Проверено", "Нарушений",
                             "Доля нарушений", "Пропущено (нет данных)"]
    static let weekHeader = ["Неделя", "Записей с временем внесения", "Отметки", "Темы", "ДЗ", "Всего"]

    static func write(_ ctx: XlsxContext) throws {
        let s = try ctx.addSheet(name)
        let f = ctx.formats
        let r = ctx.report
        try s.columns([22, ruleColumnWidth, 14, 16, 12, 12, 12, 14])
        try s.merge(0, 0, 7, "Отчёт о проверке электронного журнала", f.title)
        let info: [(String, String)] = [
            ("Организация", r.institution),
            ("Положение", r.document),
            ("Набор правил", r.packTitle.isEmpty ? r.packId : "\(r.packTitle) (\(r.packId))"),
            ("Проверяемый период", ctx.scope.periodText),
            ("Класс / группа", r.group ?? "все"),
            ("Дата проверки", r.checkedAt.description),
            ("Обучающиеся", ctx.pseudonyms == nil ? "указаны по фамилии и имени"
                : "заменены кодами «\(StudentPseudonyms.prefix) NNNN» (псевдонимизация)"),
        ]
        var row = 1
        for (label, value) in info {
            try s.text(row, 0, label, f.label)
            try s.merge(row, 1, 7, value, nil)
            row += 1
        }
        row += 1
        try s.text(row, 0, "Результаты по правилам", f.sectionTitle)
        row += 1
        try s.rowHeight(row, 30)
        try s.header(row, ruleHeader, f.header)
        row += 1
        for o in r.outcomes {
            let height = RowHeight.points(for: [(o.title, ruleColumnWidth)])
            if height > RowHeight.line { try s.rowHeight(row, height) }
            try s.text(row, 0, ClauseText.cited(o.clause), f.wrap)
            try s.text(row, 1, o.title, f.wrap)
            try s.text(row, 2, o.severity.rawValue, f.wrap)
            // Threshold rules also say which level the measured value reached.
            let status = o.level.map { "\(o.status.rawValue) (\($0.rawValue))" } ?? o.status.rawValue
            try s.text(row, 3, status, outcomeFormat(o.status, f))
            if o.status == .notChecked || o.status == .error {
                for c in 4...7 { try s.text(row, c, "—") }
            } else {
                try s.number(row, 4, o.checked, f.integer)
                try s.number(row, 5, o.violations, f.integer)
                try o.share.write(to: s, row, 6, f)
                try s.number(row, 7, o.skipped, f.integer)
            }
            row += 1
        }
        if r.outcomes.isEmpty { try s.text(row, 0, "Набор не содержит правил.", f.note); row += 1 }
        row = try writeSeverityTotals(s, ctx, row: row + 1)
        // The timeliness table and its chart start a printed page, so the chart is not cut.
        try s.pageBreaks(before: [row + 1])
        row = try writeTimeliness(s, ctx, row: row + 1)
        row = try writeTop(s, ctx, row: row + 1)
        try s.printSetup(repeatRows: nil)
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
        try s.text(row, 0, "Итого по важности", f.sectionTitle)
        row += 1
        try s.rowHeight(row, 30)
        try s.header(row, ["Важность", "Нарушений найдено", "Правил нарушено", "Правил всего"], f.header)
        row += 1
        var findings: [Severity: Int] = [:]
        for x in ctx.report.findings { findings[x.severity, default: 0] += 1 }
        for sev in Severity.allCases {
            let rules = ctx.report.outcomes.filter { $0.severity == sev }
            try s.text(row, 0, sev.rawValue)
            try s.number(row, 1, findings[sev] ?? 0, f.integer)
            try s.number(row, 2, rules.filter { $0.status == .violated }.count, f.integer)
            try s.number(row, 3, rules.count, f.integer)
            row += 1
        }
        try s.text(row, 0, "Всего", f.label)
        try s.number(row, 1, ctx.report.findings.count, f.integer)
        try s.number(row, 2, ctx.report.outcomes.filter { $0.status == .violated }.count, f.integer)
        try s.number(row, 3, ctx.report.outcomes.count, f.integer)
        return row + 1
    }

    private static func writeTimeliness(_ s: XlsxSheet, _ ctx: XlsxContext, row start: Int) throws -> Int {
        let f = ctx.formats
        var row = start
        try s.text(row, 0, "Своевременность записей по неделям (доля внесённых до конца дня урока)", f.sectionTitle)
        row += 1
        let weeks = Timeliness.byWeek(ctx.scope)
        guard weeks.contains(where: { $0.total.total > 0 }) else {
            try s.text(row, 0, "В выгрузке нет времени внесения записей: своевременность не вычислена.", f.note)
            return row + 1
        }
        try s.rowHeight(row, 30)
        try s.header(row, weekHeader, f.header)
        row += 1
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
        for (title, col, color, width, path) in series where weeks.contains(where: { $0[keyPath: path].total > 0 }) {
            chart.addSeries(name: title, sheet: s.name, categoriesCol: 0, valuesCol: col,
                            firstRow: first, lastRow: last, widthPoints: width, color: color)
        }
        chart.percentAxis(name: "Вовремя")
        row += 1
        try s.insert(chart, row: row, col: 0, widthScale: 1.9, heightScale: 1.2)
        // The chart covers about 18 default rows.
        return row + 19
    }

    private static func writeTop(_ s: XlsxSheet, _ ctx: XlsxContext, row start: Int) throws -> Int {
        let f = ctx.formats
        var byTeacher: [String: Int] = [:], byGroup: [String: Int] = [:]
        for x in ctx.report.findings {
            byTeacher[x.teacher ?? TeacherFigures.unknownTeacher, default: 0] += 1
            byGroup[x.group ?? "(класс не указан)", default: 0] += 1
        }
        var row = start
        for (title, whoHeader, counts) in [("Преподаватели с наибольшим числом нарушений", "Преподаватель", byTeacher),
                                           ("Классы с наибольшим числом нарушений", "Класс / группа", byGroup)] {
            try s.text(row, 0, title, f.sectionTitle)
            row += 1
            let top = TopList.top(counts, limit: ctx.options.topCount)
            if top.isEmpty {
                try s.text(row, 0, "Нарушений нет.", f.note)
                row += 2
                continue
            }
            try s.header(row, ["Место", whoHeader, "Нарушений"], f.header)
            row += 1
            for (i, t) in top.enumerated() {
                try s.number(row, 0, i + 1, f.integer)
                try s.text(row, 1, t.name)
                try s.number(row, 2, t.count, f.integer)
                row += 1
            }
            row += 1
        }
        return row
    }
}
