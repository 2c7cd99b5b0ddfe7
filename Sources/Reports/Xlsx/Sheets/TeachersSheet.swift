import Findings
import JournalModel

/// «Преподаватели»: per teacher — lessons, entries made by the end of the lesson day, late
/// marks, lessons without topic or homework (from the journal) and findings by area.
enum TeachersSheet {
    static let name = "Преподаватели"
    static let header = ["Преподаватель", "Уроков", "Записей с временем внесения", "Внесено до конца дня урока",
                         "Доля вовремя", "Отметок внесено позже дня урока", "Уроков без темы", "Уроков без ДЗ",
                         "Нарушений: отметки", "Нарушений: темы", "Нарушений: ДЗ", "Нарушений: замены",
                         "Нарушений: прочие", "Всего нарушений"]

    static func write(_ ctx: XlsxContext) throws {
        let s = try ctx.addSheet(name)
        let f = ctx.formats
        try s.columns([32] + Array(repeating: 12, count: header.count - 1))
        try s.rowHeight(0, 45)
        try s.header(0, header, f.header)
        let teachers = TeacherFigures.compute(scope: ctx.scope, findings: ctx.report.findings)
        var row = 1
        for t in teachers {
            try s.text(row, 0, t.name)
            try s.number(row, 1, t.lessons, f.integer)
            try s.number(row, 2, t.entries.total, f.integer)
            try s.number(row, 3, t.entries.onTime, f.integer)
            try t.entries.share.write(to: s, row, 4, f)
            try s.number(row, 5, t.lateMarks, f.integer)
            try s.number(row, 6, t.lessonsWithoutTopic, f.integer)
            try s.number(row, 7, t.lessonsWithoutHomework, f.integer)
            let areas: [FindingArea] = [.marks, .topics, .homework, .substitutions]
            for (i, a) in areas.enumerated() { try s.number(row, 8 + i, t.findingsByArea[a] ?? 0, f.integer) }
            let listed = areas.reduce(0) { $0 + (t.findingsByArea[$1] ?? 0) }
            try s.number(row, 12, t.findings - listed, f.integer)
            try s.number(row, 13, t.findings, f.integer)
            row += 1
        }
        if row > 1 { try s.autofilter(firstRow: 0, lastRow: row - 1, lastCol: header.count - 1) }
        s.freeze(rows: 1, cols: 1)
        row += 1
        let notes = [
            "Уроки, записи и опоздания вычислены по журналу за проверяемый период: запись внесена вовремя, если время "
                + "её внесения не позже 24:00 дня урока. Записи без времени внесения не учитываются.",
            "Нарушения — число замечаний проверки по правилам положения (лист «Нарушения»).",
        ]
        for n in notes {
            try s.text(row, 0, n, f.note)
            row += 1
        }
        try s.printSetup(repeatRows: 0...0)
    }
}
