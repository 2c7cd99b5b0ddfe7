import Findings
import JournalModel

/// One line of the «Преподаватели» sheet and one teacher's page: figures from the journal
/// (lessons, entry times) and the check's findings by severity and by area, with rates per
/// 100 lessons.
struct TeacherFigures: Equatable {
    static let unknownTeacher = "(преподаватель не указан)"

    var name: String
    var lessons = 0
    var entries = OnTimeCount()
    var bySeverity: [Severity: Int] = [:]
    var byArea: [FindingArea: Int] = [:]
    var findings = 0
    /// With `--compare`: findings not in the earlier report, still there, and fixed since.
    var new = 0
    var open = 0
    var fixed = 0

    func count(_ s: Severity) -> Int { bySeverity[s] ?? 0 }

    /// Findings of severity `s` per 100 lessons; nil without lessons.
    func per100(_ s: Severity) -> Double? { Rate.per100(count(s), lessons) }

    /// Teachers of the checked lessons and every teacher named by a finding (or a fixed one), by name.
    static func compute(scope: ReportScope, findings: [Finding], comparison: Comparison? = nil) -> [TeacherFigures] {
        let j = scope.journal
        var byName: [String: TeacherFigures] = [:]
        for id in scope.lessons {
            let l = j.lesson(id)
            let name = l.responsibleTeacher.map { j.teacher($0).name } ?? unknownTeacher
            var t = byName[name] ?? TeacherFigures(name: name)
            t.lessons += 1
            var marks = OnTimeCount(), topics = OnTimeCount(), homework = OnTimeCount()
            Timeliness.add(lesson: l, id: id, scope: scope, to: &marks, &topics, &homework)
            t.entries = t.entries + marks + topics + homework
            byName[name] = t
        }
        for f in findings {
            let name = f.teacher ?? unknownTeacher
            var t = byName[name] ?? TeacherFigures(name: name)
            t.findings += 1
            t.bySeverity[f.severity, default: 0] += 1
            t.byArea[f.area, default: 0] += 1
            if let c = comparison {
                if c.status(of: f) == .new { t.new += 1 } else { t.open += 1 }
            }
            byName[name] = t
        }
        for f in comparison?.fixed ?? [] {
            let name = f.teacher ?? unknownTeacher
            var t = byName[name] ?? TeacherFigures(name: name)
            t.fixed += 1
            byName[name] = t
        }
        return byName.values.sorted { a, b in
            // The «unknown» line goes last.
            (a.name == unknownTeacher ? 1 : 0, a.name) < (b.name == unknownTeacher ? 1 : 0, b.name)
        }
    }
}

/// Counts per 100 lessons.
enum Rate {
    static func per100(_ n: Int, _ lessons: Int) -> Double? {
        lessons > 0 ? Double(n) * 100 / Double(lessons) : nil
    }
}

/// Who ranks first on the summary: the most нарушения per 100 lessons, then the most
/// нарушения, then замечания per 100 lessons; people or classes without a нарушение or
/// замечание are not ranked.
enum Ranking {
    struct Entry: Equatable {
        var name: String
        var lessons: Int
        var violations: Int
        var remarks: Int
        var recommendations: Int
        var violationsPer100: Double? { Rate.per100(violations, lessons) }
        var remarksPer100: Double? { Rate.per100(remarks, lessons) }
    }

    static func top(_ entries: [Entry], limit: Int) -> [Entry] {
        let ranked = entries.filter { $0.violations + $0.remarks > 0 }.sorted { a, b in
            let ka = (a.violationsPer100 ?? -1, a.violations, a.remarksPer100 ?? -1)
            let kb = (b.violationsPer100 ?? -1, b.violations, b.remarksPer100 ?? -1)
            if ka != kb { return ka > kb }
            return NaturalOrder.less(a.name, b.name)
        }
        return Array(ranked.prefix(limit))
    }

    static func teachers(_ ts: [TeacherFigures]) -> [Entry] {
        ts.map { Entry(name: $0.name, lessons: $0.lessons, violations: $0.count(.violation), remarks: $0.count(.remark),
                       recommendations: $0.count(.recommendation)) }
    }

    /// Per group: lessons in the scope and findings by severity.
    static func groups(scope: ReportScope, findings: [Finding]) -> [Entry] {
        let j = scope.journal
        var by: [String: Entry] = [:]
        for id in scope.lessons {
            let name = j.group(j.lesson(id).group).name
            by[name, default: Entry(name: name, lessons: 0, violations: 0, remarks: 0, recommendations: 0)].lessons += 1
        }
        for f in findings {
            let name = f.group ?? "(не указан)"
            var e = by[name] ?? Entry(name: name, lessons: 0, violations: 0, remarks: 0, recommendations: 0)
            switch f.severity {
            case .violation: e.violations += 1
            case .remark: e.remarks += 1
            case .recommendation: e.recommendations += 1
            }
            by[name] = e
        }
        return by.values.sorted { NaturalOrder.less($0.name, $1.name) }
    }
}
