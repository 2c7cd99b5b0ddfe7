/// Teaching load: who teaches what to whom, and how many hours a week.
public struct LoadItem: Hashable, Sendable {
    public var teacher: TeacherID
    public var subject: SubjectID
    public var group: GroupID
    public var subgroup: String?
    public var weeklyHours: Double
    /// Hours in the curriculum for the year, where known (for КТП ↔ curriculum checks).
    public var yearHours: Double?

    public init(teacher: TeacherID, subject: SubjectID, group: GroupID, subgroup: String? = nil,
                weeklyHours: Double, yearHours: Double? = nil) {
        self.teacher = teacher
        self.subject = subject
        self.group = group
        self.subgroup = subgroup
        self.weeklyHours = weeklyHours
        self.yearHours = yearHours
    }
}

/// One line of the lesson plan (КТП).
public struct PlanItem: Hashable, Sendable {
    public var group: GroupID
    public var subject: SubjectID
    public var ordinal: Int
    public var topic: String
    public var hours: Double
    public var lessonKind: String?
    /// Planned date, where the plan carries one.
    public var plannedDate: LocalDate?

    public init(group: GroupID, subject: SubjectID, ordinal: Int, topic: String, hours: Double = 1,
                lessonKind: String? = nil, plannedDate: LocalDate? = nil) {
        self.group = group
        self.subject = subject
        self.ordinal = ordinal
        self.topic = topic
        self.hours = hours
        self.lessonKind = lessonKind
        self.plannedDate = plannedDate
    }
}
