import JournalModel

/// What the merge of one import found: rows that repeat earlier rows of the same file, and
/// disagreements between files that describe the same journal.
public struct MergeOutcome: Sendable {
    public struct Duplicate: Sendable {
        public var file: Int
        public var line: Int
        public var reason: String
        /// The canonical column at fault (see `Rejection.column`).
        public var column: String
    }
    /// Rows found only by the merge to be repeats, or to have nothing to attach to.
    public var duplicates: [Duplicate] = []
    public var disagreements: [Disagreement] = []
    /// How lessons without a number were joined to the numbered lessons of their day.
    public var pairing = LessonPairing()
    /// Files that were the journal's only source of groups, students or lessons.
    public var sources: [SourceNote] = []
    /// Change-history entries recorded by this import (snapshot differences and exported logs).
    public var changes = 0
    public var batch: Int64 = 0
    /// Period marks whose period the calendar does not have (see `UnlinkedPeriod`).
    public var unlinkedPeriods: [UnlinkedPeriod] = []
}

/// How the merge joined lessons that a file names by date only (a grid's day columns, a
/// topics file's rows) to the numbered lessons of the same day from another file: the k-th
/// unnumbered lesson of a date (column or row order) to the k-th numbered one (number order),
/// when both files have as many lessons that day; otherwise nothing is joined and the
/// ambiguity is a disagreement.
public struct LessonPairing: Sendable {
    /// A day with two or more lessons of one subject (a double lesson, a college «пара» twice).
    public struct DoubleDay: Sendable, Hashable {
        public var group: String
        public var subject: String
        public var date: LocalDate
        /// The file that named the lessons by date only.
        public var file: String
        /// The numbers the 1st, 2nd, … unnumbered lesson of the date were joined to.
        public var numbers: [Int]
    }
    /// Days with one unnumbered and one numbered lesson, joined.
    public var singleDays = 0
    /// Days with several lessons joined in order: how many, and the first few.
    public var doubleDays = 0
    public var examples: [DoubleDay] = []
    /// Days left apart because the files have different numbers of lessons that day.
    public var ambiguousDays = 0
    /// Lesson rows without a number numbered by the bell schedule (their start time).
    public var byBell = 0
    /// Marks without a lesson number placed on one of their day's several lessons (`UnnumberedMarks`).
    public var marksPlaced = 0
    public init() {}
}

/// A file that was the only source of some entities (a journal made of a marks log alone).
public struct SourceNote: Sendable, Hashable {
    public var file: String
    public var groups: Int
    public var students: Int
    public var lessons: Int
}

/// Two files of one import disagree; the import reports it and does not choose silently.
public struct Disagreement: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case cellContradiction = "противоречие в клетке"
        case cellMissing = "клетки нет в другом файле"
        case lessonMissing = "урока нет в другом файле"
        case topicWithoutLesson = "тема на дату без урока"
        /// Kept for disagreements stored by earlier versions: such marks are now rejected rows.
        case markWithoutLesson = "отметка на дату без урока"
        case lessonAttribute = "расхождение в описании урока"
        case unpairedLessons = "уроки без номера не сопоставлены"

        public var id: String {
            switch self {
            case .cellContradiction: "import.cell-contradiction"
            case .cellMissing: "import.cell-missing"
            case .lessonMissing: "import.lesson-missing"
            case .topicWithoutLesson: "import.topic-without-lesson"
            case .markWithoutLesson: "import.mark-without-lesson"
            case .lessonAttribute: "import.lesson-attribute"
            case .unpairedLessons: "import.unpaired-lessons"
            }
        }
    }

    public var kind: Kind
    /// Russian, complete: what, where, which value was kept.
    public var message: String
    public var file: String
    public var line: Int?
    public var otherFile: String?
    public var otherLine: Int?
    /// The same without the student's name and the values (what `import` prints unless
    /// `--verbose`: no personal data on the terminal); nil when `message` names no student.
    public var brief: String?
}
