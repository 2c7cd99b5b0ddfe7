import JournalModel
import RuleLanguage

/// The getter behind every field of `FieldRegistry` (a test checks both lists are equal).
enum FieldGetters {
    static let all: [FieldKey: Getter] = {
        var m: [FieldKey: Getter] = [:]
        for (k, g) in lessonGetters { m[FieldKey(.lesson, k)] = g }
        for (k, g) in cellGetters { m[FieldKey(.cell, k)] = g }
        for (k, g) in periodMarkGetters { m[FieldKey(.periodMark, k)] = g }
        for (k, g) in otherGetters { m[k] = g }
        return m
    }()

    static func lesson(_ r: Ref, _ e: Env) -> Lesson { e.journal.lessons[Int(r.i)] }
    static func t(_ s: Int64) -> Value { s == .min ? .null : .time(s) }
    static func ref(_ k: Entity, _ i: Int32?) -> Value { i.map { .ref(Ref(kind: k, i: $0)) } ?? .null }

    static let lessonGetters: [String: Getter] = [
        "date": { r, e in .date(lesson(r, e).date.dayNumber) },
        "number": { r, e in Value.opt(lesson(r, e).number) { .num(Double($0)) } },
        "start_at": { r, e in t(e.ix.lessonStart[Int(r.i)]) },
        "end_at": { r, e in t(e.ix.lessonEnd[Int(r.i)]) },
        "group_day_end": { r, e in t(e.ix.groupDayEnd[Int(r.i)]) },
        "group": { r, e in ref(.group, lesson(r, e).group) },
        "subject": { r, e in ref(.subject, lesson(r, e).subject) },
        "teacher": { r, e in ref(.teacher, lesson(r, e).teacher) },
        "scheduled_teacher": { r, e in ref(.teacher, lesson(r, e).scheduledTeacher) },
        "is_substitution": { r, e in
            let l = lesson(r, e)
            guard let a = l.teacher, let b = l.scheduledTeacher else { return .null }
            return .bool(a != b)
        },
        "substitution_entered_at": { r, e in Value.opt(lesson(r, e).substitutionEnteredAt) { .time($0.seconds) } },
        "topic": { r, e in Value.text(lesson(r, e).topic) },
        "lesson_kind": { r, e in Value.text(lesson(r, e).lessonKind) },
        "homework": { r, e in Value.text(lesson(r, e).homework) },
        "recorded_at": { r, e in Value.opt(lesson(r, e).recordedAt) { .time($0.seconds) } },
        "topic_entered_at": { r, e in Value.opt(lesson(r, e).topicEnteredAt) { .time($0.seconds) } },
        "homework_entered_at": { r, e in Value.opt(lesson(r, e).homeworkEnteredAt) { .time($0.seconds) } },
        "period": { r, e in let p = e.ix.lessonPeriod[Int(r.i)]; return p < 0 ? .null : .ref(Ref(kind: .period, i: p)) },
        "ordinal": { r, e in .num(Double(e.ix.lessonOrdinal[Int(r.i)])) },
        "plan_topic": { r, e in
            let l = lesson(r, e)
            guard let p = e.ix.planByKey[JournalIndex.key3(l.group, l.subject, e.ix.lessonOrdinal[Int(r.i)])] else { return .null }
            return Value.text(e.journal.plan[Int(p)].topic)
        },
        "cells": { r, e in .list(e.ix.cells(ofLesson: r.i).map { Ref(kind: .cell, i: $0) }) },
        "marks": { r, e in .list(e.ix.cells(ofLesson: r.i).filter { e.journal.cells[Int($0)].value.hasMark }.map { Ref(kind: .cell, i: $0) }) },
        "absences": { r, e in .list(e.ix.cells(ofLesson: r.i).filter { e.journal.cells[Int($0)].value.isAbsence }.map { Ref(kind: .cell, i: $0) }) },
    ]

    static func cell(_ r: Ref, _ e: Env) -> Cell { e.journal.cells[Int(r.i)] }
    static func cellLesson(_ r: Ref, _ e: Env) -> Lesson { e.journal.lessons[Int(e.journal.cells[Int(r.i)].lesson)] }

    static func marks(_ e: Env, student: Int32, subject: Int32, from: Int32, to: Int32) -> Value {
        .list(e.ix.slice(e.ix.marksBySS[JournalIndex.key(student, subject)], from: from, to: to))
    }

    static let cellGetters: [String: Getter] = [
        "lesson": { r, e in .ref(Ref(kind: .lesson, i: cell(r, e).lesson)) },
        "date": { r, e in .date(cellLesson(r, e).date.dayNumber) },
        "student": { r, e in .ref(Ref(kind: .student, i: cell(r, e).student)) },
        "group": { r, e in .ref(Ref(kind: .group, i: cellLesson(r, e).group)) },
        "subject": { r, e in .ref(Ref(kind: .subject, i: cellLesson(r, e).subject)) },
        "teacher": { r, e in ref(.teacher, cellLesson(r, e).responsibleTeacher) },
        "value": { r, e in .text(cell(r, e).value.raw) },
        "kind": { r, e in .text(cell(r, e).value.kind.ruleName) },
        "mark": { r, e in Value.opt(cell(r, e).value.first) { .num(Double($0.value)) } },
        "second_mark": { r, e in Value.opt(cell(r, e).value.second) { .num(Double($0.value)) } },
        "has_mark": { r, e in .bool(cell(r, e).value.hasMark) },
        "is_absence": { r, e in .bool(cell(r, e).value.isAbsence) },
        "work_type": { r, e in Value.text(cell(r, e).workType) },
        "entered_at": { r, e in Value.opt(cell(r, e).enteredAt) { .time($0.seconds) } },
        "entered_by": { r, e in ref(.teacher, cell(r, e).enteredBy) },
        "later_marks": { r, e in
            let c = cell(r, e), l = cellLesson(r, e)
            let list = e.ix.marksBySS[JournalIndex.key(c.student, l.subject)] ?? []
            let k = Int64(l.date.dayNumber) * 100 + Int64(l.number ?? 0)
            return .list(list.filter {
                let o = e.journal.lessons[Int(e.journal.cells[Int($0)].lesson)]
                return Int64(o.date.dayNumber) * 100 + Int64(o.number ?? 0) > k && o.date.dayNumber > l.date.dayNumber
            }.map { Ref(kind: .cell, i: $0) })
        },
        "earlier_marks": { r, e in
            let c = cell(r, e), l = cellLesson(r, e)
            let list = e.ix.marksBySS[JournalIndex.key(c.student, l.subject)] ?? []
            return .list(list.filter { e.ix.date(ofCell: $0) < l.date.dayNumber }.map { Ref(kind: .cell, i: $0) })
        },
    ]

    static func pm(_ r: Ref, _ e: Env) -> PeriodMark { e.journal.periodMarks[Int(r.i)] }
    static func pmSpan(_ r: Ref, _ e: Env) -> (Int32, Int32)? {
        guard let p = pm(r, e).period, Int(p) < e.journal.calendar.periods.count else { return nil }
        let per = e.journal.calendar.periods[Int(p)]
        return (per.start.dayNumber, per.end.dayNumber)
    }

    static let periodMarkGetters: [String: Getter] = [
        "student": { r, e in .ref(Ref(kind: .student, i: pm(r, e).student)) },
        "subject": { r, e in .ref(Ref(kind: .subject, i: pm(r, e).subject)) },
        "group": { r, e in .ref(Ref(kind: .group, i: e.journal.students[Int(pm(r, e).student)].group)) },
        "period": { r, e in ref(.period, pm(r, e).period) },
        "period_name": { r, e in .text(pm(r, e).periodName) },
        "value": { r, e in .text(pm(r, e).value.raw) },
        "kind": { r, e in .text(pm(r, e).value.kind.ruleName) },
        "mark": { r, e in Value.opt(pm(r, e).value.first) { .num(Double($0.value)) } },
        "entered_at": { r, e in Value.opt(pm(r, e).enteredAt) { .time($0.seconds) } },
        "marks": { r, e in
            guard let (f, t) = pmSpan(r, e) else { return .null }
            let m = pm(r, e)
            return marks(e, student: m.student, subject: m.subject, from: f, to: t)
        },
        "absences": { r, e in
            guard let (f, t) = pmSpan(r, e) else { return .null }
            let m = pm(r, e)
            return .list(e.ix.slice(e.ix.absencesBySS[JournalIndex.key(m.student, m.subject)], from: f, to: t))
        },
        "lessons": { r, e in
            guard let (f, t) = pmSpan(r, e) else { return .null }
            let m = pm(r, e)
            let s = e.journal.students[Int(m.student)]
            return .list(e.ix.lessons(group: s.group, subject: m.subject, from: f, to: t)
                .filter { s.isEnrolled(on: e.journal.lessons[Int($0.i)].date) })
        },
    ]
}
