import Findings
import JournalModel

/// One teacher's page: their figures, then every finding about their entries by class
/// (natural order), subject and date — a page the deputy director prints and hands over. With
/// `--compare`, each finding says whether it is new, and what was fixed is listed below.
enum TeacherSheet {
    static let unknownSheet = "Без преподавателя"

    /// «Иванова М.П.» for «Иванова Мария Петровна».
    static func sheetName(_ teacher: String) -> String {
        teacher == TeacherFigures.unknownTeacher ? unknownSheet : RussianName(teacher).surnameFirst
    }

    static func columns(_ ctx: XlsxContext) -> [TableHead.Column] {
        var c: [TableHead.Column] = [
            .init("№", nil, 5), .init("Важность", nil, 14), .init("Пункт", nil, 10), .init("Что нарушено", nil, 36),
            .init(ctx.words.groupCapitalized, nil, 8), .init("Предмет", nil, 18), .init("Дата урока", nil, 11),
            .init("Обучающийся", nil, 22), .init("Ожидалось", nil, 20), .init("Фактически", nil, 18),
            .init("Опоздание", nil, 12),
        ]
        if ctx.options.comparison != nil { c.append(.init("Сравнение", nil, 13)) }
        return c
    }

    static func writeAll(_ ctx: XlsxContext) throws {
        var byTeacher: [String: [Int]] = [:]
        for (i, f) in ctx.report.findings.enumerated() { byTeacher[f.teacher ?? TeacherFigures.unknownTeacher, default: []].append(i) }
        var fixedBy: [String: [Finding]] = [:]
        for f in ctx.options.comparison?.fixed ?? [] { fixedBy[f.teacher ?? TeacherFigures.unknownTeacher, default: []].append(f) }
        for t in ctx.teachers {
            guard let sheet = ctx.teacherSheets[t.name] else { continue }
            try write(ctx, teacher: t, sheet: sheet, findings: byTeacher[t.name] ?? [], fixed: fixedBy[t.name] ?? [])
        }
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        if a.group != b.group { return NaturalOrder.less(a.group ?? "", b.group ?? "") }
        if a.subject != b.subject { return (a.subject ?? "") < (b.subject ?? "") }
        if a.date != b.date { return (a.date?.dayNumber ?? 0) < (b.date?.dayNumber ?? 0) }
        if a.severity != b.severity { return a.severity < b.severity }
        return (a.student ?? "", a.key) < (b.student ?? "", b.key)
    }

    static func write(_ ctx: XlsxContext, teacher t: TeacherFigures, sheet: String, findings indices: [Int],
                      fixed: [Finding]) throws {
        let s = try ctx.addSheet(sheet)
        let f = ctx.formats
        let cols = columns(ctx)
        let widths = cols.map(\.width)
        try s.columns(widths)
        let headRow = 4
        s.beginPrint(columnWidths: widths, repeatRows: headRow...headRow, repeatHeight: TableHead.height(cols))
        let lastCol = cols.count - 1
        try s.rowHeight(0, 20)
        try s.merge(0, 0, lastCol, t.name, f.title)
        let lessons = ctx.words.lessonsGenitive
        var facts = "\(ctx.words.kind == .school ? "Уроков" : "Занятий"): \(t.lessons)"
        if let share = t.entries.share {
            facts += "; записей внесено до конца дня урока: \(Int((share * 100).rounded())) % из \(t.entries.total)"
        }
        facts += ". Нарушений: \(t.count(.violation))"
        if let r = t.per100(.violation) { facts += " (\(RateText.text(r)) на 100 \(lessons))" }
        facts += ", замечаний: \(t.count(.remark)), рекомендаций: \(t.count(.recommendation))."
        if let c = ctx.options.comparison {
            facts += " По сравнению с проверкой от \(c.previousCheckedAt): новых \(t.new), не устранено \(t.open), исправлено \(t.fixed)."
        }
        let factsWidth = widths.reduce(0, +)
        try s.rowHeight(1, RowHeight.points(for: [(facts, factsWidth)]))
        try s.merge(1, 0, lastCol, facts, f.wrap)
        try s.link(2, 3, to: ctx.names.summary, "← Сводка", f.link)
        try s.link(2, 5, to: ctx.names.teachers, "← все преподаватели", f.link)
        var row = try TableHead.write(s, ctx, row: headRow, columns: cols)
        let limit = ctx.options.maxRowsPerSheet - row - fixed.count - 4
        // Indices, not copies: a teacher's findings can be most of a large report.
        let all = ctx.report.findings
        let sorted = indices.sorted { order(all[$0], all[$1]) }
        for (n, i) in sorted.prefix(max(0, limit)).enumerated() {
            try writeRow(s, ctx, all[i], number: n + 1, row: row, widths: widths, comparison: true)
            row += 1
        }
        if sorted.isEmpty {
            try s.text(row, 0, "Нарушений нет.", f.note)
            row += 1
        } else if sorted.count > limit {
            try s.text(row, 0, "… и ещё \(sorted.count - limit) — на листе «\(FindingsSheet.name)» (фильтр по преподавателю).", f.note)
            row += 1
        }
        if !fixed.isEmpty {
            row += 1
            s.keepTogether(from: row, height: 20 + TableHead.height(cols) + 2 * RowHeight.line)
            try s.text(row, 0, "Исправлено после проверки от \(ctx.options.comparison?.previousCheckedAt.description ?? "")", f.sectionTitle)
            row += 1
            row = try TableHead.write(s, ctx, row: row, columns: Array(cols.prefix(cols.count - 1)))
            for (n, x) in fixed.sorted(by: order).enumerated() {
                try writeRow(s, ctx, x, number: n + 1, row: row, widths: widths, comparison: false)
                row += 1
            }
        }
        s.freeze(rows: headRow + 1)
        try s.finishPrint(lastRow: row - 1, footerLeft: ctx.footerLeft)
    }

    static func writeRow(_ s: XlsxSheet, _ ctx: XlsxContext, _ x: Finding, number: Int, row: Int, widths: [Double],
                         comparison: Bool) throws {
        let f = ctx.formats
        let title = ctx.ruleTitles[x.ruleId] ?? x.ruleId
        let expected = ctx.scrub(x.expected, x), found = ctx.scrub(x.found, x)
        let student = x.student.map { ctx.studentLabel(group: x.group, name: $0) }
        let delay = x.delaySeconds.map { DurationText.russian(seconds: $0) }
        try s.rowHeight(row, RowHeight.points(for: [(title, widths[3]), (x.subject, widths[5]), (student, widths[7]),
                                                    (expected, widths[8]), (found, widths[9]), (delay, widths[10]),
                                                    (ClauseText.cited(x.clause), widths[2])]))
        try s.number(row, 0, number, f.integer)
        let sev = x.severity
        try s.text(row, 1, sev.rawValue, sev == .violation ? f.severityViolationTop : sev == .remark ? f.severityRemarkTop : f.severityRecommendationTop)
        try s.text(row, 2, ClauseText.cited(x.clause), f.wrap)
        try s.text(row, 3, title, f.wrap)
        try s.text(row, 4, x.group)
        try s.text(row, 5, x.subject, f.wrap)
        if let d = x.date { try s.date(row, 6, d, f.date) }
        try s.text(row, 7, student, f.wrap)
        try s.text(row, 8, expected, f.wrap)
        try s.text(row, 9, found, f.wrap)
        try s.text(row, 10, delay, f.wrap)
        if comparison, let c = ctx.options.comparison {
            let st = c.status(of: x)
            try s.text(row, 11, st.rawValue, st == .new ? f.comparisonNew : nil)
        }
    }
}

/// «12,3»: a rate with one decimal and a comma.
enum RateText {
    static func text(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return "\(tenths / 10),\(tenths % 10)"
    }
}
