import JournalModel

/// The words a document uses for the institution's kind: a school has classes, class teachers
/// and lessons; a college has groups, curators and classes («занятия»).
///
///     let w = InstitutionWords(.school)
///     "электронного журнала \(w.groupGenitive) 7б"      // «… класса 7б»
///     w.curatorsDative                                 // «классным руководителям»
public struct InstitutionWords: Sendable, Hashable {
    public let kind: Institution.Kind

    public init(_ kind: Institution.Kind) { self.kind = kind }

    var school: Bool { kind == .school }

    /// «класс» / «группа».
    public var group: String { school ? "класс" : "группа" }
    public var groupCapitalized: String { school ? "Класс" : "Группа" }
    /// «класса» / «группы».
    public var groupGenitive: String { school ? "класса" : "группы" }
    /// «классы» / «группы».
    public var groups: String { school ? "классы" : "группы" }
    public var groupsCapitalized: String { school ? "Классы" : "Группы" }
    /// «классов» / «групп».
    public var groupsGenitive: String { school ? "классов" : "групп" }
    /// «в классе» / «в группе».
    public var inGroup: String { school ? "в классе" : "в группе" }
    /// «классах» / «группах».
    public var groupsPrepositional: String { school ? "классах" : "группах" }
    /// «классный руководитель» / «куратор».
    public var curator: String { school ? "классный руководитель" : "куратор" }
    public var curatorCapitalized: String { school ? "Классный руководитель" : "Куратор" }
    /// «классным руководителям» / «кураторам групп».
    public var curatorsDative: String { school ? "классным руководителям" : "кураторам групп" }
    /// «учитель» / «преподаватель».
    public var teacher: String { school ? "учитель" : "преподаватель" }
    /// «учителей» / «преподавателей».
    public var teachersGenitive: String { school ? "учителей" : "преподавателей" }
    /// «урок» / «занятие»; the plural genitive «уроков» / «занятий».
    public var lesson: String { school ? "урок" : "занятие" }
    public var lessonsGenitive: String { school ? "уроков" : "занятий" }
    /// «уроках» / «занятиях».
    public var lessonsPrepositional: String { school ? "уроках" : "занятиях" }
    /// «классам» / «группам».
    public var groupsDative: String { school ? "классам" : "группам" }
    /// «урока» / «занятия».
    public var lessonGenitive: String { school ? "урока" : "занятия" }

    /// «Классный руководитель 7б класса» / «Куратор группы ИС-21».
    public func curatorOf(_ group: String) -> String {
        school ? "Классный руководитель \(group) класса" : "Куратор группы \(group)"
    }

    /// «7б класса» / «группы ИС-21» — the group named in a genitive phrase.
    public func ofGroup(_ group: String) -> String { school ? "\(group) класса" : "группы \(group)" }

    /// The values templates see as `words.*` (documented in templates/memo/README.md).
    var context: [String: Any] {
        ["group": group, "Group": groupCapitalized, "group_genitive": groupGenitive, "groups": groups,
         "Groups": groupsCapitalized, "groups_genitive": groupsGenitive, "curator": curator,
         "Curator": curatorCapitalized, "curators_dative": curatorsDative,
         "Curators_dative": capitalized(curatorsDative), "teacher": teacher,
         "teachers_genitive": teachersGenitive, "lesson": lesson, "lesson_genitive": lessonGenitive,
         "lessons_genitive": lessonsGenitive, "lessons_prepositional": lessonsPrepositional,
         "groups_dative": groupsDative, "about_lessons": school ? "об уроках" : "о занятиях",
         "Lessons": school ? "Уроков" : "Занятий",
         "Teachers": school ? "Учителя" : "Преподаватели"]
    }

    static let contextKeys = ["group", "Group", "group_genitive", "groups", "Groups", "groups_genitive", "curator",
                              "Curator", "curators_dative", "Curators_dative", "teacher", "teachers_genitive",
                              "lesson", "lesson_genitive", "lessons_genitive", "lessons_prepositional", "groups_dative", "about_lessons",
                              "Lessons", "Teachers"]

    private func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
