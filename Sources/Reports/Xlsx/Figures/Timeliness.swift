import JournalModel

/// Timeliness by ISO week: the share of marks, topics and homework entered by the end of the
/// lesson day, counted over entries that carry an entry time.
///
///     let weeks = Timeliness.byWeek(scope)
///     weeks.first?.total.share   // 0.93
struct WeekTimeliness: Equatable {
    var weekStart: LocalDate
    var marks = OnTimeCount()
    var topics = OnTimeCount()
    var homework = OnTimeCount()
    var total: OnTimeCount { marks + topics + homework }

    /// «01.09–07.09.2025».
    var label: String {
        let end = weekStart.adding(days: 6)
        let s = weekStart.description
        return String(s.prefix(5)) + "–" + end.description
    }
}

enum Timeliness {
    /// Every week from the first to the last checked date, including weeks without entries.
    static func byWeek(_ scope: ReportScope) -> [WeekTimeliness] {
        let j = scope.journal
        var weeks: [Int32: WeekTimeliness] = [:]
        for id in scope.lessons {
            let l = j.lesson(id)
            let w = l.date.weekStart
            var entry = weeks[w.dayNumber] ?? WeekTimeliness(weekStart: w)
            add(lesson: l, id: id, scope: scope, to: &entry.marks, &entry.topics, &entry.homework)
            weeks[w.dayNumber] = entry
        }
        guard let first = scope.from?.weekStart ?? weeks.keys.min().map({ LocalDate(dayNumber: $0) }),
              let last = scope.to?.weekStart ?? weeks.keys.max().map({ LocalDate(dayNumber: $0) }),
              first <= last else { return [] }
        var out: [WeekTimeliness] = []
        var w = first
        while w <= last {
            out.append(weeks[w.dayNumber] ?? WeekTimeliness(weekStart: w))
            w = w.adding(days: 7)
        }
        return out
    }

    /// Adds one lesson's timestamped entries: marks in its cells, its topic and homework.
    static func add(lesson l: Lesson, id: LessonID, scope: ReportScope,
                    to marks: inout OnTimeCount, _ topics: inout OnTimeCount, _ homework: inout OnTimeCount) {
        for ci in scope.cellsByLesson[Int(id)] {
            let c = scope.journal.cells[ci]
            if c.value.hasMark { marks.add(EntryTiming.onTime(c.enteredAt, lessonDate: l.date)) }
        }
        if EntryTiming.hasText(l.topic) { topics.add(EntryTiming.onTime(l.topicEnteredAt, lessonDate: l.date)) }
        if EntryTiming.hasText(l.homework) {
            homework.add(EntryTiming.onTime(l.homeworkEnteredAt, lessonDate: l.date))
        }
    }
}
