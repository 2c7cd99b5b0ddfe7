import JournalModel
import RuleLanguage

/// Whether the journal carries a field at all: a rule reading a field absent from the whole
/// journal is «не проверено», never «соблюдено».
enum Presence {
    static func has(_ k: FieldKey, _ j: Journal) -> Bool {
        let anyLesson: ((Lesson) -> Bool) -> Bool = { p in j.lessons.contains(where: p) }
        switch (k.entity, k.name) {
        case (.lesson, "number"): return anyLesson { $0.number != nil }
        case (.lesson, "start_at"):
            return anyLesson { $0.start != nil } || (!j.calendar.bells.isEmpty && anyLesson { $0.number != nil })
        case (.lesson, "end_at"), (.lesson, "group_day_end"):
            return anyLesson { $0.end != nil } || (!j.calendar.bells.isEmpty && anyLesson { $0.number != nil })
        case (.lesson, "teacher"): return anyLesson { $0.teacher != nil }
        case (.lesson, "scheduled_teacher"): return anyLesson { $0.scheduledTeacher != nil }
        case (.lesson, "is_substitution"): return anyLesson { $0.scheduledTeacher != nil && $0.teacher != nil }
        case (.lesson, "substitution_entered_at"): return anyLesson { $0.substitutionEnteredAt != nil }
        case (.lesson, "topic"): return anyLesson { !($0.topic ?? "").isEmpty }
        case (.lesson, "lesson_kind"): return anyLesson { !($0.lessonKind ?? "").isEmpty }
        case (.lesson, "homework"): return anyLesson { !($0.homework ?? "").isEmpty }
        case (.lesson, "recorded_at"): return anyLesson { $0.recordedAt != nil }
        case (.lesson, "topic_entered_at"): return anyLesson { $0.topicEnteredAt != nil }
        case (.lesson, "homework_entered_at"): return anyLesson { $0.homeworkEnteredAt != nil }
        case (.lesson, "plan_topic"): return !j.plan.isEmpty
        case (.cell, "teacher"): return anyLesson { $0.responsibleTeacher != nil }
        case (.cell, "work_type"): return j.cells.contains { !($0.workType ?? "").isEmpty }
        case (.cell, "entered_at"): return j.cells.contains { $0.enteredAt != nil }
        case (.cell, "entered_by"): return j.cells.contains { $0.enteredBy != nil }
        case (.periodMark, "entered_at"): return j.periodMarks.contains { $0.enteredAt != nil }
        case (_, "period"), (.periodMark, "marks"), (.periodMark, "absences"), (.periodMark, "lessons"):
            return !j.calendar.periods.isEmpty
        case (.planItem, "lesson_kind"): return j.plan.contains { !($0.lessonKind ?? "").isEmpty }
        case (.planItem, "planned_date"): return j.plan.contains { $0.plannedDate != nil }
        case (.change, "placed_at"): return j.changes.contains { $0.placedAt != nil }
        case (.change, "changed_at"): return j.changes.contains { $0.changedAt != nil }
        case (.change, "changed_by"): return j.changes.contains { $0.changedBy != nil }
        case (_, "weekly_hours"): return !j.load.isEmpty
        case (.group, "grade"): return j.groups.contains { $0.grade != nil }
        case (.group, "curator"): return j.groups.contains { $0.curator != nil }
        case (.student, "code"): return j.students.contains { $0.code != nil }
        case (.student, "enrolled"): return j.students.contains { $0.enrolled != nil }
        case (.student, "left"): return j.students.contains { $0.left != nil }
        case (.teacher, "position"): return j.teachers.contains { $0.position != nil }
        default: return true
        }
    }

    /// Russian names of the data a rule needs and the journal lacks entirely.
    static func missing(_ rule: CheckedRule, _ j: Journal, cache: inout [FieldKey: Bool]) -> [String] {
        var out: [String] = []
        for k in rule.fieldsRead.sorted() {
            guard let info = FieldRegistry.field(k.entity, k.name), let what = info.requires else { continue }
            let present = cache[k] ?? has(k, j)
            cache[k] = present
            if !present && !out.contains(what) { out.append(what) }
        }
        return out
    }
}
