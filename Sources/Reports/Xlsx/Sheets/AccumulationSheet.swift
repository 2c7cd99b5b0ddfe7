import Findings
import JournalModel

/// «Накопляемость»: per study period and class, students × subjects with the number of marks;
/// a cell is coloured only where the pack's own accumulation rules found something for that
/// student, subject and period (red — нарушение, yellow — замечание, blue — рекомендация,
/// grey — not judged). The rules, their parameters and outcomes head the sheet.
enum AccumulationSheet {
    static let name = "Накопляемость"

    static func write(_ ctx: XlsxContext) throws {
        let s = try ctx.addSheet(ctx.names.accumulation)
        let f = ctx.formats
        let rules = AccumulationRules(report: ctx.report)
        let blocks = Accumulation.compute(scope: ctx.scope, report: ctx.report, rules: rules)
        let maxCols = min(blocks.map(\.columns.count).max() ?? 0, 60)
        let widths = [30.0] + Array(repeating: 11.0, count: max(maxCols, 6))
        try s.columns(widths)
        s.beginPrint(columnWidths: Array(widths.prefix(max(1 + maxCols, 7))))
        let wide = widths.dropFirst().prefix(max(maxCols, 6)).reduce(0, +)
        var row = 0
        try s.rowHeight(row, 20)
        try s.text(row, 0, "Накопляемость отметок", f.title)
        row += 1
        var legend: [String] = []
        if rules.outcomes.isEmpty {
            legend.append("В пакете правил нет правил о накопляемости отметок за период: ниже — только число отметок, без оценки.")
        } else {
            legend.append("Правила пакета о накопляемости (цвет клетки — то, что нашли они; своих порогов лист не применяет):")
            for o in rules.outcomes {
                var line = "• \(ClauseText.cited(o.clause)) «\(o.title)» (\(o.severity.rawValue)) — \(o.status.rawValue)"
                if o.status == .violated || o.status == .passed {
                    line += ": проверено \(o.checked), нарушений \(o.violations)"
                    if o.skipped > 0 { line += ", не проверено \(o.skipped)" }
                }
                // Numbers and switches are the norms; sets (which periods, which values) are not news here.
                let ps = (o.parameters ?? []).filter { !$0.value.hasPrefix("{") }
                if !ps.isEmpty {
                    line += "; параметры: " + ps.map { "\($0.name) = \($0.value)" }.joined(separator: ", ")
                }
                legend.append(line)
            }
            legend.append("Красным — нарушение, жёлтым — замечание, голубым — рекомендация по этим правилам; серым — обучающийся, "
                          + "которого правило не проверяло (был \(ctx.words.inGroup) не весь период; причина — на листе «\(NotCheckedSheet.name)»).")
        }
        legend.append("Число — все отметки по предмету за период в журнале на момент проверки (двойная отметка — две). "
                      + "Правило может считать иначе (например, не считать отметки со знаком) — тогда верно то, что пишет правило.")
        for line in legend {
            try s.rowHeight(row, RowHeight.points(for: [(line, widths[0] + wide)]))
            try s.merge(row, 0, max(maxCols, 6), line, f.wrap)
            row += 1
        }
        row += 1
        if blocks.isEmpty { try s.text(row, 0, "В проверяемом периоде нет уроков.", f.note) }
        for b in blocks {
            s.keepTogether(from: row, height: 20 + 30 + 15 + Double(min(b.rows.count, 10)) * RowHeight.line)
            var title = "\(b.group) — " + (b.period ?? "проверяемые даты") + " (\(b.from) – \(b.to))"
            switch b.state {
            case .judged: break
            case .running: title += ": период не закончился на момент проверки — правила его ещё не оценивали"
            case .outsideWindow: title += ": срок периода вне проверяемых дат — оценка в проверке, куда входит \(b.end)"
            case .noPeriods: title += ": в календаре нет учебных периодов"
            }
            try s.text(row, 0, title, f.sectionTitle)
            row += 1
            let head = ["Обучающийся"] + b.columns.prefix(maxCols).map(\.subject)
            try s.rowHeight(row, RowHeight.points(for: head.enumerated().map { ($1, widths[$0]) }, bold: true) + 2)
            try s.header(row, head, f.header)
            row += 1
            try s.text(row, 0, "Часов в неделю", f.label)
            for (i, c) in b.columns.prefix(maxCols).enumerated() {
                if let h = c.weeklyHours { try s.number(row, 1 + i, h) } else { try s.text(row, 1 + i, "нет в нагрузке") }
            }
            row += 1
            for r in b.rows {
                try s.text(row, 0, ctx.studentLabel(group: b.group, name: r.student))
                for (ci, n) in r.marks.prefix(maxCols).enumerated() {
                    let fmt: XlsxFormat = switch r.status[ci] {
                    case .none: f.integer
                    case .shortfall(.violation): f.shortfall
                    case .shortfall(.remark): f.shortfallRemark
                    case .shortfall(.recommendation): f.shortfallRecommendation
                    case .notJudged: f.notJudged
                    }
                    try s.number(row, 1 + ci, n, fmt)
                }
                row += 1
            }
            if b.rows.isEmpty {
                try s.text(row, 0, "Нет обучающихся в списке \(ctx.words.groupGenitive).", f.note)
                row += 1
            }
            row += 1
        }
        s.freeze(rows: 0, cols: 1)
        try s.finishPrint(lastRow: max(row - 1, 0), footerLeft: ctx.footerLeft)
    }
}
