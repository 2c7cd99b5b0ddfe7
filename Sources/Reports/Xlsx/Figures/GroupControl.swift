import Findings
import JournalModel

/// The monthly-control figures (`oosh14` п. 3.2.2.3) for one group, subject and calendar month:
/// teacher participation, students with no marks and with one mark, homework recorded, plan
/// covered — and what the pack's monthly rules found for that month.
struct GroupControl: Equatable {
    var group: String
    var subject: String
    /// The first day of the month.
    var month: LocalDate
    var teachers: [String]
    var lessons = 0
    var lessonsWithTopic = 0
    var lessonsWithHomework = 0
    var students = 0
    /// Students with no mark in the month, not counting those absent from every lesson of it
    /// (as the monthly rules count them).
    var studentsWithoutMarks = 0
    var studentsWithOneMark = 0
    /// Hours the plan (КТП) schedules for the month's checked dates, or for the whole year when
    /// the plan has no dates; nil without a plan.
    var plannedHours: Double?
    /// Lessons held that the plan figure compares with.
    var heldForPlan = 0
    /// True when the plan has no dates and the figure compares with the whole plan.
    var planWithoutDates = false
    /// What the pack's monthly rules (scope `group_subject_month`) found: «title: measured value».
    var ruleFindings: [String] = []

    static func share(_ n: Int, of d: Int) -> Double? { d > 0 ? Double(n) / Double(d) : nil }
    var participation: Double? { Self.share(lessonsWithTopic, of: lessons) }
    var withoutMarksShare: Double? { Self.share(studentsWithoutMarks, of: students) }
    var oneMarkShare: Double? { Self.share(studentsWithOneMark, of: students) }
    var homeworkShare: Double? { Self.share(lessonsWithHomework, of: lessons) }
    var planCovered: Double? {
        guard let p = plannedHours, p > 0 else { return nil }
        return min(1, Double(heldForPlan) / p)
    }

    /// «сентябрь 2025».
    var monthTitle: String { GroupControl.monthTitle(month) }

    static let monthNames = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                             "сентябрь", "октябрь", "ноябрь", "декабрь"]
    static func monthTitle(_ d: LocalDate) -> String { "\(monthNames[d.month - 1]) \(d.year)" }

    /// «доля учащихся, не имеющих оценок» for «Ежемесячный контроль: доля учащихся, не имеющих
    /// оценок» — the column already says it is the monthly control.
    static func shortTitle(_ title: String) -> String {
        guard let r = title.range(of: ": "), title[..<r.lowerBound].count <= 30 else { return title }
        return String(title[r.upperBound...])
    }

    static func compute(scope: ReportScope, report: CheckReport) -> [GroupControl] {
        let j = scope.journal
        struct Key: Hashable { var group: GroupID; var subject: SubjectID; var month: Int32 }
        struct PlanKey: Hashable { var group: GroupID; var subject: SubjectID }
        var lessonsByKey: [Key: [LessonID]] = [:]
        for id in scope.lessons {
            let l = j.lesson(id)
            lessonsByKey[Key(group: l.group, subject: l.subject, month: l.date.monthStart.dayNumber), default: []].append(id)
        }
        var planByKey: [PlanKey: [PlanItem]] = [:]
        for p in j.plan { planByKey[PlanKey(group: p.group, subject: p.subject), default: []].append(p) }
        var studentsByGroup: [GroupID: [Int]] = [:]
        for (i, s) in j.students.enumerated() { studentsByGroup[s.group, default: []].append(i) }
        var heldByPlanKey: [PlanKey: [LocalDate]] = [:]
        for l in j.lessons { heldByPlanKey[PlanKey(group: l.group, subject: l.subject), default: []].append(l.date) }

        // The pack's monthly rules and what they found, by group, subject and month.
        let monthly = Set(report.outcomes.filter { $0.scope == "group_subject_month" }.map(\.ruleId))
        let titles = Dictionary(report.outcomes.map { ($0.ruleId, $0.title) }, uniquingKeysWith: { a, _ in a })
        struct FindingKey: Hashable { var group: String; var subject: String; var month: Int32 }
        var found: [FindingKey: [String]] = [:]
        for f in report.findings where monthly.contains(f.ruleId) {
            guard let g = f.group, let s = f.subject, let d = f.date else { continue }
            let what = GroupControl.shortTitle(titles[f.ruleId] ?? f.ruleId) + (f.found.map { ": \($0)" } ?? "")
                + " (\(f.severity.rawValue))"
            found[FindingKey(group: g, subject: s, month: d.monthStart.dayNumber), default: []].append(what)
        }

        var out: [GroupControl] = []
        for (key, ids) in lessonsByKey {
            let monthStart = LocalDate(dayNumber: key.month)
            let monthEnd = monthStart.adding(days: LocalDate.daysIn(month: monthStart.month, year: monthStart.year) - 1)
            let from = max(monthStart, scope.from ?? monthStart), to = min(monthEnd, scope.to ?? monthEnd)
            var g = GroupControl(group: j.group(key.group).name, subject: j.subject(key.subject).name,
                                 month: monthStart, teachers: [])
            var teacherNames = Set<String>()
            var marks: [StudentID: Int] = [:], absences: [StudentID: Int] = [:]
            for id in ids {
                let l = j.lesson(id)
                g.lessons += 1
                if EntryTiming.hasText(l.topic) { g.lessonsWithTopic += 1 }
                if EntryTiming.hasText(l.homework) { g.lessonsWithHomework += 1 }
                if let t = l.responsibleTeacher { teacherNames.insert(j.teacher(t).name) }
                for ci in scope.cellsByLesson[Int(id)] {
                    let c = j.cells[ci]
                    marks[c.student, default: 0] += c.value.marks.count
                    if c.value.isAbsence { absences[c.student, default: 0] += 1 }
                }
            }
            g.teachers = teacherNames.sorted()
            let students = (studentsByGroup[key.group] ?? []).filter { i in
                let s = j.students[i]
                if let e = s.enrolled, e > to { return false }
                if let l = s.left, l < from { return false }
                return true
            }.map { StudentID($0) }
            g.students = students.count
            g.studentsWithoutMarks = students.filter { (marks[$0] ?? 0) == 0 && (absences[$0] ?? 0) < g.lessons }.count
            g.studentsWithOneMark = students.filter { marks[$0] == 1 }.count
            let pk = PlanKey(group: key.group, subject: key.subject)
            if let plan = planByKey[pk], !plan.isEmpty {
                if plan.allSatisfy({ $0.plannedDate != nil }) {
                    g.plannedHours = plan.filter { p in p.plannedDate.map { $0 >= from && $0 <= to } ?? false }
                        .map(\.hours).reduce(0, +)
                    g.heldForPlan = ids.count
                } else {
                    g.planWithoutDates = true
                    g.plannedHours = plan.map(\.hours).reduce(0, +)
                    g.heldForPlan = (heldByPlanKey[pk] ?? []).filter { $0 <= to }.count
                }
            }
            g.ruleFindings = found[FindingKey(group: g.group, subject: g.subject, month: key.month)] ?? []
            out.append(g)
        }
        return out.sorted { a, b in
            if a.group != b.group { return NaturalOrder.less(a.group, b.group) }
            if a.subject != b.subject { return a.subject < b.subject }
            return a.month < b.month
        }
    }
}

extension ReportScope {
    /// True when the student was in the group on some checked day (or dates are unknown).
    func isEnrolledDuringScope(_ s: Student) -> Bool {
        if let t = to, let e = s.enrolled, e > t { return false }
        if let f = from, let l = s.left, l < f { return false }
        return true
    }
}
