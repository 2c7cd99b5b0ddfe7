import JournalModel
import Findings

/// One party of a document: the addressee or the author, with the forms the layout needs.
public struct DocumentParty: Sendable, Hashable {
    /// As the document prints it: «Заместителю директора по УВР» (addressee, dative) or
    /// «Куратор группы 7б» (author, nominative).
    public var position: String
    /// Full name in the nominative, as the journal or the settings give it; nil if unknown.
    public var fullName: String?
    /// The name in the addressee block («Петровой А.А.») or after «от» («Ивановой М.С.»).
    public var inflectedName: String
    /// The name under the signature («М.С. Иванова»).
    public var signatureName: String

    public init(position: String, fullName: String?, inflectedName: String, signatureName: String) {
        self.position = position
        self.fullName = fullName
        self.inflectedName = inflectedName
        self.signatureName = signatureName
    }

    /// A blank line for a name nobody gave: the author writes it in by hand.
    public static let blank = "____________"
}

/// What happened to an entry, as the memo words it.
public enum EntryProblem: String, Sendable, CaseIterable, Comparable {
    case late = "внесены с опозданием"
    case wrong = "заполнены с нарушением требований"

    /// Late when the finding carries a positive delay; otherwise the entry breaks a requirement,
    /// which the memo names by the rule's title (a finding alone cannot tell an empty entry from
    /// a wrong one, and the memo must not claim more than the rule found).
    public init(_ f: Finding) {
        if let d = f.delaySeconds, d > 0 { self = .late } else { self = .wrong }
    }

    var order: Int { self == .late ? 0 : 1 }
    public static func < (a: EntryProblem, b: EntryProblem) -> Bool { a.order < b.order }
}

/// Findings of one teacher in one area with one kind of problem under one clause.
public struct MemoItem: Sendable, Hashable {
    public var area: FindingArea
    public var problem: EntryProblem
    /// For `.wrong`: the requirement broken, as the rule's title words it.
    public var requirement: String?
    public var clause: String
    public var subject: String?
    public var dates: [LocalDate]
    public var count: Int
    public var maxDelaySeconds: Int64?
}

/// A teacher named in the memo, with everything found about their entries.
public struct MemoTeacher: Sendable, Hashable {
    public var name: String
    public var position: String?
    public var subjects: [String]
    public var items: [MemoItem]
    public var findingCount: Int
}

/// One row of the memo's table of violations: one lesson date, teacher, subject, area, problem
/// and clause (items of the same lesson are counted, students are never named).
public struct MemoRow: Sendable, Hashable {
    public var date: LocalDate?
    public var teacher: String
    public var subject: String?
    public var area: FindingArea
    public var problem: EntryProblem
    /// For `.wrong`: the requirement broken, as the rule's title words it.
    public var requirement: String?
    public var count: Int
    public var maxDelaySeconds: Int64?
    public var clause: String
    /// What the regulation expected, when every counted item expected the same.
    public var expected: String?
}

/// A service memo («служебная записка») ready to render: requisites, teachers, table.
public struct MemoDocument: Sendable, Hashable {
    public var institution: String
    public var group: String
    public var weekStart: LocalDate
    public var weekEnd: LocalDate
    public var date: LocalDate
    public var number: String?
    public var recipient: DocumentParty
    public var author: DocumentParty
    /// The regulation's title, e.g. «Положение об электронном журнале».
    public var regulation: String
    public var teachers: [MemoTeacher]
    public var rows: [MemoRow]
    public var findingCount: Int
    /// Things the user should know (a curator missing from the journal, …), in Russian.
    public var warnings: [String]
}
