/// What a rule can iterate over or refer to.
public enum Entity: String, Sendable, CaseIterable, Hashable {
    case lesson, cell
    case periodMark = "period_mark"
    case planItem = "plan_item"
    case change
    case span = "student_subject_period"
    case groupMonth = "group_subject_month"
    case planFact = "plan_fact"
    case teaching
    case teacherMonth = "teacher_month"
    case load
    case holiday
    case group, student, teacher, subject, period

    /// Russian name for listings.
    public var title: String {
        switch self {
        case .lesson: "урок"
        case .cell: "клетка журнала (сущности `cells`, `marks`, `absences`)"
        case .periodMark: "отметка за период"
        case .planItem: "строка КТП"
        case .change: "запись истории изменений"
        case .span: "ученик × предмет × отрезок времени (сущность `student_subject_period`; те же записи дают `students` у `group_subject_month`)"
        case .groupMonth: "класс × предмет × месяц"
        case .planFact: "план и факт: класс (или его подгруппа) × предмет × отрезок времени (сущности `plan_period`, `plan_month`, `plan_year`)"
        case .teaching: "кто ведёт: учитель × класс (подгруппа) × предмет — по урокам журнала (сущность `teaching`)"
        case .teacherMonth: "учитель × календарный месяц (сущность `teacher_month`)"
        case .load: "строка нагрузки: учитель × класс (подгруппа) × предмет × часы (сущность `load_items`)"
        case .holiday: "каникулы из календаря журнала"
        case .group: "класс (группа)"
        case .student: "обучающийся"
        case .teacher: "учитель"
        case .subject: "предмет"
        case .period: "учебный период"
        }
    }
}

/// The static type of an expression.
public indirect enum VType: Sendable, Hashable, CustomStringConvertible {
    case bool, number, percent, text, date, dateTime, duration, days, set
    case ref(Entity)
    case list(Entity)

    public var description: String {
        switch self {
        case .bool: "логическое"
        case .number: "число"
        case .percent: "процент"
        case .text: "текст"
        case .date: "дата"
        case .dateTime: "момент"
        case .duration: "продолжительность"
        case .days: "срок в днях"
        case .set: "множество строк"
        case .ref(let e): e.rawValue
        case .list(let e): "коллекция \(e.rawValue)"
        }
    }

    var isNumeric: Bool { self == .number || self == .percent }
}

extension Literal {
    public var type: VType {
        switch self {
        case .number: .number
        case .percent: .percent
        case .text: .text
        case .bool: .bool
        case .date: .date
        case .dateTime: .dateTime
        case .duration: .duration
        case .days: .days
        case .set: .set
        }
    }
}

/// A scope name and the entity it iterates.
public struct ScopeInfo: Sendable {
    public var name: String
    public var entity: Entity
    public var description: String
}

/// A field of an entity: what rules may read.
public struct FieldInfo: Sendable {
    public var name: String
    public var type: VType
    public var description: String
    /// The data this field comes from when an export may lack it (for «не проверено»), in Russian.
    public var requires: String?
}

public struct FieldKey: Sendable, Hashable, Comparable {
    public var entity: Entity
    public var name: String
    public init(_ entity: Entity, _ name: String) {
        self.entity = entity
        self.name = name
    }
    public static func < (a: FieldKey, b: FieldKey) -> Bool { (a.entity.rawValue, a.name) < (b.entity.rawValue, b.name) }
}

/// The built-in functions (rules/README.md, section 4.2).
public struct FunctionInfo: Sendable {
    public var name: String
    public var signature: String
    public var result: String
    public var description: String
}

/// Severity words and area tags (the same words as `Findings.Severity` / `FindingArea`; a test keeps them equal).
public enum Vocabulary {
    public static let severities = ["нарушение", "замечание", "рекомендация"]
    public static let areas = ["отметки", "темы", "дз", "пропуски", "замены", "итоговые", "накопляемость", "исправления"]
    /// Names usable only inside message templates.
    public static let templateSpecials = ["delay", "expected", "found", "measure", "warn", "fail", "level"]
}
