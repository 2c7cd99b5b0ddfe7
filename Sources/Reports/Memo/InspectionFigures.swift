import JournalModel
import Findings

/// The figures of the inspection report, computed from the journal and the month's findings.
enum InspectionFigures {
    struct LessonKey: Hashable { var group: String; var subject: String; var date: LocalDate }

    static func isLate(_ f: Finding) -> Bool { (f.delaySeconds ?? 0) > 0 }

    /// Per group: lessons, lessons late (a late finding on the lesson's date and subject),
    /// students without marks / with one mark in the month, topics, homework, substitutions.
    static func groups(journal: Journal, lessons: [Int], findings: [Finding],
                       start: LocalDate, end: LocalDate) -> [InspectionDocument.GroupFigures] {
        let lateKeys = Set(findings.filter(isLate).compactMap { f -> LessonKey? in
            guard let g = f.group, let s = f.subject, let d = f.date else { return nil }
            return LessonKey(group: g, subject: s, date: d)
        })
        var marksPerStudent: [StudentID: Int] = [:]
        var timedLessons = Set<LessonID>()
        let inMonth = Set(lessons.map { LessonID($0) })
        for c in journal.cells where inMonth.contains(c.lesson) {
            marksPerStudent[c.student, default: 0] += c.value.marks.count
            if c.enteredAt != nil { timedLessons.insert(c.lesson) }
        }
        for i in lessons {
            let l = journal.lessons[i]
            if l.recordedAt != nil || l.topicEnteredAt != nil || l.homeworkEnteredAt != nil { timedLessons.insert(LessonID(i)) }
        }
        let findingsByGroup = Dictionary(grouping: findings) { $0.group ?? "" }
        let lessonsByGroup = Dictionary(grouping: lessons) { journal.lessons[$0].group }
        let studentsByGroup = Dictionary(grouping: journal.students.indices) { journal.students[$0].group }

        return journal.groups.indices.compactMap { gi -> InspectionDocument.GroupFigures? in
            let group = journal.groups[gi]
            let indices = lessonsByGroup[GroupID(gi)] ?? []
            let ls = indices.map { journal.lessons[$0] }
            let fs = findingsByGroup[group.name] ?? []
            if ls.isEmpty && fs.isEmpty { return nil }
            let students = (studentsByGroup[GroupID(gi)] ?? []).filter { i in
                let s = journal.students[i]
                return (s.enrolled.map { $0 <= end } ?? true) && (s.left.map { $0 >= start } ?? true)
            }
            let marks = students.map { marksPerStudent[StudentID($0)] ?? 0 }
            return InspectionDocument.GroupFigures(
                group: group.name, curator: group.curator, lessons: ls.count,
                lateLessons: ls.filter { l in
                    lateKeys.contains(LessonKey(group: group.name, subject: journal.subject(l.subject).name, date: l.date))
                }.count,
                hasEntryTimes: indices.contains { timedLessons.contains(LessonID($0)) },
                students: students.count,
                studentsWithoutMarks: marks.filter { $0 == 0 }.count,
                studentsWithOneMark: marks.filter { $0 == 1 }.count,
                lessonsWithTopic: ls.filter { !($0.topic ?? "").trimmingSpaces().isEmpty }.count,
                lessonsWithHomework: ls.filter { !($0.homework ?? "").trimmingSpaces().isEmpty }.count,
                substitutions: ls.filter(\.isSubstitution).count,
                substitutionFindings: fs.filter { $0.area == .substitutions }.count,
                accumulationFindings: fs.filter { $0.area == .accumulation }.count,
                findings: fs.count, violations: fs.filter { $0.severity == .violation }.count)
        }.sorted { $0.group.localizedStandardCompareAscending($1.group) }
    }

    /// Per teacher: lessons taught in the month and findings by kind.
    static func teachers(journal: Journal, lessons: [Int], findings: [Finding],
                         titles: [String: String] = [:]) -> [InspectionDocument.TeacherFigures] {
        var lessonCount: [String: Int] = [:]
        var groups: [String: Set<String>] = [:]
        for i in lessons {
            let l = journal.lessons[i]
            guard let t = l.responsibleTeacher else { continue }
            let name = journal.teacher(t).name
            lessonCount[name, default: 0] += 1
            groups[name, default: []].insert(journal.group(l.group).name)
        }
        let byTeacher = Dictionary(grouping: findings.filter { $0.teacher != nil }) { $0.teacher ?? "" }
        let names = Set(lessonCount.keys).union(byTeacher.keys)
        return names.sorted().map { name in
            let fs = byTeacher[name] ?? []
            var gs = groups[name] ?? []
            for f in fs { if let g = f.group { gs.insert(g) } }
            let violations = fs.filter { $0.severity == .violation }
            let byRule = Dictionary(grouping: violations, by: \.ruleId)
            let main = byRule.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }
            return InspectionDocument.TeacherFigures(
                teacher: name, groups: gs.sorted { $0.localizedStandardCompareAscending($1) },
                lessons: lessonCount[name] ?? 0,
                lateFindings: fs.filter(isLate).count,
                topicHomeworkFindings: fs.filter { $0.area == .topics || $0.area == .homework }.count,
                substitutionFindings: fs.filter { $0.area == .substitutions }.count,
                findings: fs.count, violations: violations.count,
                mainViolation: main.map { "\(titles[$0.key] ?? $0.key) — \($0.value.count)" })
        }
    }

    /// The `limit` teachers with the most violations per 100 lessons (ties: more violations,
    /// then name); only those with a violation and a lesson.
    static func topTeachers(_ ts: [InspectionDocument.TeacherFigures], limit: Int = 5) -> [InspectionDocument.TeacherFigures] {
        Array(ts.filter { $0.violations > 0 && $0.lessons > 0 }.sorted {
            ($1.violationsPer100 ?? 0, $1.violations, $0.teacher) < ($0.violationsPer100 ?? 0, $0.violations, $1.teacher)
        }.prefix(limit))
    }

    static func topGroups(_ gs: [InspectionDocument.GroupFigures], limit: Int = 5) -> [InspectionDocument.GroupFigures] {
        Array(gs.filter { $0.violations > 0 && $0.lessons > 0 }.sorted {
            if ($0.violationsPer100 ?? 0) != ($1.violationsPer100 ?? 0) { return ($0.violationsPer100 ?? 0) > ($1.violationsPer100 ?? 0) }
            if $0.violations != $1.violations { return $0.violations > $1.violations }
            return NaturalOrder.less($0.group, $1.group)
        }.prefix(limit))
    }
}

extension String {
    /// Natural order for group names: «7б» before «10а» (`NaturalOrder`).
    func localizedStandardCompareAscending(_ other: String) -> Bool { NaturalOrder.less(self, other) }
}
