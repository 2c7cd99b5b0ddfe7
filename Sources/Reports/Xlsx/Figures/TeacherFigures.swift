import Findings
import JournalModel

/// One line of the «Преподаватели» sheet: figures from the journal (lessons, entry times)
/// and counts of the check's findings by area.
struct TeacherFigures: Equatable {
    static let unknownTeacher = "(преподаватель не указан)"

    var name: String
    var lessons = 0
    var entries = OnTimeCount()
    var lateMarks = 0
    var lessonsWithoutTopic = 0
    var lessonsWithoutHomework = 0
    var findingsByArea: [FindingArea: Int] = [:]
    var findings = 0

    /// Teachers of the checked lessons and every teacher named by a finding, by name.
    static func compute(scope: ReportScope, findings: [Finding]) -> [TeacherFigures] {
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
            t.lateMarks += marks.total - marks.onTime
            if !EntryTiming.hasText(l.topic) { t.lessonsWithoutTopic += 1 }
            if !EntryTiming.hasText(l.homework) { t.lessonsWithoutHomework += 1 }
            byName[name] = t
        }
        for f in findings {
            let name = f.teacher ?? unknownTeacher
            var t = byName[name] ?? TeacherFigures(name: name)
            t.findings += 1
            t.findingsByArea[f.area, default: 0] += 1
            byName[name] = t
        }
        return byName.values.sorted { a, b in
            // The «unknown» line goes last.
            (a.name == unknownTeacher ? 1 : 0, a.name) < (b.name == unknownTeacher ? 1 : 0, b.name)
        }
    }
}

/// The names with the most findings, for the summary sheet.
enum TopList {
    static func top(_ counts: [String: Int], limit: Int) -> [(name: String, count: Int)] {
        counts.filter { $0.value > 0 }
            .sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .prefix(limit)
            .map { (name: $0.key, count: $0.value) }
    }
}
