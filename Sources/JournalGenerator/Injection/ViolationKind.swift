/// The kinds of violations the generator injects. Each kind is a precise predicate over the
/// canonical tables (see README, section «generate»); `ground_truth.csv` lists every entity
/// for which the predicate holds, so one entity may appear under two kinds (a test mark
/// entered 10 days late is both `test_mark_late` and `mark_late`).
public enum ViolationKind: String, CaseIterable, Sendable {
    /// A cell holding a mark entered after 24:00 of the lesson date.
    case markLate = "mark_late"
    /// A «контрольная работа» mark entered more than 7 working (and so more than 3 calendar) days after the lesson.
    case testMarkLate = "test_mark_late"
    /// A «самостоятельная работа»/«письменная работа» mark entered more than 7 working days after the lesson.
    case writtenMarkLate = "written_mark_late"
    /// An absence letter other than «н» («б», «у», «п», «ув»).
    case absenceLetter = "absence_letter"
    /// «н» and a mark in one cell («н4»).
    case absenceWithMark = "absence_with_mark"
    /// A lesson without a topic.
    case lessonNoTopic = "lesson_no_topic"
    /// A topic entered before the lesson date.
    case topicEarly = "topic_early"
    /// Homework entered after 24:00 of the lesson date.
    case homeworkLate = "homework_late"
    /// The lesson record (and its topic) created after the lesson date.
    case lessonRecordLate = "lesson_record_late"
    /// A substitution marked later than the lesson record was created.
    case substitutionLate = "substitution_late"
    /// A lesson taught by another teacher with no substitution mark.
    case substitutionUnrecorded = "substitution_unrecorded"
    /// Fewer than 3 marks of a student in a subject in a quarter/semester.
    case tooFewMarks = "too_few_marks"
    /// A current mark changed more than 14 days after it was placed (change history).
    case lateCorrection = "late_correction"
    /// «н/а» for a period although the student has 3+ marks and missed at most half the lessons.
    case notAttestedWithoutGrounds = "na_without_grounds"
    /// A period mark entered later than 2 days before the period's end (here: after the end).
    case periodMarkLate = "period_mark_late"
    /// A mark ≤ 2 of a student who attended a lesson of the subject within the next 4 days and
    /// got no mark on any day of that window.
    case unsatNotRechecked = "unsat_not_rechecked"
    /// A mark ≤ 2 on a lesson right after 3 lessons of the subject the student missed («н»).
    case unsatAfterAbsence = "unsat_after_absence"
    /// A mark ≤ 2 on the first lesson of the subject after the school holidays (the previous
    /// lesson was before them).
    case unsatAfterHolidays = "unsat_after_holidays"
    /// No mark for a quarter (semester) that ended in the data, for a student enrolled at its
    /// end in a subject the group got marks in.
    case periodMarkMissing = "period_mark_missing"
    /// A current mark with a sign: «4-», «5+», «5!» (the digit is the planned mark).
    case markModifier = "mark_modifier"
}

/// Appends ground-truth rows: kind, stable key and the key's parts.
final class GroundTruthWriter {
    static let header = ["kind", "key", "group", "subgroup", "subject", "lesson_date", "lesson_no", "student", "period"]
    private let table: TableWriter
    private(set) var counts: [Int]

    init(path: String) throws {
        table = try TableWriter(path: path, header: GroundTruthWriter.header)
        counts = Array(repeating: 0, count: ViolationKind.allCases.count)
    }

    /// A lesson-level violation: key `group|subgroup|subject|date|no`.
    func lesson(_ kind: ViolationKind, group: String, subgroup: String, subject: String, date: String, number: Int) {
        let key = "\(group)|\(subgroup)|\(subject)|\(date)|\(number)"
        add(kind, [key, group, subgroup, subject, date, "\(number)", "", ""])
    }

    /// A cell-level violation: key `group|subject|date|no|student`.
    func cell(_ kind: ViolationKind, group: String, subgroup: String, subject: String, date: String, number: Int, student: String) {
        let key = "\(group)|\(subject)|\(date)|\(number)|\(student)"
        add(kind, [key, group, subgroup, subject, date, "\(number)", student, ""])
    }

    /// A student × subject × period violation: key `group|subject|period|student`.
    func period(_ kind: ViolationKind, group: String, subgroup: String, subject: String, period: String, student: String) {
        let key = "\(group)|\(subject)|\(period)|\(student)"
        add(kind, [key, group, subgroup, subject, "", "", student, period])
    }

    private func add(_ kind: ViolationKind, _ rest: [String]) {
        table.row([kind.rawValue] + rest)
        if let i = ViolationKind.allCases.firstIndex(of: kind) { counts[i] += 1 }
    }

    func close() throws { try table.close() }
}
