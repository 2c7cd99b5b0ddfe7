import JournalModel

/// A large deterministic journal for the engine benchmark (`zhurnal rules bench`): groups of
/// 25 students, 10 subjects, lessons on working days of the first half of 2025/26, with entry
/// times, work types, topics, homework, substitutions, period marks, plan items and changes —
/// so every field the 14 required rules read is present.
public enum SyntheticJournal {
    public static func make(cells target: Int) -> Journal {
        var rng: UInt64 = 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int((rng >> 33) % UInt64(n))
        }
        func d(_ y: Int, _ m: Int, _ dd: Int) -> LocalDate { LocalDate(year: y, month: m, day: dd) ?? LocalDate(dayNumber: 0) }
        var cal = SchoolCalendar(studyWeekDays: 6)
        cal.periods = [StudyPeriod(name: "1 четверть", kind: .quarter, start: d(2025, 9, 1), end: d(2025, 10, 24)),
                       StudyPeriod(name: "2 четверть", kind: .quarter, start: d(2025, 11, 5), end: d(2025, 12, 28))]
        cal.holidays = [DateSpan(name: "осенние", start: d(2025, 10, 27), end: d(2025, 11, 4))]
        for n in 1...8 {
            let s = 8 * 60 + 30 + (n - 1) * 55
            if let a = TimeOfDay(hour: s / 60, minute: s % 60), let b = TimeOfDay(hour: (s + 45) / 60, minute: (s + 45) % 60) {
                cal.bells.append(BellSlot(number: n, start: a, end: b))
            }
        }
        var b = JournalBuilder(institution: Institution(name: "Синтетическая школа", studyWeekDays: 6), calendar: cal)
        let subjects = ["Алгебра", "Геометрия", "Русский язык", "Литература", "История", "Физика", "Химия", "Биология",
                        "География", "Английский язык"].map { b.subject($0) }
        let days = (0..<120).map { d(2025, 9, 1).adding(days: $0) }.filter { cal.isWorkingDay($0) }
        let studentsPerGroup = 25
        let lessonsPerSubject = 3 * days.count / 10
        let perGroup = studentsPerGroup * subjects.count * lessonsPerSubject
        let groupsNeeded = max(1, (target + perGroup - 1) / perGroup)
        let kinds = ["устный ответ", "самостоятельная работа", "контрольная работа", "домашняя работа"]
        // Mostly clean data with a few percent of each kind of mistake, as in real journals.
        let values = ["5", "4", "4", "3", "5", "2", "н", "4", "5", "3", "4", "5", "4", "3", "5", "4", "н", "4", "5", "3",
                      "4", "5", "3", "4", "5", "4", "2", "н", "5", "4", "3", "4", "5", "4", "3", "5", "4", "4", "5", "б", "н5"]
        for gi in 0..<groupsNeeded {
            let g = b.group("\(gi % 11 + 1)\(["а", "б", "в", "г"][gi / 11 % 4])-\(gi)")
            let teachers = subjects.indices.map { b.teacher("Учитель \(gi)-\($0)") }
            let students = (0..<studentsPerGroup).map { b.student("Ученик \(gi)-\($0)", group: g) }
            for (si, s) in subjects.enumerated() {
                b.addLoad(LoadItem(teacher: teachers[si], subject: s, group: g, weeklyHours: si % 3 == 0 ? 1 : 3))
                for n in 1...lessonsPerSubject {
                    b.addPlanItem(PlanItem(group: g, subject: s, ordinal: n, topic: "Тема \(n) по предмету"))
                }
                for k in 0..<lessonsPerSubject {
                    let day = days[(k * 10 / 3 + si) % days.count]
                    let num = (si + k) % 7 + 1
                    let start = LocalDateTime(date: day, time: cal.bells[num - 1].start)
                    let sub = next(40) == 0
                    let l = b.addLesson(Lesson(
                        group: g, subject: s, date: day, number: num, teacher: sub ? teachers[(si + 1) % 10] : teachers[si],
                        scheduledTeacher: teachers[si], substitutionEnteredAt: sub ? start.adding(seconds: Int64(next(3) * 86400)) : nil,
                        topic: next(20) == 0 ? "Контрольная работа № \(k % 4 + 1)" : "Тема \(k + 1) по предмету",
                        lessonKind: si == 5 && k % 5 == 0 ? "ПЗ" : "урок", homework: "§ \(k + 1), № \(next(300))",
                        recordedAt: start.adding(seconds: 600), topicEnteredAt: start.adding(seconds: Int64(next(7200) - 600)),
                        homeworkEnteredAt: start.adding(seconds: Int64(3600 + next(6 * 3600)))))
                    for st in students {
                        let v = gi % 11 == 0 ? (next(10) == 0 ? "н" : "зач") : values[next(values.count)]
                        let late = next(60) == 0
                        b.addCell(Cell(lesson: l, student: st, value: CellValue(parsing: v), workType: kinds[next(kinds.count)],
                                       enteredAt: start.adding(seconds: Int64(late ? 86400 + next(4 * 86400) : 3600 + next(6 * 3600))),
                                       enteredBy: teachers[si]))
                        if next(200) == 0 {
                            b.addChange(Change(target: .cell, lesson: l, student: st, subject: s, group: g, oldValue: "3",
                                               newValue: "4", placedAt: start, changedAt: start.adding(seconds: Int64(next(30) * 86400))))
                        }
                    }
                }
                for st in students {
                    for (pi, p) in cal.periods.enumerated() {
                        b.addPeriodMark(PeriodMark(student: st, subject: s, period: PeriodID(pi), periodName: p.name,
                                                   value: CellValue(parsing: next(30) == 0 ? "н/а" : "4"),
                                                   enteredAt: LocalDateTime(date: p.end.adding(days: -next(5)), time: cal.bells[0].start)))
                    }
                }
            }
        }
        return b.journal
    }
}
