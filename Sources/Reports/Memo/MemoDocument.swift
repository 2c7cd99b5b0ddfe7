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
    /// which the memo names by the rule's phrase (`MemoPhrases`) or, without one, its title.
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
    /// How the memo names it, for one case and for several (`MemoPhrases`).
    public var phrase: MemoPhrases.Phrase
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
    /// How the memo names it, for one case and for several (`MemoPhrases`).
    public var phrase: MemoPhrases.Phrase
    public var count: Int
    public var maxDelaySeconds: Int64?
    public var clause: String
    /// What the regulation expected, when every counted item expected the same.
    public var expected: String?
}

/// A service memo («служебная записка») ready to render: requisites, teachers, table.
public struct MemoDocument: Sendable, Hashable {
    /// Class or group, class teacher or curator: the institution's words.
    public var words: InstitutionWords
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

    /// True when something was entered late / when something breaks a requirement other than a deadline.
    public var hasLate: Bool { teachers.contains { $0.items.contains { $0.problem == .late } } }
    public var hasWrong: Bool { teachers.contains { $0.items.contains { $0.problem == .wrong } } }

    /// The subject line, by what the memo reports: «О несвоевременном заполнении электронного
    /// журнала», «О нарушениях порядка заполнения электронного журнала», or both.
    public var title: String {
        switch (hasLate, hasWrong) {
        case (true, false): "О несвоевременном заполнении электронного журнала"
        case (false, true): "О нарушениях порядка заполнения электронного журнала"
        default: "О несвоевременном заполнении электронного журнала и нарушениях порядка его заполнения"
        }
    }

    /// How the teachers are asked to fill in the journal: «своевременно», «в соответствии с
    /// установленными требованиями», or both.
    public var fillManner: String {
        switch (hasLate, hasWrong) {
        case (true, false): "своевременно"
        case (false, true): "в соответствии с установленными требованиями"
        default: "своевременно и в соответствии с установленными требованиями"
        }
    }

    /// «нарушения сроков заполнения электронного журнала» and the like, for the opening sentence.
    public var violationsKind: String {
        switch (hasLate, hasWrong) {
        case (true, false): "нарушения сроков его заполнения"
        case (false, true): "нарушения порядка его заполнения"
        default: "нарушения сроков и порядка его заполнения"
        }
    }
}
