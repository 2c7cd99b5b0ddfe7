import JournalModel

/// One lesson of a series, as scheduled.
struct ScheduledLesson: Sendable {
    var date: LocalDate
    /// Index of the date in the year's study days (for day-long absences).
    var day: Int
    var number: Int
    /// Start and end, minutes of the day.
    var start: Int
    var end: Int
    /// Index into `StudyYear.terms`.
    var term: Int
    var kind: LessonKind = .lesson
    /// Running number of the work of this kind (контрольная работа № 2).
    var workNumber: Int = 0
}

enum SeriesLessons {
    /// Lessons of every series of a group, in date and lesson-number order.
    static func make(group: GroupPlan, timetable: Timetable, year: StudyYear, studyDays: [LocalDate],
                     college: Bool) -> [[ScheduledLesson]] {
        var result = Array(repeating: [ScheduledLesson](), count: group.series.count)
        let bells = year.calendar.bells
        for (dayIndex, date) in studyDays.enumerated() {
            guard let term = year.termIndex(of: date) else { continue }
            for slot in timetable.days[date.weekday - 1] {
                let bell = bells[slot.number - 1]
                for s in slot.series {
                    result[s].append(ScheduledLesson(date: date, day: dayIndex, number: slot.number,
                                                     start: Int(bell.start.seconds) / 60, end: Int(bell.end.seconds) / 60,
                                                     term: term))
                }
            }
        }
        for (s, plan) in group.series.enumerated() {
            assignKinds(&result[s], spec: plan.subject, college: college)
        }
        return result
    }

    /// Tests every 8th lesson, practical/laboratory works every 6th (offset 3), ordinary
    /// lessons (school) or lectures (college) otherwise.
    static func assignKinds(_ lessons: inout [ScheduledLesson], spec: SubjectSpec, college: Bool) {
        var counters: [Int] = [0, 0, 0, 0, 0, 0]
        for i in lessons.indices {
            let n = i + 1
            var kind: LessonKind = college ? .lecture : .lesson
            if spec.hasTests && n % 8 == 0 {
                kind = .test
            } else if let p = spec.practicalKind, n % 6 == 3 {
                kind = p == Curriculum.lab ? .laboratory : (p == Curriculum.practice ? .practical : .practiceSession)
            }
            let slot: Int
            switch kind {
            case .lesson: slot = 0
            case .test: slot = 1
            case .practical: slot = 2
            case .laboratory: slot = 3
            case .lecture: slot = 4
            case .practiceSession: slot = 5
            }
            counters[slot] += 1
            lessons[i].kind = kind
            lessons[i].workNumber = counters[slot]
        }
    }
}
