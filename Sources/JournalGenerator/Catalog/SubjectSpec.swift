/// One subject of a curriculum: weekly lessons, whether it has tests and practical or
/// laboratory works, and whether the group is split into subgroups for it.
struct SubjectSpec: Sendable {
    var name: String
    /// Lessons (school) or pairs (college) a week.
    var lessonsPerWeek: Int
    var hasTests: Bool
    /// «практическая работа» / «лабораторная работа» (school) or the college kind, if any.
    var practicalKind: String?
    /// Taught to two subgroups with their own teachers (foreign language, informatics).
    var split: Bool = false

    init(_ name: String, _ lessonsPerWeek: Int, tests: Bool = true, practical: String? = nil, split: Bool = false) {
        self.name = name
        self.lessonsPerWeek = lessonsPerWeek
        self.hasTests = tests
        self.practicalKind = practical
        self.split = split
    }
}

/// Subjects by grade (school) and by course (college).
enum Curriculum {
    static let lab = "лабораторная работа"
    static let practice = "практическая работа"

    static func school(grade: Int) -> [SubjectSpec] {
        switch grade {
        case ...4:
            return [
                SubjectSpec("Русский язык", 5), SubjectSpec("Литературное чтение", grade == 4 ? 3 : 4),
                SubjectSpec("Математика", 4), SubjectSpec("Окружающий мир", 2, practical: practice),
                SubjectSpec("Английский язык", 2), SubjectSpec("Музыка", 1, tests: false),
                SubjectSpec("Изобразительное искусство", 1, tests: false),
                SubjectSpec("Труд (технология)", 1, tests: false), SubjectSpec("Физическая культура", 2, tests: false),
            ]
        case 5, 6:
            return [
                SubjectSpec("Русский язык", grade == 5 ? 5 : 6), SubjectSpec("Литература", 3),
                SubjectSpec("Английский язык", 3), SubjectSpec("Математика", 5), SubjectSpec("История", 2),
                SubjectSpec("География", 1, practical: practice), SubjectSpec("Биология", 1, practical: lab),
                SubjectSpec("Обществознание", grade == 6 ? 1 : 0), SubjectSpec("Музыка", 1, tests: false),
                SubjectSpec("Изобразительное искусство", 1, tests: false),
                SubjectSpec("Труд (технология)", 2, tests: false), SubjectSpec("Физическая культура", 2, tests: false),
            ].filter { $0.lessonsPerWeek > 0 }
        case 7, 8, 9:
            var s = [
                SubjectSpec("Русский язык", grade == 7 ? 4 : 3), SubjectSpec("Литература", grade == 9 ? 3 : 2),
                SubjectSpec("Английский язык", 3), SubjectSpec("Алгебра", 3), SubjectSpec("Геометрия", 2),
                SubjectSpec("Вероятность и статистика", 1), SubjectSpec("Информатика", 1, practical: practice),
                SubjectSpec("История", 2), SubjectSpec("Обществознание", 1),
                SubjectSpec("География", 2, practical: practice), SubjectSpec("Биология", grade == 7 ? 1 : 2, practical: lab),
                SubjectSpec("Физика", grade == 9 ? 3 : 2, practical: lab), SubjectSpec("Физическая культура", 2, tests: false),
            ]
            if grade >= 8 { s.append(SubjectSpec("Химия", 2, practical: practice)); s.append(SubjectSpec("ОБЗР", 1)) }
            if grade <= 8 { s.append(SubjectSpec("Музыка", 1, tests: false)); s.append(SubjectSpec("Труд (технология)", grade == 7 ? 2 : 1, tests: false)) }
            if grade == 7 { s.append(SubjectSpec("Изобразительное искусство", 1, tests: false)) }
            return s
        default:
            return [
                SubjectSpec("Русский язык", 2), SubjectSpec("Литература", 3), SubjectSpec("Английский язык", 3),
                SubjectSpec("Алгебра", 3), SubjectSpec("Геометрия", 2), SubjectSpec("Вероятность и статистика", 1),
                SubjectSpec("Информатика", 1, practical: practice), SubjectSpec("История", 2),
                SubjectSpec("Обществознание", 2), SubjectSpec("География", 1, practical: practice),
                SubjectSpec("Биология", 1, practical: lab), SubjectSpec("Физика", 2, practical: lab),
                SubjectSpec("Химия", 1, practical: practice), SubjectSpec("ОБЗР", 1),
                SubjectSpec("Физическая культура", 2, tests: false),
                SubjectSpec("Индивидуальный проект", 1, tests: false),
            ]
        }
    }

    /// College disciplines in pairs a week; `specialty` picks the professional modules.
    static func college(course: Int, specialty: Int) -> [SubjectSpec] {
        let pz = "практическое занятие"
        if course == 1 {
            return [
                SubjectSpec("Русский язык", 2), SubjectSpec("Литература", 2),
                SubjectSpec("Иностранный язык", 2, practical: pz, split: true), SubjectSpec("Математика", 3, practical: pz),
                SubjectSpec("История", 2), SubjectSpec("Физическая культура", 2, tests: false),
                SubjectSpec("ОБЗР", 1), SubjectSpec("Информатика", 2, practical: pz, split: true),
                SubjectSpec("Физика", 2, practical: lab),
            ]
        }
        let modules = CollegeModules.names[specialty % CollegeModules.names.count]
        var s = [
            SubjectSpec("Иностранный язык в профессиональной деятельности", 2, practical: pz, split: true),
            SubjectSpec("Физическая культура", 2, tests: false),
            SubjectSpec(course == 2 ? "Основы философии" : "Психология общения", 1),
            SubjectSpec("Безопасность жизнедеятельности", 1, practical: pz),
        ]
        let base = (course - 2) * 3
        for k in 0..<3 {
            let name = modules[(base + k) % modules.count]
            s.append(SubjectSpec(name, k == 0 ? 3 : 2, practical: k == 1 ? lab : pz, split: k == 2 && course == 4))
        }
        s.append(SubjectSpec("Экономика организации", course == 4 ? 2 : 3, practical: pz))
        return s
    }
}

/// Specialties of the generated college: the code used in group names and its disciplines.
enum CollegeModules {
    static let codes = ["ИС", "ПК", "ЭК", "ТМ", "СВ", "ПД"]
    static let names: [[String]] = [
        ["ОП.01 Операционные системы", "МДК.01.01 Разработка программных модулей", "МДК.01.02 Поддержка и тестирование программных модулей",
         "ОП.02 Архитектура аппаратных средств", "МДК.02.01 Технология разработки программного обеспечения", "МДК.02.02 Инструментальные средства разработки",
         "ОП.03 Информационные технологии", "МДК.03.01 Проектирование информационных систем", "МДК.04.01 Сопровождение информационных систем"],
        ["ОП.01 Основы алгоритмизации и программирования", "МДК.01.01 Разработка программных модулей", "МДК.01.03 Разработка мобильных приложений",
         "ОП.02 Компьютерные сети", "МДК.02.01 Технология разработки программного обеспечения", "МДК.02.03 Математическое моделирование",
         "ОП.03 Основы проектирования баз данных", "МДК.11.01 Технология разработки и защиты баз данных", "МДК.04.01 Внедрение и поддержка компьютерных систем"],
        ["ОП.01 Статистика", "МДК.01.01 Практические основы бухгалтерского учёта", "МДК.01.02 Учёт активов организации",
         "ОП.02 Финансы, денежное обращение и кредит", "МДК.02.01 Налоги и налогообложение", "МДК.02.02 Бухгалтерская технология инвентаризации",
         "ОП.03 Аудит", "МДК.03.01 Организация расчётов с бюджетом", "МДК.04.01 Технология составления отчётности"],
        ["ОП.01 Инженерная графика", "МДК.01.01 Технологические процессы изготовления деталей", "МДК.01.02 Системы автоматизированного проектирования",
         "ОП.02 Техническая механика", "МДК.02.01 Планирование и организация работы структурного подразделения", "МДК.02.02 Контроль качества продукции",
         "ОП.03 Материаловедение", "МДК.03.01 Реализация технологических процессов", "МДК.04.01 Технологическое оборудование"],
        ["ОП.01 Основы материаловедения", "МДК.01.01 Основы технологии сварки и сварочное оборудование", "МДК.01.02 Технология производства сварных конструкций",
         "ОП.02 Электротехника", "МДК.02.01 Ручная дуговая сварка", "МДК.02.02 Контроль качества сварных соединений",
         "ОП.03 Допуски и технические измерения", "МДК.03.01 Частично механизированная сварка", "МДК.04.01 Газовая сварка"],
        ["ОП.01 Теория государства и права", "МДК.01.01 Право социального обеспечения", "МДК.01.02 Психология социально-правовой деятельности",
         "ОП.02 Конституционное право России", "МДК.02.01 Организация работы органов социальной защиты", "МДК.02.02 Делопроизводство",
         "ОП.03 Гражданское право", "МДК.03.01 Трудовое право", "МДК.04.01 Семейное право"],
    ]
}
