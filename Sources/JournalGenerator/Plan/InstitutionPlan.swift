import JournalModel

/// One teaching series: a subject taught to a group (or one of its subgroups) by one teacher.
struct SeriesPlan: Sendable {
    var subject: SubjectSpec
    /// "" for the whole group, "1"/"2" for a subgroup.
    var subgroup: String
    var teacher: String
    /// Hours the load table states per week (a pair counts as 2 hours).
    var weeklyHours: Int
}

/// A group with its curriculum and teachers.
struct GroupPlan: Sendable {
    var name: String
    /// Grade (school) or course (college).
    var grade: Int
    var curator: String
    var series: [SeriesPlan]
    var studentCount: Int
}

/// An institution before its groups are generated: name, kind, calendar, groups, teachers.
struct InstitutionPlan: Sendable {
    var name: String
    var kind: Institution.Kind
    var timeZone: String
    var year: StudyYear
    var director: String
    var deputy: String
    var groups: [GroupPlan]
    /// Teachers of each subject, for substitutions (a substitute of the same subject first).
    var teachersBySubject: [(subject: String, teachers: [String])]
    var allTeachers: [String]
    /// Hours one lesson counts in the load and the КТП (1 for a lesson, 2 for a pair).
    var hoursPerLesson: Int { kind == .college ? 2 : 1 }

    /// The first `n` groups taken round-robin over courses and specialties (a college made
    /// small for tests keeps every course and specialty); nil or more than there are keeps all.
    func reduced(to n: Int?) -> InstitutionPlan {
        guard let n, n < groups.count else { return self }
        var byGrade: [Int: [GroupPlan]] = [:]
        for g in groups { byGrade[g.grade, default: []].append(g) }
        // Within a course: the first group of every specialty, then the second…
        for k in byGrade.keys { byGrade[k]?.sort { ($0.name.last ?? " ", $0.name) < ($1.name.last ?? " ", $1.name) } }
        var picked: [GroupPlan] = []
        var round = 0
        while picked.count < n {
            for grade in byGrade.keys.sorted() where picked.count < n {
                if let list = byGrade[grade], round < list.count { picked.append(list[round]) }
            }
            round += 1
        }
        var copy = self
        copy.groups = picked
        return copy
    }

    func colleagues(of teacher: String, subject: String) -> [String] {
        let same = teachersBySubject.first { $0.subject == subject }?.teachers.filter { $0 != teacher } ?? []
        return same.isEmpty ? allTeachers.filter { $0 != teacher } : same
    }
}

/// Builds institution plans deterministically from a seed.
struct InstitutionPlanner {
    var rng: SplitMix64
    private var usedNames = Set<String>()
    private var teachers: [(subject: String, teachers: [String], free: [Int])] = []
    private var all: [String] = []
    private var curators = Set<String>()

    /// A curator for a group: one of its teachers who has no group yet, else a new teacher.
    private mutating func curator(of series: [SeriesPlan]) -> String {
        if let t = series.first(where: { !curators.contains($0.teacher) })?.teacher {
            curators.insert(t)
            return t
        }
        let t = newTeacher()
        curators.insert(t)
        return t
    }

    init(rng: SplitMix64) { self.rng = rng }

    private mutating func newTeacher() -> String {
        while true {
            let n = NameCatalog.teacher(&rng)
            if !usedNames.contains(n) { usedNames.insert(n); all.append(n); return n }
        }
    }

    /// A teacher of `subject` with `hours` free this week (weekly capacity `capacity`).
    private mutating func teacher(for subject: String, hours: Int, capacity: Int) -> String {
        if let i = teachers.firstIndex(where: { $0.subject == subject }) {
            if let j = teachers[i].free.firstIndex(where: { $0 >= hours }) {
                teachers[i].free[j] -= hours
                return teachers[i].teachers[j]
            }
            let t = newTeacher()
            teachers[i].teachers.append(t)
            teachers[i].free.append(capacity - hours)
            return t
        }
        let t = newTeacher()
        teachers.append((subject, [t], [capacity - hours]))
        return t
    }

    mutating func school(number: Int, classesPerGrade: [Int], studentsPerClass: Int, studyWeekDays: Int,
                         timeZone: String, periods: PeriodScheme = .quarters) -> InstitutionPlan {
        let director = newTeacher(), deputy = newTeacher()
        let letters = ["а", "б", "в", "г", "д"]
        var groups: [GroupPlan] = []
        for (i, count) in classesPerGrade.enumerated() {
            let grade = i + 2
            for k in 0..<count {
                let series = Curriculum.school(grade: grade).map { s in
                    SeriesPlan(subject: s, subgroup: "", teacher: teacher(for: s.name, hours: s.lessonsPerWeek, capacity: 24),
                               weeklyHours: s.lessonsPerWeek)
                }
                groups.append(GroupPlan(name: "\(grade)\(letters[k])", grade: grade, curator: curator(of: series),
                                        series: series, studentCount: studentsPerClass + rng.int(in: -3...2)))
            }
        }
        return InstitutionPlan(
            name: "МБОУ «Средняя общеобразовательная школа № \(number)» (синтетические данные)",
            kind: .school, timeZone: timeZone, year: .school(studyWeekDays: studyWeekDays, periods: periods),
            director: director, deputy: deputy, groups: groups,
            teachersBySubject: teachers.map { ($0.subject, $0.teachers) }, allTeachers: all)
    }

    mutating func college(groupsPerCourse: Int, studentsPerGroup: Int, timeZone: String) -> InstitutionPlan {
        let director = newTeacher(), deputy = newTeacher()
        var groups: [GroupPlan] = []
        for course in 1...4 {
            for (spec, code) in CollegeModules.codes.enumerated() {
                for k in 1...groupsPerCourse {
                    var series: [SeriesPlan] = []
                    for s in Curriculum.college(course: course, specialty: spec) {
                        let hours = s.lessonsPerWeek * 2
                        for sub in (s.split ? ["1", "2"] : [""]) {
                            series.append(SeriesPlan(subject: s, subgroup: sub,
                                                     teacher: teacher(for: s.name, hours: hours, capacity: 36),
                                                     weeklyHours: hours))
                        }
                    }
                    groups.append(GroupPlan(name: "\(code)-\(course)\(k)", grade: course, curator: curator(of: series),
                                            series: series, studentCount: studentsPerGroup + rng.int(in: -3...3)))
                }
            }
        }
        return InstitutionPlan(
            name: "ГАПОУ «Технологический колледж» (синтетические данные)",
            kind: .college, timeZone: timeZone, year: .college(),
            director: director, deputy: deputy, groups: groups,
            teachersBySubject: teachers.map { ($0.subject, $0.teachers) }, allTeachers: all)
    }
}
