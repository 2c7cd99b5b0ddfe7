/// Every scope, field and function rules may use: the single source for the checker, the engine
/// (which must provide a getter for each field — a test holds them equal), `rules fields` and
/// the reference tables in rules/README.md (compared by a test).
public enum FieldRegistry {
    public static let scopes: [ScopeInfo] = [
        ScopeInfo(name: "lessons", entity: .lesson, description: "уроки (занятия)"),
        ScopeInfo(name: "cells", entity: .cell, description: "все клетки журнала (ученик × урок)"),
        ScopeInfo(name: "marks", entity: .cell, description: "клетки, в которых есть отметка"),
        ScopeInfo(name: "absences", entity: .cell, description: "клетки с пропуском («н», в том числе вместе с отметкой)"),
        ScopeInfo(name: "period_marks", entity: .periodMark, description: "отметки за период (четвертные, полугодовые, годовые, итоговые)"),
        ScopeInfo(name: "plan_items", entity: .planItem, description: "строки КТП"),
        ScopeInfo(name: "changes", entity: .change, description: "записи истории изменений"),
        ScopeInfo(name: "student_subject_period", entity: .span, description: "ученик × предмет × учебный период"),
        ScopeInfo(name: "group_subject_month", entity: .groupMonth, description: "класс (группа) × предмет × календарный месяц"),
    ]

    static let times = "время начала и окончания уроков или расписание звонков"

    public static let fields: [Entity: [FieldInfo]] = [
        .lesson: [
            f("date", .date, "дата урока"),
            f("number", .number, "номер урока в расписании дня", "номера уроков"),
            f("start_at", .dateTime, "начало урока (время из выгрузки, иначе по расписанию звонков)", times),
            f("end_at", .dateTime, "окончание урока (время из выгрузки, иначе по расписанию звонков)", times),
            f("group_day_end", .dateTime, "окончание последнего урока этой группы в этот день", times),
            f("group", .ref(.group), "класс (группа)"),
            f("subject", .ref(.subject), "предмет"),
            f("teacher", .ref(.teacher), "учитель, проводивший урок", "учитель, проводивший урок"),
            f("scheduled_teacher", .ref(.teacher), "учитель по расписанию", "учитель по расписанию"),
            f("is_substitution", .bool, "урок провёл не учитель по расписанию", "учитель по расписанию"),
            f("substitution_entered_at", .dateTime, "когда замена отмечена в журнале", "время отметки о замене"),
            f("topic", .text, "тема урока", "темы уроков"),
            f("lesson_kind", .text, "вид занятия (урок, ПЗ, ЛР, КР…)", "виды занятий"),
            f("homework", .text, "домашнее задание", "домашние задания"),
            f("recorded_at", .dateTime, "когда создана запись урока", "время создания записи урока"),
            f("topic_entered_at", .dateTime, "когда внесена тема", "время внесения темы"),
            f("homework_entered_at", .dateTime, "когда внесено домашнее задание", "время внесения домашнего задания"),
            f("period", .ref(.period), "учебный период, в который попадает урок", "учебные периоды"),
            f("ordinal", .number, "порядковый номер урока группы по предмету (1, 2, …)"),
            f("plan_topic", .text, "тема КТП с тем же порядковым номером", "КТП"),
            f("cells", .list(.cell), "клетки этого урока"),
            f("marks", .list(.cell), "клетки урока с отметками"),
            f("absences", .list(.cell), "клетки урока с пропусками"),
        ],
        .cell: [
            f("lesson", .ref(.lesson), "урок"),
            f("date", .date, "дата урока"),
            f("student", .ref(.student), "ученик"),
            f("group", .ref(.group), "класс (группа) урока"),
            f("subject", .ref(.subject), "предмет урока"),
            f("teacher", .ref(.teacher), "учитель, отвечающий за урок", "учитель урока"),
            f("value", .text, "содержимое клетки, как его ввёл учитель"),
            f("kind", .text, "вид значения: `отметка`, `двойная`, `н`, `н_и_отметка`, `осв`, `н/а`, `зач`, `незач`, `безотм`, `отметка_со_знаком` («4-», «5+», «5!»), `нераспознано`"),
            f("mark", .number, "первая отметка (1–5)"),
            f("second_mark", .number, "вторая отметка двойной отметки"),
            f("modifier", .text, "знак при отметке: `+`, `-` или `!` («4-», «5+», «5!»); пусто, если знака нет"),
            f("has_mark", .bool, "в клетке есть отметка"),
            f("is_absence", .bool, "в клетке есть «н»"),
            f("work_type", .text, "вид работы (устный ответ, контрольная работа…)", "виды работ у отметок"),
            f("entered_at", .dateTime, "когда значение введено", "время выставления отметок"),
            f("entered_by", .ref(.teacher), "кто ввёл", "кто выставил отметку"),
            f("later_marks", .list(.cell), "отметки этого ученика по этому предмету в более поздние дни, по дате"),
            f("earlier_marks", .list(.cell), "отметки этого ученика по этому предмету в более ранние дни, по дате"),
        ],
        .periodMark: [
            f("student", .ref(.student), "ученик"),
            f("subject", .ref(.subject), "предмет"),
            f("group", .ref(.group), "класс (группа) ученика"),
            f("period", .ref(.period), "учебный период", "учебные периоды"),
            f("period_name", .text, "название периода, как в выгрузке"),
            f("value", .text, "значение, как введено"),
            f("kind", .text, "вид значения (как у клетки)"),
            f("mark", .number, "отметка (1–5)"),
            f("entered_at", .dateTime, "когда выставлена", "время выставления отметок за период"),
            f("marks", .list(.cell), "текущие отметки ученика по предмету за период", "учебные периоды"),
            f("absences", .list(.cell), "пропуски ученика по предмету за период", "учебные периоды"),
            f("lessons", .list(.lesson), "уроки группы по предмету за период", "учебные периоды"),
        ],
        .planItem: [
            f("group", .ref(.group), "класс (группа)"),
            f("subject", .ref(.subject), "предмет"),
            f("ordinal", .number, "номер по порядку"),
            f("topic", .text, "тема по плану"),
            f("hours", .number, "часы"),
            f("lesson_kind", .text, "вид занятия по плану", "виды занятий в КТП"),
            f("planned_date", .date, "плановая дата", "плановые даты КТП"),
            f("lesson", .ref(.lesson), "проведённый урок с тем же порядковым номером"),
        ],
        .change: [
            f("target", .text, "что изменено: `отметка`, `итоговая`, `тема`, `дз`, `урок`"),
            f("lesson", .ref(.lesson), "урок, к которому относится изменение"),
            f("date", .date, "дата урока (если известен урок)"),
            f("student", .ref(.student), "ученик"),
            f("subject", .ref(.subject), "предмет"),
            f("group", .ref(.group), "класс (группа)"),
            f("old_value", .text, "значение до изменения"),
            f("new_value", .text, "значение после изменения"),
            f("placed_at", .dateTime, "когда было выставлено исходное значение", "время выставления исходных значений в истории изменений"),
            f("changed_at", .dateTime, "когда сделано изменение", "время изменений в истории изменений"),
            f("changed_by", .ref(.teacher), "кто изменил", "автор изменений"),
        ],
        .span: [
            f("student", .ref(.student), "ученик"),
            f("subject", .ref(.subject), "предмет"),
            f("group", .ref(.group), "класс (группа)"),
            f("period", .ref(.period), "учебный период (для месяца — период, в который попадает начало месяца)", "учебные периоды"),
            f("start", .date, "начало отрезка"),
            f("end", .date, "конец отрезка"),
            f("weekly_hours", .number, "часов в неделю по нагрузке", "учебная нагрузка (часов в неделю)"),
            f("marks", .list(.cell), "отметки ученика по предмету за отрезок"),
            f("absences", .list(.cell), "пропуски ученика по предмету за отрезок"),
            f("lessons", .list(.lesson), "уроки группы по предмету за отрезок, на которых ученик числился"),
        ],
        .groupMonth: [
            f("group", .ref(.group), "класс (группа)"),
            f("subject", .ref(.subject), "предмет"),
            f("start", .date, "первый день месяца"),
            f("end", .date, "последний день месяца"),
            f("weekly_hours", .number, "часов в неделю по нагрузке", "учебная нагрузка (часов в неделю)"),
            f("students", .list(.span), "ученики группы за месяц"),
            f("lessons", .list(.lesson), "уроки за месяц"),
            f("marks", .list(.cell), "отметки за месяц"),
        ],
        .group: [
            f("name", .text, "название («7б», «ИС-21»)"),
            f("grade", .number, "номер класса (курса)", "номера классов"),
            f("curator", .text, "классный руководитель (куратор)", "классные руководители"),
        ],
        .student: [
            f("name", .text, "ФИО"),
            f("code", .text, "код обучающегося", "коды обучающихся"),
            f("enrolled", .date, "дата зачисления", "даты зачисления"),
            f("left", .date, "дата выбытия", "даты выбытия"),
            f("in_group_from", .date, "с какой даты обучающийся в классе (группе): дата зачисления из выгрузки, иначе дата его первой записи в журнале (отметки или пропуска по любому предмету)"),
            f("in_group_to", .date, "до какой даты обучающийся в классе (группе): дата выбытия из выгрузки, иначе дата его последней записи в журнале (по любому предмету)"),
        ],
        .teacher: [
            f("name", .text, "ФИО"),
            f("position", .text, "должность", "должности учителей"),
        ],
        .subject: [f("name", .text, "название")],
        .period: [
            f("name", .text, "название («1 четверть»)"),
            f("kind", .text, "вид: `четверть`, `триместр`, `полугодие`, `семестр`, `год`"),
            f("start", .date, "первый день"),
            f("end", .date, "последний день"),
        ],
    ]

    public static let globals: [FieldInfo] = [
        f("data_end", .date, "дата момента, на который проверяется журнал (`--as-of`, по умолчанию — последняя запись в данных)"),
        f("data_start", .date, "дата первого урока в журнале"),
        f("institution_kind", .text, "вид организации: `школа` или `колледж` (из выгрузки; по умолчанию — школа)"),
    ]

    public static let functions: [FunctionInfo] = [
        FunctionInfo(name: "end_of_day", signature: "end_of_day(дата)", result: "момент", description: "24:00 этой даты (00:00 следующего дня)"),
        FunctionInfo(name: "start_of_day", signature: "start_of_day(дата)", result: "момент", description: "00:00 этой даты"),
        FunctionInfo(name: "date_of", signature: "date_of(момент)", result: "дата", description: "дата момента времени"),
        FunctionInfo(name: "days_between", signature: "days_between(дата, дата)", result: "число", description: "календарных дней от первой даты до второй"),
        FunctionInfo(name: "working_days_between", signature: "working_days_between(дата, дата)", result: "число", description: "рабочих дней после первой даты до второй включительно"),
        FunctionInfo(name: "length", signature: "length(текст)", result: "число", description: "длина текста в символах"),
        FunctionInfo(name: "lower", signature: "lower(текст)", result: "текст", description: "текст строчными буквами"),
        FunctionInfo(name: "mostly_cyrillic", signature: "mostly_cyrillic(текст)", result: "логическое", description: "больше половины букв — кириллица"),
        FunctionInfo(name: "similarity", signature: "similarity(текст, текст)", result: "процент", description: "похожесть двух текстов по словам (0–100 %), без учёта регистра и знаков"),
        FunctionInfo(name: "has", signature: "has(x)", result: "логическое", description: "значение есть (не пусто); никогда не «неизвестно»"),
        FunctionInfo(name: "coalesce", signature: "coalesce(x, y)", result: "как x", description: "x, если оно есть, иначе y"),
    ]

    public static func field(_ e: Entity, _ name: String) -> FieldInfo? { fields[e]?.first { $0.name == name } }
    public static func scope(_ name: String) -> ScopeInfo? { scopes.first { $0.name == name } }

    static func f(_ n: String, _ t: VType, _ d: String, _ r: String? = nil) -> FieldInfo {
        FieldInfo(name: n, type: t, description: d, requires: r)
    }
}
