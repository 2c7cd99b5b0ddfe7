import JournalModel
import RuleLanguage

/// Enumerates every record of a rule's scope in the whole journal (a window selects findings
/// afterwards, by due moment: `Evaluation.select`).
enum Scopes {
    /// Scopes enumerated lesson by lesson, in the journal's lesson order: a range of lessons is
    /// a part of them, and the parts in order are the whole (`RuleWorkers` splits such rules).
    static func splitsByLessons(_ scope: ScopeInfo) -> Bool {
        ["lessons", "cells", "marks", "absences"].contains(scope.name)
    }

    /// Calls `body` with each record and its date (for validity dates and reports); with
    /// `lessons`, only the records of those lessons (scopes that `splitsByLessons`).
    static func each(_ scope: ScopeInfo, _ env: Env, lessons: Range<Int>? = nil, _ body: (Ref, Int32?) -> Void) {
        let j = env.journal, ix = env.ix
        precondition(lessons == nil || splitsByLessons(scope), "scope \(scope.name) is not split by lessons")
        let part = lessons ?? j.lessons.indices
        switch scope.name {
        case "lessons":
            // By index, not `enumerated()`: that copies each lesson (a retain per text field).
            for i in part {
                body(Ref(kind: .lesson, i: Int32(i)), j.lessons[i].date.dayNumber)
            }
        case "cells", "marks", "absences":
            let onlyMarks = scope.name == "marks", onlyAbs = scope.name == "absences"
            for li in part {
                let day = j.lessons[li].date.dayNumber
                for c in ix.cells(ofLesson: Int32(li)) {
                    if onlyMarks && !ix.hasMark(c) || onlyAbs && !ix.isAbsence(c) { continue }
                    body(Ref(kind: .cell, i: c), day)
                }
            }
        case "period_marks":
            for (i, m) in j.periodMarks.enumerated() {
                let end = m.period.flatMap { Int($0) < j.calendar.periods.count ? j.calendar.periods[Int($0)].end.dayNumber : nil }
                body(Ref(kind: .periodMark, i: Int32(i)), end)
            }
        case "plan_items":
            for (i, p) in j.plan.enumerated() {
                body(Ref(kind: .planItem, i: Int32(i)), p.plannedDate?.dayNumber)
            }
        case "changes":
            for (i, c) in j.changes.enumerated() {
                let day = c.lesson.map { j.lessons[Int($0)].date.dayNumber } ?? c.changedAt?.date.dayNumber
                body(Ref(kind: .change, i: Int32(i)), day)
            }
        case "student_subject_period":
            for (pi, p) in j.calendar.periods.enumerated() {
                for key in ix.lessonsByGS.keys.sorted() {
                    let g = Int32(truncatingIfNeeded: key >> 32), s = Int32(truncatingIfNeeded: key)
                    guard ix.hasLesson(group: g, subject: s, from: p.start.dayNumber, to: p.end.dayNumber) else { continue }
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
                var months: [Int32] = []
                for l in ix.lessonsByGS[key] ?? [] {
                    let m = ix.monthStart(of: j.lessons[Int(l)].date.dayNumber)
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

    /// The group a record belongs to (`--group` and per-group documents select by it).
    static func group(of r: Ref, _ env: Env) -> Int32? {
        let j = env.journal
        switch r.kind {
        case .lesson: return j.lessons[Int(r.i)].group
        case .cell: return j.lessons[Int(j.cells[Int(r.i)].lesson)].group
        case .periodMark: return j.students[Int(j.periodMarks[Int(r.i)].student)].group
        case .planItem: return j.plan[Int(r.i)].group
        case .change:
            let c = j.changes[Int(r.i)]
            return c.group ?? c.lesson.map { j.lessons[Int($0)].group }
        case .span: return j.students[Int(r.i)].group
        case .groupMonth, .group, .planFact, .teaching: return r.i
        case .student: return j.students[Int(r.i)].group
        case .load: return j.load[Int(r.i)].group
        default: return nil
        }
    }
}
