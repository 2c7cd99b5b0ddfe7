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
    public var duplicates: [Duplicate] = []
    public var disagreements: [Disagreement] = []
    /// Change-history entries recorded by this import (snapshot differences and exported logs).
    public var changes = 0
    public var batch: Int64 = 0
    /// Period marks whose period the calendar does not have (see `UnlinkedPeriod`).
    public var unlinkedPeriods: [UnlinkedPeriod] = []
}

/// Two files of one import disagree; the import reports it and does not choose silently.
public struct Disagreement: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case cellContradiction = "противоречие в клетке"
        case cellMissing = "клетки нет в другом файле"
        case lessonMissing = "урока нет в другом файле"
        case topicWithoutLesson = "тема на дату без урока"
        case markWithoutLesson = "отметка на дату без урока"
        case lessonAttribute = "расхождение в описании урока"

        public var id: String {
            switch self {
            case .cellContradiction: "import.cell-contradiction"
            case .cellMissing: "import.cell-missing"
            case .lessonMissing: "import.lesson-missing"
            case .topicWithoutLesson: "import.topic-without-lesson"
            case .markWithoutLesson: "import.mark-without-lesson"
            case .lessonAttribute: "import.lesson-attribute"
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
}
