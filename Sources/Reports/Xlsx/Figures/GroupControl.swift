import JournalModel

/// The monthly-control figures of `oosh14` п. 3.2.2.3 for one group and subject: teacher
/// participation, students with no marks and with one mark, homework recorded, plan covered.
struct GroupControl: Equatable {
    var group: String
    var subject: String
    var teachers: [String]
    var lessons = 0
    var lessonsWithTopic = 0
    var lessonsWithHomework = 0
    var students = 0
    var studentsWithoutMarks = 0
    var studentsWithOneMark = 0
    /// Hours the plan (КТП) schedules for the checked dates, or for the whole year when the
    /// plan has no dates; nil without a plan.
    var plannedHours: Double?
    /// Lessons held that the plan figure compares with.
    var heldForPlan = 0
    /// True when the plan has no dates and the figure compares with the whole plan.
    var planWithoutDates = false

    static func share(_ n: Int, of d: Int) -> Double? { d > 0 ? Double(n) / Double(d) : nil }
    var participation: Double? { Self.share(lessonsWithTopic, of: lessons) }
    var withoutMarksShare: Double? { Self.share(studentsWithoutMarks, of: students) }
    var oneMarkShare: Double? { Self.share(studentsWithOneMark, of: students) }
    var homeworkShare: Double? { Self.share(lessonsWithHomework, of: lessons) }
    var planCovered: Double? {
        guard let p = plannedHours, p > 0 else { return nil }
        return min(1, Double(heldForPlan) / p)
    }

    static func compute(scope: ReportScope) -> [GroupControl] {
        let j = scope.journal
        struct Key: Hashable { var group: GroupID; var subject: SubjectID }
        var lessonsByKey: [Key: [LessonID]] = [:]
        for id in scope.lessons {
            let l = j.lesson(id)
            lessonsByKey[Key(group: l.group, subject: l.subject), default: []].append(id)
        }
        var planByKey: [Key: [PlanItem]] = [:]
        for p in j.plan { planByKey[Key(group: p.group, subject: p.subject), default: []].append(p) }
        var studentsByGroup: [GroupID: [StudentID]] = [:]
        for (i, s) in j.students.enumerated() where scope.isEnrolledDuringScope(s) {
            studentsByGroup[s.group, default: []].append(StudentID(i))
        }
        // Lessons up to the last checked date, for plans without dates (counted once).
        var heldToDate: [Key: Int] = [:]
        for l in j.lessons where scope.to.map({ l.date <= $0 }) ?? true {
            heldToDate[Key(group: l.group, subject: l.subject), default: 0] += 1
        }
        var out: [GroupControl] = []
        for (key, ids) in lessonsByKey {
            var g = GroupControl(group: j.group(key.group).name, subject: j.subject(key.subject).name, teachers: [])
            var teacherNames = Set<String>()
            var marks: [StudentID: Int] = [:]
            for id in ids {
                let l = j.lesson(id)
                g.lessons += 1
                if EntryTiming.hasText(l.topic) { g.lessonsWithTopic += 1 }
                if EntryTiming.hasText(l.homework) { g.lessonsWithHomework += 1 }
                if let t = l.responsibleTeacher { teacherNames.insert(j.teacher(t).name) }
                for ci in scope.cellsByLesson[Int(id)] {
                    let c = j.cells[ci]
                    marks[c.student, default: 0] += c.value.marks.count
                }
            }
            g.teachers = teacherNames.sorted()
            let students = studentsByGroup[key.group] ?? []
            g.students = students.count
            g.studentsWithoutMarks = students.filter { (marks[$0] ?? 0) == 0 }.count
            g.studentsWithOneMark = students.filter { marks[$0] == 1 }.count
            if let plan = planByKey[key], !plan.isEmpty {
                if plan.allSatisfy({ $0.plannedDate != nil }) {
                    g.plannedHours = plan.filter { $0.plannedDate.map(scope.contains) ?? false }.map(\.hours).reduce(0, +)
                    g.heldForPlan = ids.count
                } else {
                    g.planWithoutDates = true
                    g.plannedHours = plan.map(\.hours).reduce(0, +)
                    g.heldForPlan = heldToDate[key] ?? 0
                }
            }
            out.append(g)
        }
        return out.sorted { ($0.group, $0.subject) < ($1.group, $1.subject) }
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
