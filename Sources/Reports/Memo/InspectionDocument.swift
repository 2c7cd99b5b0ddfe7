import JournalModel
import Findings

/// The monthly inspection report («справка о результатах проверки электронного журнала»,
/// `hexlet` 3.5, `oosh14` 3.2.2.3, 5.2–5.4) ready to render.
public struct InspectionDocument: Sendable, Hashable {
    /// Monthly-control figures of one group (`oosh14` 3.2.2.3).
    public struct GroupFigures: Sendable, Hashable {
        public var group: String
        public var curator: String?
        public var lessons: Int
        /// Lessons with a finding about a late entry on their date and subject.
        public var lateLessons: Int
        /// Whether the journal holds entry times for the group's lessons or marks at all;
        /// without them timeliness is unknown, not 100 %.
        public var hasEntryTimes: Bool
        public var students: Int
        public var studentsWithoutMarks: Int
        public var studentsWithOneMark: Int
        public var lessonsWithTopic: Int
        public var lessonsWithHomework: Int
        public var substitutions: Int
        public var substitutionFindings: Int
        public var accumulationFindings: Int
        public var findings: Int
        /// Findings of severity «нарушение» (the rate ranks by them).
        public var violations: Int
        /// `violations` per 100 lessons; nil without lessons.
        public var violationsPer100: Double? { lessons > 0 ? Double(violations) * 100 / Double(lessons) : nil }
    }

    /// Figures of one teacher.
    public struct TeacherFigures: Sendable, Hashable {
        public var teacher: String
        public var groups: [String]
        public var lessons: Int
        public var lateFindings: Int
        public var topicHomeworkFindings: Int
        public var substitutionFindings: Int
        public var findings: Int
        /// Findings of severity «нарушение».
        public var violations: Int
        /// The requirement this teacher broke most often (rule title) and how many times.
        public var mainViolation: String?
        public var violationsPer100: Double? { lessons > 0 ? Double(violations) * 100 / Double(lessons) : nil }
    }

    /// One rule that found violations in the month.
    public struct Violation: Sendable, Hashable {
        public var title: String
        public var clause: String
        public var severity: Severity
        public var count: Int
        public var groups: [String]
        public var teachers: [String]
    }

    /// A rule that could not be checked on this journal, and why.
    public struct Unchecked: Sendable, Hashable {
        public var title: String
        public var clause: String
        public var reason: String
    }

    /// Class or group, class teacher or curator: the institution's words.
    public var words: InstitutionWords
    public var institution: String
    public var monthStart: LocalDate
    public var monthEnd: LocalDate
    /// «сентябрь 2025 г.».
    public var monthTitle: String
    public var date: LocalDate
    public var number: String?
    public var recipient: DocumentParty
    public var author: DocumentParty
    public var regulation: String
    public var packTitle: String
    public var rulesChecked: Int
    public var groups: [GroupFigures]
    public var teachers: [TeacherFigures]
    /// At most five teachers and groups with the most violations per 100 lessons (only those with any).
    public var topTeachers: [TeacherFigures]
    public var topGroups: [GroupFigures]
    public var violations: [Violation]
    public var unchecked: [Unchecked]
    public var findingCount: Int
    public var lessonCount: Int
    public var warnings: [String]
}
