import JournalModel
import RuleLanguage

/// Enumerates the records of a rule's scope that fall within `--from/--to/--group`.
enum Scopes {
    /// Calls `body` with each record and its date (for validity dates and reports).
    static func each(_ scope: ScopeInfo, _ env: Env, _ body: (Ref, Int32?) -> Void) {
        let j = env.journal, ix = env.ix
        switch scope.name {
        case "lessons":
            for (i, l) in j.lessons.enumerated() where ix.included(day: l.date.dayNumber, group: l.group) {
                body(Ref(kind: .lesson, i: Int32(i)), l.date.dayNumber)
            }
        case "cells", "marks", "absences":
            let onlyMarks = scope.name == "marks", onlyAbs = scope.name == "absences"
            for (li, l) in j.lessons.enumerated() where ix.included(day: l.date.dayNumber, group: l.group) {
                for c in ix.cells(ofLesson: Int32(li)) {
                    let v = j.cells[Int(c)].value
                    if onlyMarks && !v.hasMark || onlyAbs && !v.isAbsence { continue }
                    body(Ref(kind: .cell, i: c), l.date.dayNumber)
                }
            }
        case "period_marks":
            for (i, m) in j.periodMarks.enumerated() {
                let end = m.period.flatMap { Int($0) < j.calendar.periods.count ? j.calendar.periods[Int($0)].end.dayNumber : nil }
                guard ix.included(day: end, group: j.students[Int(m.student)].group) else { continue }
                body(Ref(kind: .periodMark, i: Int32(i)), end)
            }
        case "plan_items":
            for (i, p) in j.plan.enumerated() where ix.included(day: p.plannedDate?.dayNumber, group: p.group) {
                body(Ref(kind: .planItem, i: Int32(i)), p.plannedDate?.dayNumber)
            }
        case "changes":
            for (i, c) in j.changes.enumerated() {
                let day = c.lesson.map { j.lessons[Int($0)].date.dayNumber } ?? c.changedAt?.date.dayNumber
                let g = c.group ?? c.lesson.map { j.lessons[Int($0)].group }
                guard ix.included(day: day, group: g) else { continue }
                body(Ref(kind: .change, i: Int32(i)), day)
            }
        case "student_subject_period":
            for (pi, p) in j.calendar.periods.enumerated() {
                for key in ix.lessonsByGS.keys.sorted() {
                    let g = Int32(truncatingIfNeeded: key >> 32), s = Int32(truncatingIfNeeded: key)
                    if let want = ix.group, want != g { continue }
                    guard overlaps(p.start.dayNumber, p.end.dayNumber, ix),
                          !ix.lessons(group: g, subject: s, from: p.start.dayNumber, to: p.end.dayNumber).isEmpty else { continue }
                    for st in Int(g) < ix.studentsByGroup.count ? ix.studentsByGroup[Int(g)] : [] {
                        let stu = j.students[Int(st)]
                        if let e = stu.enrolled, e > p.end { continue }
                        if let l = stu.left, l < p.start { continue }
                        body(Ref(kind: .span, i: st, a: s, from: p.start.dayNumber, to: p.end.dayNumber, p: Int32(pi)),
                             p.end.dayNumber)
                    }
                }
            }
        case "group_subject_month":
            for key in ix.lessonsByGS.keys.sorted() {
                let g = Int32(truncatingIfNeeded: key >> 32), s = Int32(truncatingIfNeeded: key)
                if let want = ix.group, want != g { continue }
                var months: [Int32] = []
                for l in ix.lessonsByGS[key] ?? [] {
                    let d = j.lessons[Int(l)].date
                    guard ix.included(day: d.dayNumber, group: g) else { continue }
                    let m = d.monthStart.dayNumber
                    if months.last != m { months.append(m) }
                }
                for m in Set(months).sorted() {
                    let start = LocalDate(dayNumber: m)
                    let end = start.adding(days: LocalDate.daysIn(month: start.month, year: start.year) - 1)
                    body(Ref(kind: .groupMonth, i: g, a: s, from: m, to: end.dayNumber), m)
                }
            }
        default:
            guard MoreScopes.each(scope, env, body) else {
                preconditionFailure("scope \(scope.name) is in the registry but not enumerated")
            }
        }
    }

    static func overlaps(_ a: Int32, _ b: Int32, _ ix: JournalIndex) -> Bool {
        if let f = ix.from, b < f { return false }
        if let t = ix.to, a > t { return false }
        return true
    }
}
