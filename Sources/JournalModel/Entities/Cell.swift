/// A journal cell: one student on one lesson — a mark (or two), an absence letter, both, or
/// anything else the teacher typed.
public struct Cell: Hashable, Sendable {
    public var lesson: LessonID
    public var student: StudentID
    public var value: CellValue
    /// Work type the mark is for (устный ответ, контрольная работа, …).
    public var workType: String?
    public var enteredAt: LocalDateTime?
    public var enteredBy: TeacherID?

    public init(lesson: LessonID, student: StudentID, value: CellValue, workType: String? = nil,
                enteredAt: LocalDateTime? = nil, enteredBy: TeacherID? = nil) {
        self.lesson = lesson
        self.student = student
        self.value = value
        self.workType = workType
        self.enteredAt = enteredAt
        self.enteredBy = enteredBy
    }
}

/// A period or final mark (четвертная, полугодовая, семестровая, годовая, итоговая).
public struct PeriodMark: Hashable, Sendable {
    public var student: StudentID
    public var subject: SubjectID
    /// The study period, or nil for a year/final mark outside the periods.
    public var period: PeriodID?
    /// The period's name as the export printed it ("1 четв", "Год", "Итог").
    public var periodName: String
    public var value: CellValue
    public var enteredAt: LocalDateTime?
    public var enteredBy: TeacherID?

    public init(student: StudentID, subject: SubjectID, period: PeriodID?, periodName: String,
                value: CellValue, enteredAt: LocalDateTime? = nil, enteredBy: TeacherID? = nil) {
        self.student = student
        self.subject = subject
        self.period = period
        self.periodName = periodName
        self.value = value
        self.enteredAt = enteredAt
        self.enteredBy = enteredBy
    }
}

/// One change from the change history: an export's own log, or the difference between two
/// imported snapshots of the same journal.
public struct Change: Hashable, Sendable {
    public enum Target: String, Sendable, CaseIterable {
        case cell = "отметка"
        case periodMark = "итоговая"
        case topic = "тема"
        case homework = "дз"
        case lesson = "урок"
    }

    public var target: Target
    public var lesson: LessonID?
    public var student: StudentID?
    public var subject: SubjectID?
    public var group: GroupID?
    public var oldValue: String?
    public var newValue: String?
    /// When the original value was placed (its entry time), where known.
    public var placedAt: LocalDateTime?
    /// When the change was made: from the export's log, or — for snapshot differences — the
    /// new value's entry time if it has one, else nil.
    public var changedAt: LocalDateTime?
    public var changedBy: TeacherID?
    /// The import batch in which the new value was first seen.
    public var batch: Int?
    /// Why the value was changed («Причина»), as the export's log says (nil: not given).
    public var reason: String?

    public init(target: Target, lesson: LessonID? = nil, student: StudentID? = nil,
                subject: SubjectID? = nil, group: GroupID? = nil, oldValue: String?, newValue: String?,
                placedAt: LocalDateTime? = nil, changedAt: LocalDateTime? = nil,
                changedBy: TeacherID? = nil, batch: Int? = nil, reason: String? = nil) {
        self.target = target
        self.lesson = lesson
        self.student = student
        self.subject = subject
        self.group = group
        self.oldValue = oldValue
        self.newValue = newValue
        self.placedAt = placedAt
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.batch = batch
        self.reason = reason
    }
}
