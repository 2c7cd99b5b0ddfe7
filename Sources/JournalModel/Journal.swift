/// A journal in memory: what the rule engine evaluates and the reports summarise.
/// Entities refer to each other by index (`GroupID`, `LessonID`, …) into these arrays.
///
/// The store loads it for a date range (and optionally one group); the generator and tests
/// build it directly with `JournalBuilder`.
public struct Journal: Sendable {
    public var institution: Institution
    public var calendar: SchoolCalendar
    public var groups: [Group]
    public var students: [Student]
    public var teachers: [Teacher]
    public var subjects: [Subject]
    public var load: [LoadItem]
    public var plan: [PlanItem]
    public var lessons: [Lesson]
    public var cells: [Cell]
    public var periodMarks: [PeriodMark]
    public var changes: [Change]

    public init(institution: Institution, calendar: SchoolCalendar = SchoolCalendar(),
                groups: [Group] = [], students: [Student] = [], teachers: [Teacher] = [],
                subjects: [Subject] = [], load: [LoadItem] = [], plan: [PlanItem] = [],
                lessons: [Lesson] = [], cells: [Cell] = [], periodMarks: [PeriodMark] = [],
                changes: [Change] = []) {
        self.institution = institution
        self.calendar = calendar
        self.groups = groups
        self.students = students
        self.teachers = teachers
        self.subjects = subjects
        self.load = load
        self.plan = plan
        self.lessons = lessons
        self.cells = cells
        self.periodMarks = periodMarks
        self.changes = changes
    }

    public func group(_ id: GroupID) -> Group { groups[Int(id)] }
    public func student(_ id: StudentID) -> Student { students[Int(id)] }
    public func teacher(_ id: TeacherID) -> Teacher { teachers[Int(id)] }
    public func subject(_ id: SubjectID) -> Subject { subjects[Int(id)] }
    public func lesson(_ id: LessonID) -> Lesson { lessons[Int(id)] }
}

/// Builds a `Journal` by names, interning groups, students, teachers and subjects.
///
///     var b = JournalBuilder(institution: Institution(name: "МАОУ «ООШ №14»"))
///     let g = b.group("7б")
///     let l = b.addLesson(Lesson(group: g, subject: b.subject("Алгебра"), date: d))
///     b.addCell(Cell(lesson: l, student: b.student("Абрамов Артём", group: g), value: CellValue(parsing: "5")))
///     let journal = b.journal
public struct JournalBuilder: Sendable {
    public private(set) var journal: Journal
    private var groupIndex: [String: GroupID] = [:]
    private var studentIndex: [StudentKey: StudentID] = [:]
    private var teacherIndex: [String: TeacherID] = [:]
    private var subjectIndex: [String: SubjectID] = [:]

    private struct StudentKey: Hashable { var group: GroupID; var name: String }

    public init(institution: Institution, calendar: SchoolCalendar = SchoolCalendar()) {
        journal = Journal(institution: institution, calendar: calendar)
    }

    public mutating func group(_ name: String, curator: String? = nil) -> GroupID {
        if let id = groupIndex[name] {
            if let c = curator { journal.groups[Int(id)].curator = c }
            return id
        }
        let id = GroupID(journal.groups.count)
        journal.groups.append(Group(name: name, curator: curator))
        groupIndex[name] = id
        return id
    }

    public mutating func student(_ name: String, group: GroupID) -> StudentID {
        let key = StudentKey(group: group, name: name)
        if let id = studentIndex[key] { return id }
        let id = StudentID(journal.students.count)
        journal.students.append(Student(name: name, group: group))
        studentIndex[key] = id
        return id
    }

    public mutating func addStudent(_ s: Student) -> StudentID {
        let key = StudentKey(group: s.group, name: s.name)
        if let id = studentIndex[key] { journal.students[Int(id)] = s; return id }
        let id = StudentID(journal.students.count)
        journal.students.append(s)
        studentIndex[key] = id
        return id
    }

    public mutating func teacher(_ name: String) -> TeacherID {
        if let id = teacherIndex[name] { return id }
        let id = TeacherID(journal.teachers.count)
        journal.teachers.append(Teacher(name: name))
        teacherIndex[name] = id
        return id
    }

    public mutating func subject(_ name: String) -> SubjectID {
        if let id = subjectIndex[name] { return id }
        let id = SubjectID(journal.subjects.count)
        journal.subjects.append(Subject(name: name))
        subjectIndex[name] = id
        return id
    }

    @discardableResult
    public mutating func addLesson(_ l: Lesson) -> LessonID {
        journal.lessons.append(l)
        return LessonID(journal.lessons.count - 1)
    }

    public mutating func addCell(_ c: Cell) { journal.cells.append(c) }
    public mutating func addPeriodMark(_ m: PeriodMark) { journal.periodMarks.append(m) }
    public mutating func addPlanItem(_ p: PlanItem) { journal.plan.append(p) }
    public mutating func addLoad(_ l: LoadItem) { journal.load.append(l) }
    public mutating func addChange(_ c: Change) { journal.changes.append(c) }

    public mutating func setCalendar(_ c: SchoolCalendar) { journal.calendar = c }
    public mutating func setInstitution(_ i: Institution) { journal.institution = i }
    public mutating func setGroupGrade(_ id: GroupID, _ grade: Int?) {
        journal.groups[Int(id)].grade = grade
    }

    public mutating func setTeacherPosition(_ id: TeacherID, _ position: String?) {
        journal.teachers[Int(id)].position = position
    }
}
