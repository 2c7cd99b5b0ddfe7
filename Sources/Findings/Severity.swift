/// How serious a rule's violation is, in the words regulations use.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case violation = "нарушение"
    case remark = "замечание"
    case recommendation = "рекомендация"

    /// 0 for the most serious.
    public var rank: Int {
        switch self {
        case .violation: 0
        case .remark: 1
        case .recommendation: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// What part of the journal a finding is about; memos and the per-teacher sheet group by it.
/// A rule declares it through a tag of the same word.
public enum FindingArea: String, Sendable, Codable, CaseIterable {
    case marks = "отметки"
    case topics = "темы"
    case homework = "дз"
    case absences = "пропуски"
    case substitutions = "замены"
    case periodMarks = "итоговые"
    case accumulation = "накопляемость"
    case corrections = "исправления"
    case other = "прочее"

    /// The phrase a memo uses: «несвоевременное выставление отметок», …
    public var russianTitle: String {
        switch self {
        case .marks: "отметки"
        case .topics: "темы уроков"
        case .homework: "домашние задания"
        case .absences: "отметки о посещаемости"
        case .substitutions: "замены"
        case .periodMarks: "отметки за период"
        case .accumulation: "накопляемость отметок"
        case .corrections: "исправления отметок"
        case .other: "прочее"
        }
    }
}
