/// The canonical CSV tables (headers in `templates/import/*.csv`). A file is recognised by its
/// header row, not its name; every column also has English aliases.
public enum CanonicalTable: String, CaseIterable, Sendable {
    case institution = "учреждение"
    case periods = "периоды"
    case calendar = "календарь"
    case bells = "звонки"
    case groups = "группы"
    case students = "обучающиеся"
    case load = "нагрузка"
    case plan = "ктп"
    case lessons = "занятия"
    case marks = "отметки"
    case periodMarks = "итоговые"
    case changes = "изменения"

    public struct Column: Sendable {
        public let name: String
        public let aliases: [String]
        public let required: Bool
    }

    private static func c(_ name: String, _ aliases: [String], required: Bool = false) -> Column {
        Column(name: name, aliases: aliases, required: required)
    }

    public var columns: [Column] {
        let group = Self.c("Группа", ["group", "class"], required: true)
        let subject = Self.c("Предмет", ["subject", "дисциплина"], required: true)
        let student = Self.c("Обучающийся", ["student", "ученик", "студент"], required: true)
        // A moment's date may come alone or with its time in a column of its own («Дата
        // выставления» and «Время выставления»: `ColumnPlan` joins the two).
        let entered = Self.c("Внесено", ["entered_at", "дата выставления", "дата внесения", "дата и время выставления", "дата и время внесения"])
        switch self {
        case .institution:
            return [Self.c("Параметр", ["parameter", "key"], required: true), Self.c("Значение", ["value"], required: true)]
        case .periods:
            return [Self.c("Период", ["period", "name"], required: true), Self.c("Вид", ["kind"], required: true),
                    Self.c("Начало", ["start"], required: true), Self.c("Окончание", ["end"], required: true)]
        case .calendar:
            return [Self.c("Вид", ["kind"], required: true), Self.c("Начало", ["start"], required: true),
                    Self.c("Окончание", ["end"], required: true), Self.c("Название", ["name", "title"])]
        case .bells:
            return [Self.c("Урок №", ["lesson_no", "№ урока", "номер урока"], required: true),
                    Self.c("Начало", ["start"], required: true), Self.c("Окончание", ["end"], required: true)]
        case .groups:
            return [group, Self.c("Класс", ["grade", "курс"]), Self.c("Куратор", ["curator", "классный руководитель"])]
        case .students:
            return [group, student, Self.c("Код", ["code", "id"]), Self.c("Подгруппа", ["subgroup"]),
                    Self.c("Зачислен", ["enrolled"]), Self.c("Выбыл", ["left"])]
        case .load:
            return [group, Self.c("Подгруппа", ["subgroup"]), subject,
                    Self.c("Преподаватель", ["teacher", "учитель"], required: true),
                    Self.c("Часов в неделю", ["weekly_hours"], required: true), Self.c("Часов в год", ["year_hours"])]
        case .plan:
            return [group, subject, Self.c("№", ["ordinal", "no", "номер"], required: true),
                    Self.c("Тема", ["topic"], required: true), Self.c("Часов", ["hours"]),
                    Self.c("Вид занятия", ["lesson_kind"]), Self.c("Дата по плану", ["planned_date"])]
        case .lessons:
            return [group, Self.c("Подгруппа", ["subgroup"]), subject,
                    Self.c("Дата", ["lesson_date", "date", "дата урока"], required: true),
                    Self.c("Урок №", ["lesson_no", "№ урока"]), Self.c("Начало", ["start"]), Self.c("Окончание", ["end"]),
                    Self.c("Учитель по расписанию", ["scheduled_teacher"]), Self.c("Провёл", ["teacher", "taught_by"]),
                    Self.c("Замена отмечена", ["substitution_entered_at", "substitution_at", "дата отметки замены"]),
                    Self.c("Тема", ["topic", "тема урока"]), Self.c("Вид занятия", ["lesson_kind"]),
                    Self.c("Домашнее задание", ["homework"]), Self.c("Запись создана", ["recorded_at", "дата создания записи"]),
                    Self.c("Тема внесена", ["topic_entered_at", "topic_at", "дата внесения темы"]),
                    Self.c("ДЗ внесено", ["homework_entered_at", "homework_at", "дата внесения дз", "дата внесения домашнего задания"]),
                    Self.c("Внёс", ["entered_by"])]
        case .marks:
            return [group, subject, Self.c("Дата урока", ["lesson_date"], required: true),
                    Self.c("Урок №", ["lesson_no", "№ урока"]), student,
                    Self.c("Значение", ["value", "отметка"], required: true), Self.c("Вид работы", ["work_type"]),
                    entered, Self.c("Внёс", ["entered_by"]), Self.c("Подгруппа", ["subgroup"])]
        case .periodMarks:
            return [group, subject, student, Self.c("Период", ["period"], required: true),
                    Self.c("Значение", ["value"], required: true), entered,
                    Self.c("Внёс", ["entered_by"])]
        case .changes:
            return [group, subject, Self.c("Дата урока", ["lesson_date"]), Self.c("Урок №", ["lesson_no"]),
                    Self.c("Обучающийся", ["student"]), Self.c("Что", ["target", "what"], required: true),
                    Self.c("Было", ["old_value"]), Self.c("Стало", ["new_value"]), Self.c("Выставлено", ["placed_at", "дата выставления"]),
                    Self.c("Изменено", ["changed_at", "дата изменения"]), Self.c("Изменил", ["changed_by"]), Self.c("Подгруппа", ["subgroup"]),
                    Self.c("Причина", ["reason", "причина исправления", "причина изменения"])]
        }
    }

    /// Index of the column named `header` (canonical name or alias), if any.
    public func columnIndex(_ header: String) -> Int? { Self.columnKeys[self]?[Self.normalize(header)] }

    /// Per table, each column's name and aliases as `normalize` keys → the first column that has
    /// it (columns in order): `columns` is built on every call, and looking columns up that way
    /// took 1.6 % of a college folder check's CPU samples (recognising its 28 files).
    private static let columnKeys: [CanonicalTable: [String: Int]] = Dictionary(uniqueKeysWithValues: allCases.map { table in
        var keys: [String: Int] = [:]
        for (i, column) in table.columns.enumerated() {
            for name in [column.name] + column.aliases where keys[normalize(name)] == nil { keys[normalize(name)] = i }
        }
        return (table, keys)
    })

    /// Header comparison key: lower case, «ё» as «е», single spaces, no trailing colon or dot.
    public static func normalize(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s.lowercased() {
            if ch == " " || ch == "\t" || ch == "\u{00A0}" || ch == "_" { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(ch == "ё" ? "е" : ch)
        }
        while out.last == ":" || out.last == "." { out.removeLast() }
        return out
    }
}
