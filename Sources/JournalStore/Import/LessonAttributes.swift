import JournalImport

/// A lesson row's attributes as the store writes them: the columns of `Merge.lessonAttributes`,
/// in that order, with names already turned into ids. Bound straight into a statement (the
/// staging row, or the lesson a first import adds with them): a lessons table has a row per
/// lesson, and an array of boxed values per row cost the import's writer a sixth of its time there.
struct LessonAttributes {
    var startSec, endSec, scheduledTeacher, teacher, substitutionAt: Int64?
    var topic, kind, homework: String?
    var recordedAt, topicAt, homeworkAt, enteredBy: Int64?

    init(_ l: LessonRecord, names: NameTables) throws {
        startSec = l.start.map { Int64($0.seconds) }
        endSec = l.end.map { Int64($0.seconds) }
        scheduledTeacher = try names.teacher(l.scheduledTeacher)
        teacher = try names.teacher(l.teacher)
        substitutionAt = StoredTime.encode(l.substitutionEnteredAt)
        topic = l.topic
        kind = l.lessonKind
        homework = l.homework
        recordedAt = StoredTime.encode(l.recordedAt)
        topicAt = StoredTime.encode(l.topicEnteredAt)
        homeworkAt = StoredTime.encode(l.homeworkEnteredAt)
        enteredBy = try names.teacher(l.enteredBy)
    }

    /// Binds the attributes to parameters `first`, `first + 1`, … of `s`.
    func bind(to s: Statement, from first: Int32) {
        s.bindOptInt(startSec, at: first); s.bindOptInt(endSec, at: first + 1)
        s.bindOptInt(scheduledTeacher, at: first + 2); s.bindOptInt(teacher, at: first + 3)
        s.bindOptInt(substitutionAt, at: first + 4)
        s.bindText(topic, at: first + 5); s.bindText(kind, at: first + 6); s.bindText(homework, at: first + 7)
        s.bindOptInt(recordedAt, at: first + 8); s.bindOptInt(topicAt, at: first + 9)
        s.bindOptInt(homeworkAt, at: first + 10); s.bindOptInt(enteredBy, at: first + 11)
    }
}
