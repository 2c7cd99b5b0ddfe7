/// A lesson (урок, занятие, пара) as the journal records it, with the entry timestamps that
/// deadline rules read. Every timestamp is local to the institution; nil means the export did
/// not carry it (and a rule that needs it reports «не проверено»).
public struct Lesson: Hashable, Sendable {
    public var group: GroupID
    public var subgroup: String?
    public var subject: SubjectID
    public var date: LocalDate
    /// Lesson number in the day (урок №).
    public var number: Int?
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    /// The teacher who taught the lesson (провёл).
    public var teacher: TeacherID?
    /// The teacher on the timetable.
    public var scheduledTeacher: TeacherID?
    /// When the substitution was marked in the journal.
    public var substitutionEnteredAt: LocalDateTime?
    public var topic: String?
    /// Kind of lesson: урок, ПЗ, ЛР, КР, экскурсия… as the export names it.
    public var lessonKind: String?
    public var homework: String?
    /// When the lesson record itself was created.
    public var recordedAt: LocalDateTime?
    public var topicEnteredAt: LocalDateTime?
    public var homeworkEnteredAt: LocalDateTime?
    public var enteredBy: TeacherID?

    public init(group: GroupID, subgroup: String? = nil, subject: SubjectID, date: LocalDate,
                number: Int? = nil, start: TimeOfDay? = nil, end: TimeOfDay? = nil,
                teacher: TeacherID? = nil, scheduledTeacher: TeacherID? = nil,
                substitutionEnteredAt: LocalDateTime? = nil, topic: String? = nil,
                lessonKind: String? = nil, homework: String? = nil, recordedAt: LocalDateTime? = nil,
                topicEnteredAt: LocalDateTime? = nil, homeworkEnteredAt: LocalDateTime? = nil,
                enteredBy: TeacherID? = nil) {
        self.group = group
        self.subgroup = subgroup
        self.subject = subject
        self.date = date
        self.number = number
        self.start = start
        self.end = end
        self.teacher = teacher
        self.scheduledTeacher = scheduledTeacher
        self.substitutionEnteredAt = substitutionEnteredAt
        self.topic = topic
        self.lessonKind = lessonKind
        self.homework = homework
        self.recordedAt = recordedAt
        self.topicEnteredAt = topicEnteredAt
        self.homeworkEnteredAt = homeworkEnteredAt
        self.enteredBy = enteredBy
    }

    /// True when someone other than the scheduled teacher taught the lesson.
    public var isSubstitution: Bool {
        guard let t = teacher, let s = scheduledTeacher else { return false }
        return t != s
    }

    /// The teacher responsible for the record: who taught, else who was scheduled.
    public var responsibleTeacher: TeacherID? { teacher ?? scheduledTeacher }

    /// When the lesson ended, where the times are known.
    public var endDateTime: LocalDateTime? { end.map { LocalDateTime(date: date, time: $0) } }
    public var startDateTime: LocalDateTime? { start.map { LocalDateTime(date: date, time: $0) } }
}
