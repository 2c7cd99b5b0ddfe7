import JournalModel

/// Turns one row of a canonical table into records. Column numbers follow the order of
/// `CanonicalTable.columns`.
enum RecordBuilder {
    static func record(_ r: RowAccess) throws -> Record {
        switch r.file.mapping.table {
        case .institution:
            let at = r.fieldIndex(1).map { r.row.location(column: $0) }
                ?? SourceLocation(file: r.row.file, line: r.row.line, column: 1)
            return .institution(InstitutionRecord(key: try r.required(0), value: try r.text(1) ?? "", location: at,
                                                  sourceLine: r.row.sourceLine))
        case .periods:
            let kindText = try r.required(1)
            guard let kind = StudyPeriod.Kind.allCases.first(where: { $0.rawValue == kindText.lowercased() }) else {
                throw RowRejection(column: 1, reason: "неизвестный вид периода «\(kindText)» (допустимо: "
                                   + StudyPeriod.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            let (start, end) = try span(r, 2, 3)
            return .period(PeriodRecord(name: try r.required(0), kind: kind, start: start, end: end))
        case .calendar:
            let kind = try r.required(0).lowercased()
            guard ["каникулы", "праздник", "выходной", "рабочий"].contains(kind) else {
                throw RowRejection(column: 0, reason: "неизвестный вид «\(kind)» (допустимо: каникулы, праздник, выходной, рабочий)")
            }
            let (start, end) = try span(r, 1, 2)
            return .holiday(HolidayRecord(kind: kind, start: start, end: end, name: try r.text(3) ?? kind))
        case .bells:
            guard let n = try r.int(0) else { throw RowRejection(column: 0, reason: "не заполнен номер урока") }
            guard let s = try r.time(1), let e = try r.time(2) else {
                throw RowRejection(column: 1, reason: "не заполнено время начала или окончания")
            }
            return .bell(BellSlot(number: n, start: s, end: e))
        case .groups:
            return .group(GroupRecord(name: try r.group(0), grade: try r.int(1), curator: try r.text(2)))
        case .students:
            return .student(StudentRecord(group: try r.group(0), name: try r.required(1), code: try r.text(2),
                                           subgroup: try r.text(3), enrolled: try r.date(4), left: try r.date(5)))
        case .load:
            guard let hours = try r.number(4) else { throw RowRejection(column: 4, reason: "не заполнено число часов в неделю") }
            return .load(LoadRecord(group: try r.group(0), subgroup: try r.text(1), subject: try r.required(2),
                                     teacher: try r.required(3), weeklyHours: hours, yearHours: try r.number(5)))
        case .plan:
            guard let n = try r.int(2) else { throw RowRejection(column: 2, reason: "не заполнен номер по порядку") }
            return .plan(PlanRecord(group: try r.group(0), subject: try r.required(1), ordinal: n, topic: try r.required(3),
                                     hours: try r.number(4) ?? 1, lessonKind: try r.text(5), plannedDate: try r.date(6)))
        case .lessons:
            var l = LessonRecord(group: try r.groupName(0), subject: try r.requiredName(2), date: try r.requiredDate(3))
            l.subgroup = try r.text(1)
            l.number = try r.int(4)
            l.start = try r.time(5)
            l.end = try r.time(6)
            l.scheduledTeacher = try r.name(7)
            l.teacher = try r.name(8)
            l.substitutionEnteredAt = try r.timestamp(9)
            l.topic = try r.text(10)
            l.lessonKind = try r.text(11)
            l.homework = try r.text(12)
            l.recordedAt = try r.timestamp(13)
            l.topicEnteredAt = try r.timestamp(14)
            l.homeworkEnteredAt = try r.timestamp(15)
            l.enteredBy = try r.name(16)
            return .lesson(l)
        case .marks:
            let value = r.file.cache.mark(try r.requiredName(5))
            return .cell(CellRecord(group: try r.groupName(0), subject: try r.requiredName(1), date: try r.requiredDate(2),
                                     number: try r.int(3), student: try r.requiredName(4), value: value,
                                     workType: try r.name(6), enteredAt: try r.timestamp(7), enteredBy: try r.name(8),
                                     subgroup: try r.name(9)))
        case .periodMarks:
            return .periodMark(PeriodMarkRecord(group: try r.groupName(0), subject: try r.requiredName(1), student: try r.requiredName(2),
                                                 period: try r.required(3), value: r.file.cache.markValue(try r.required(4)),
                                                 enteredAt: try r.timestamp(5), enteredBy: try r.name(6)))
        case .changes:
            let what = try r.required(5).lowercased()
            guard let target = Change.Target.allCases.first(where: { $0.rawValue == what }) else {
                throw RowRejection(column: 5, reason: "неизвестный вид изменения «\(what)» (допустимо: "
                                   + Change.Target.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            return .change(ChangeRecord(group: try r.group(0), subject: try r.required(1), lessonDate: try r.date(2),
                                         lessonNumber: try r.int(3), student: try r.text(4), target: target,
                                         oldValue: try r.text(6), newValue: try r.text(7), placedAt: try r.timestamp(8),
                                         changedAt: try r.timestamp(9), changedBy: try r.text(10), subgroup: try r.text(11),
                                         reason: try r.text(12)))
        }
    }

    private static func span(_ r: RowAccess, _ a: Int, _ b: Int) throws -> (LocalDate, LocalDate) {
        let start = try r.requiredDate(a), end = try r.requiredDate(b)
        guard start <= end else {
            throw RowRejection(column: b, reason: "окончание \(end) раньше начала \(start)")
        }
        return (start, end)
    }
}
