import JournalModel
import RuleLanguage

/// The getter behind every field of `FieldRegistry` (a test checks both lists are equal).
enum FieldGetters {
    /// A getter in a struct, so that it is stored at its own abstraction: a closure stored in a
    /// dictionary of closures is stored for any generic caller (its arguments and result passed
    /// indirectly), and every call of it taken out again went through two reabstraction thunks.
    /// Every getter map holds boxes from the start; none holds bare closures.
    struct Box: Sendable {
        let get: Getter
        init(_ get: @escaping Getter) { self.get = get }
    }

    static let all: [FieldKey: Box] = {
        var m: [FieldKey: Box] = [:]
        for (k, b) in lessonGetters { m[FieldKey(.lesson, k)] = b }
        for (k, b) in cellGetters { m[FieldKey(.cell, k)] = b }
        for (k, b) in periodMarkGetters { m[FieldKey(.periodMark, k)] = b }
        for map in [otherGetters, neighbourGetters, whoGetters, planFactGetters] {
            for (k, b) in map { m[k] = b }
        }
        return m
    }()

    static func lesson(_ r: Ref, _ e: Env) -> Lesson { e.journal.lessons[Int(r.i)] }
    static func t(_ s: Int64) -> Value { s == .min ? .null : .time(s) }
    static func ref(_ k: Entity, _ i: Int32?) -> Value { i.map { .ref(Ref(kind: k, i: $0)) } ?? .null }
    static func mark(_ m: Int8) -> Value { m == JournalIndex.noMark ? .null : .num(Double(m)) }

    static let lessonGetters: [String: Box] = [
        "date": Box { r, e in .date(e.journal.lessons[Int(r.i)].date.dayNumber) },
        "number": Box { r, e in Value.opt(e.journal.lessons[Int(r.i)].number) { .num(Double($0)) } },
        "start_at": Box { r, e in t(e.ix.lessonStart[Int(r.i)]) },
        "end_at": Box { r, e in t(e.ix.lessonEnd[Int(r.i)]) },
        "group_day_end": Box { r, e in
            // The group's last lesson ends the day only when the journal shows the group's
            // day (lessons of two subjects or more); else the bell schedule's last slot does.
            let l = e.journal.lessons[Int(r.i)]
            let own = e.ix.groupDayEnd[Int(r.i)]
            if (e.nb.subjectsOnDay[JournalIndex.key(l.group, l.date.dayNumber)] ?? 0) >= 2 { return t(own) }
            guard let bell = e.nb.lastBell else { return .null }
            return .time(max(own, Int64(l.date.dayNumber) * 86_400 + bell))
        },
        "group": Box { r, e in ref(.group, e.journal.lessons[Int(r.i)].group) },
        "subject": Box { r, e in ref(.subject, e.journal.lessons[Int(r.i)].subject) },
        "teacher": Box { r, e in ref(.teacher, e.journal.lessons[Int(r.i)].teacher) },
        "scheduled_teacher": Box { r, e in ref(.teacher, e.journal.lessons[Int(r.i)].scheduledTeacher) },
        "is_substitution": Box { r, e in
            let l = lesson(r, e)
            guard let a = l.teacher, let b = l.scheduledTeacher else { return .null }
            return .bool(a != b)
        },
        "substitution_entered_at": Box { r, e in Value.moment(e.journal.lessons[Int(r.i)].substitutionEnteredAt) },
        "topic": Box { r, e in Value.text(e.journal.lessons[Int(r.i)].topic) },
        "lesson_kind": Box { r, e in Value.text(e.journal.lessons[Int(r.i)].lessonKind) },
        "homework": Box { r, e in Value.text(e.journal.lessons[Int(r.i)].homework) },
        "recorded_at": Box { r, e in Value.moment(e.journal.lessons[Int(r.i)].recordedAt) },
        "topic_entered_at": Box { r, e in Value.moment(e.journal.lessons[Int(r.i)].topicEnteredAt) },
        "homework_entered_at": Box { r, e in Value.moment(e.journal.lessons[Int(r.i)].homeworkEnteredAt) },
        "period": Box { r, e in let p = e.ix.lessonPeriod[Int(r.i)]; return p < 0 ? .null : .ref(Ref(kind: .period, i: p)) },
        "ordinal": Box { r, e in .num(Double(e.ix.lessonOrdinal[Int(r.i)])) },
        "plan_topic": Box { r, e in
            let l = lesson(r, e)
            guard let p = e.ix.planByKey[JournalIndex.key3(l.group, l.subject, e.ix.lessonOrdinal[Int(r.i)])] else { return .null }
            return Value.text(e.journal.plan[Int(p)].topic)
        },
        "cells": Box { r, e in .list(e.ix.cells(ofLesson: r.i).map { Ref(kind: .cell, i: $0) }) },
        "marks": Box { r, e in .list(e.ix.cells(ofLesson: r.i).filter { e.ix.hasMark($0) }.map { Ref(kind: .cell, i: $0) }) },
        "absences": Box { r, e in .list(e.ix.cells(ofLesson: r.i).filter { e.ix.isAbsence($0) }.map { Ref(kind: .cell, i: $0) }) },
    ]

    static func cell(_ r: Ref, _ e: Env) -> Cell { e.journal.cells[Int(r.i)] }
    static func cellLesson(_ r: Ref, _ e: Env) -> Lesson { e.journal.lessons[Int(e.journal.cells[Int(r.i)].lesson)] }

    static let cellGetters: [String: Box] = [
        "lesson": Box { r, e in .ref(Ref(kind: .lesson, i: e.journal.cells[Int(r.i)].lesson)) },
        // The lesson's date, kept by cell in the index (one small array instead of two records).
        "date": Box { r, e in .date(e.ix.cellDay[Int(r.i)]) },
        "student": Box { r, e in .ref(Ref(kind: .student, i: e.journal.cells[Int(r.i)].student)) },
        "group": Box { r, e in .ref(Ref(kind: .group, i: e.journal.lessons[Int(e.journal.cells[Int(r.i)].lesson)].group)) },
        "subject": Box { r, e in .ref(Ref(kind: .subject, i: e.journal.lessons[Int(e.journal.cells[Int(r.i)].lesson)].subject)) },
        "teacher": Box { r, e in ref(.teacher, e.journal.lessons[Int(e.journal.cells[Int(r.i)].lesson)].responsibleTeacher) },
        "value": Box { r, e in .text(e.journal.cells[Int(r.i)].value.raw) },
        "kind": Box { r, e in .text(e.journal.cells[Int(r.i)].value.kind.ruleName) },
        // The marks, from the index's one-byte copies (`JournalIndex.cellFirstMark`).
        "mark": Box { r, e in mark(e.ix.cellFirstMark[Int(r.i)]) },
        "second_mark": Box { r, e in mark(e.ix.cellSecondMark[Int(r.i)]) },
        "modifier": Box { r, e in Value.text(e.journal.cells[Int(r.i)].value.modifier) },
        "has_mark": Box { r, e in .bool(e.ix.hasMark(r.i)) },
        "is_absence": Box { r, e in .bool(e.ix.isAbsence(r.i)) },
        "work_type": Box { r, e in Value.text(e.journal.cells[Int(r.i)].workType) },
        "entered_at": Box { r, e in Value.moment(e.journal.cells[Int(r.i)].enteredAt) },
        "entered_by": Box { r, e in ref(.teacher, e.journal.cells[Int(r.i)].enteredBy) },
        "later_marks": Box { r, e in
            // Marks of the student and subject on later days: the tail of the date-sorted list.
            let c = e.journal.cells[Int(r.i)]
            let l = e.journal.lessons[Int(c.lesson)]
            let list = e.ix.marksBySS[JournalIndex.key(c.student, l.subject)] ?? []
            let lo = e.ix.position(in: list, day: l.date.dayNumber, inclusive: false)
            return .list(list[lo...].map { Ref(kind: .cell, i: $0) })
        },
        "earlier_marks": Box { r, e in
            let c = cell(r, e), l = cellLesson(r, e)
            let list = e.ix.marksBySS[JournalIndex.key(c.student, l.subject)] ?? []
            let hi = e.ix.position(in: list, day: l.date.dayNumber, inclusive: true)
            return .list(list[..<hi].map { Ref(kind: .cell, i: $0) })
        },
    ]

    static func pm(_ r: Ref, _ e: Env) -> PeriodMark { e.journal.periodMarks[Int(r.i)] }
    static func pmSpan(_ r: Ref, _ e: Env) -> (Int32, Int32)? {
        guard let p = pm(r, e).period, Int(p) < e.journal.calendar.periods.count else { return nil }
        let per = e.journal.calendar.periods[Int(p)]
        return (per.start.dayNumber, per.end.dayNumber)
    }

    static let periodMarkGetters: [String: Box] = [
        "student": Box { r, e in .ref(Ref(kind: .student, i: pm(r, e).student)) },
        "subject": Box { r, e in .ref(Ref(kind: .subject, i: pm(r, e).subject)) },
        "group": Box { r, e in .ref(Ref(kind: .group, i: e.journal.students[Int(pm(r, e).student)].group)) },
        "period": Box { r, e in ref(.period, pm(r, e).period) },
        "period_name": Box { r, e in .text(pm(r, e).periodName) },
        "value": Box { r, e in .text(pm(r, e).value.raw) },
        "kind": Box { r, e in .text(pm(r, e).value.kind.ruleName) },
        "mark": Box { r, e in Value.opt(pm(r, e).value.first) { .num(Double($0.value)) } },
        "entered_at": Box { r, e in Value.moment(pm(r, e).enteredAt) },
        "marks": Box { r, e in Value.opt(pmCells(r, e, e.ix.marksBySS)) { cellRefs($0) } },
        "absences": Box { r, e in Value.opt(pmCells(r, e, e.ix.absencesBySS)) { cellRefs($0) } },
        "lessons": Box { r, e in
            var out: [Ref] = []
            return pmLessons(r, e) { out.append(Ref(kind: .lesson, i: $0)) } ? .list(out) : .null
        },
    ]
}
