import Foundation

/// The canonical tables of one institution folder (headers exactly as in `templates/import/`),
/// open for appending group by group, plus the ground truth.
final class CanonicalTables {
    let groups, students, load, plan, lessons, marks, periodMarks, changes: TableWriter
    let truth: GroundTruthWriter
    private let small: [TableWriter]
    static let changesHeader = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Что;Было;Стало;Выставлено;Изменено;Изменил;Подгруппа;Причина"
    /// Days on which a series has two lessons (a double lesson), counted as lessons are written.
    var doubleLessonDays = 0

    static let fileNames = ["учреждение.csv", "календарь.csv", "периоды.csv", "звонки.csv", "группы.csv",
                            "обучающиеся.csv", "нагрузка.csv", "ктп.csv", "занятия.csv", "отметки.csv",
                            "итоговые.csv", "изменения.csv"]

    /// `spellings`: marks, period marks and changes spell names as a second system would
    /// (`Spellings`). `unnumberedMarks`: the marks table leaves «Урок №» empty. `decimalMarks`:
    /// marks and period marks that are numbers are written as decimals («5.0»).
    /// `otherFormats`: a mark's entry and a topic's entry as a date and a time in two columns,
    /// lesson times with a dot («9.25»).
    init(folder: String, spellings: Bool = false, unnumberedMarks: Bool = false, decimalMarks: Bool = false,
         otherFormats: Bool = false) throws {
        func t(_ name: String, _ header: String) throws -> TableWriter {
            try TableWriter(path: folder + "/" + name, header: header.split(separator: ";").map(String.init))
        }
        groups = try t("группы.csv", "Группа;Класс;Куратор")
        students = try t("обучающиеся.csv", "Группа;Обучающийся;Код;Подгруппа;Зачислен;Выбыл")
        load = try t("нагрузка.csv", "Группа;Подгруппа;Предмет;Преподаватель;Часов в неделю;Часов в год")
        plan = try t("ктп.csv", "Группа;Предмет;№;Тема;Часов;Вид занятия;Дата по плану")
        let topicEntered = otherFormats ? "Дата внесения темы;Время внесения темы" : "Тема внесена"
        lessons = try t("занятия.csv", "Группа;Подгруппа;Предмет;Дата;Урок №;Начало;Окончание;Учитель по расписанию;Провёл;Замена отмечена;Тема;Вид занятия;Домашнее задание;Запись создана;\(topicEntered);ДЗ внесено;Внёс")
        marks = try t("отметки.csv", "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Вид работы;"
                      + (otherFormats ? "Дата выставления;Время выставления" : "Внесено") + ";Внёс;Подгруппа")
        periodMarks = try t("итоговые.csv", "Группа;Предмет;Обучающийся;Период;Значение;Внесено;Внёс")
        changes = try t("изменения.csv", Self.changesHeader)
        truth = try GroundTruthWriter(path: folder + "/ground_truth.csv")
        small = [groups, students, load, plan, lessons, marks, periodMarks, changes]
        if spellings {
            marks.spellings = Spellings.marks
            lessons.spellings = Spellings.lessons
            periodMarks.spellings = Spellings.periodMarks
            changes.spellings = Spellings.changes
        }
        if unnumberedMarks { marks.spellings[3] = { _ in "" } }
        if otherFormats {
            marks.splitAtSpace = [7]
            lessons.splitAtSpace = [14]
            let dot: @Sendable (String) -> String = { $0.replacingOccurrences(of: ":", with: ".") }
            lessons.spellings[5] = dot
            lessons.spellings[6] = dot
        }
        if decimalMarks {
            let decimal: @Sendable (String) -> String = { v in !v.isEmpty && v.allSatisfy(\.isASCII) && Int(v) != nil ? v + ".0" : v }
            marks.spellings[5] = decimal
            periodMarks.spellings[4] = decimal
        }
    }

    /// Writes the institution, calendar, periods and bells tables (small, written at once).
    static func writeHeaderTables(folder: String, plan: InstitutionPlan, text: TextCache) throws -> [TableWriter] {
        let inst = try TableWriter(path: folder + "/учреждение.csv", header: ["Параметр", "Значение"])
        inst.row(["Наименование", plan.name])
        inst.row(["Тип", plan.kind.rawValue])
        inst.row(["Часовой пояс", plan.timeZone])
        inst.row(["Учебная неделя", "\(plan.year.calendar.studyWeekDays)"])
        inst.row(["Директор", plan.director])
        inst.row(["Заместитель директора", plan.deputy])
        let cal = try TableWriter(path: folder + "/календарь.csv", header: ["Вид", "Начало", "Окончание", "Название"])
        for h in plan.year.calendar.holidays { cal.row(["каникулы", text.date(h.start), text.date(h.end), h.name]) }
        for d in plan.year.publicHolidays { cal.row(["праздник", text.date(d), text.date(d), "нерабочий праздничный день"]) }
        let periods = try TableWriter(path: folder + "/периоды.csv", header: ["Период", "Вид", "Начало", "Окончание"])
        for p in plan.year.calendar.periods {
            periods.row([p.name, p.kind.rawValue, text.date(p.start), text.date(p.end)])
        }
        let bells = try TableWriter(path: folder + "/звонки.csv", header: ["Урок №", "Начало", "Окончание"])
        for b in plan.year.calendar.bells { bells.row(["\(b.number)", text.time(b.start), text.time(b.end)]) }
        let all = [inst, cal, periods, bells]
        for w in all { try w.close() }
        return all
    }

    var all: [TableWriter] { small }

    func close() throws {
        for w in small { try w.close() }
        try truth.close()
    }
}
