import JournalModel

/// Writes one series (a subject of a group or subgroup): load, КТП, lessons with entry times
/// and injected lesson-level violations; then cells and period marks (see the extensions).
struct SeriesWriter {
    let group: GroupPlan
    let series: SeriesPlan
    let seriesIndex: Int
    let lessons: [ScheduledLesson]
    let students: [StudentPlan]
    let absent: (Int, Int) -> Bool
    let context: GroupWriter

    var text: TextCache { context.text }
    var tables: CanonicalTables { context.tables }
    var year: StudyYear { context.plan.year }
    var subject: String { series.subject.name }

    func write(rng: inout SplitMix64) throws {
        let hours = context.plan.hoursPerLesson
        tables.load.row([group.name, series.subgroup, subject, series.teacher, "\(series.weeklyHours)",
                         "\(lessons.count * hours)"])
        let topics = lessons.indices.map { i in
            TopicCatalog.topic(subject: subject, ordinal: i + 1, count: lessons.count, kind: lessons[i].kind,
                               workNumber: lessons[i].workNumber, aspect: i * 3 + subject.count)
        }
        if series.subgroup != "2" {
            for (i, l) in lessons.enumerated() {
                tables.plan.row([group.name, subject, "\(i + 1)", topics[i], "\(hours)", l.kind.title, text.date(l.date)])
            }
        }
        let legacy = series.subgroup == "2" ? nil : context.legacy
        try legacy?.beginTopics(group: group.name, subject: subject, teacher: series.teacher)
        if series.subgroup.isEmpty {
            try legacy?.beginGrid(group: group.name, subject: subject, teacher: series.teacher, year: year.year.name,
                                  dates: lessons.map(\.date), students: students.map(\.name))
        } else {
            try context.legacy?.endGrid()
        }
        let taught = writeLessons(topics: topics, legacy: legacy, rng: &rng)
        let members = students.indices.filter { series.subgroup.isEmpty || students[$0].subgroup == series.subgroup }
        let planner = MarkPlanner(lessons: lessons, students: students, members: members, terms: year.terms,
                                  floor: max(3, 2 * series.weeklyHours), tooFewRate: context.injector.rate,
                                  holidays: year.calendar.holidays, lastDay: context.studyDays.last)
        let result = planner.plan(absentDay: absent, rng: &rng)
        for few in result.tooFew {
            tables.truth.period(.tooFewMarks, group: group.name, subgroup: series.subgroup, subject: subject,
                                period: year.terms[few.term].name, student: students[few.student].name)
        }
        let injectedMarks = writeCells(result, taught: taught, rng: &rng)
        writePeriodMarks(result, members: members, extra: injectedMarks, rng: &rng)
    }

    /// Lessons with their entry timestamps; returns who taught each lesson.
    private func writeLessons(topics: [String], legacy: LegacyTables?, rng: inout SplitMix64) -> [String] {
        var taught: [String] = []
        taught.reserveCapacity(lessons.count)
        let truth = tables.truth
        for (i, l) in lessons.enumerated() {
            let substitute: String? = rng.chance(0.02) ? rng.pick(context.plan.colleagues(of: series.teacher, subject: subject)) : nil
            let teacher = substitute ?? series.teacher
            taught.append(teacher)
            var record = Stamp(l.date, minute: l.start + rng.int(in: 0...5))
            var topic = topics[i]
            var topicAt: Stamp? = record
            var homeworkAt = Stamp(l.date, minute: rng.int(in: (l.start + 20)...(l.end + 30)))
            var substitutionAt: Stamp? = substitute == nil ? nil : record
            var kinds: [ViolationKind] = [.lessonNoTopic, .topicEarly, .homeworkLate, .lessonRecordLate]
            // The tables do not say when they were exported: on the last day of the data a topic
            // may still be entered that day, so a missing one there is not a provable violation
            // (the packs leave that day out).
            if l.date == context.studyDays.last { kinds.removeFirst() }
            if substitute != nil { kinds += [.substitutionLate, .substitutionUnrecorded] }
            let date = text.date(l.date)
            let injected = context.injector.pick(kinds, rng: &rng)
            switch injected {
            case .lessonNoTopic?:
                topic = ""
                topicAt = nil
            case .topicEarly?:
                topicAt = Stamp(l.date.adding(days: -rng.int(in: 1...5)), minute: rng.int(in: 840...1200))
            case .homeworkLate?:
                homeworkAt = Stamp(l.date.adding(days: rng.int(in: 1...3)), minute: rng.int(in: 480...1320))
            case .lessonRecordLate?:
                record = Stamp(l.date.adding(days: rng.int(in: 1...3)), minute: rng.int(in: 540...1260))
                topicAt = record
                homeworkAt = record.adding(minutes: rng.int(in: 0...10))
                if substitute != nil { substitutionAt = record }
                truth.lesson(.homeworkLate, group: group.name, subgroup: series.subgroup, subject: subject, date: date, number: l.number)
            case .substitutionLate?:
                substitutionAt = record.adding(days: rng.int(in: 1...3))
            case .substitutionUnrecorded?:
                substitutionAt = nil
            default: break
            }
            if let k = injected {
                truth.lesson(k, group: group.name, subgroup: series.subgroup, subject: subject, date: date, number: l.number)
            }
            let homework = TopicCatalog.homework(ordinal: i + 1, variant: i + subject.count)
            if i > 0, lessons[i - 1].date == l.date { tables.doubleLessonDays += 1 }
            // Entry times with seconds here; the legacy log writes the same moments in ISO 8601 with an offset.
            let times = context.times
            tables.lessons.row([group.name, series.subgroup, subject, date, "\(l.number)", text.time(minute: l.start),
                                text.time(minute: l.end), series.teacher, teacher, substitutionAt.map(times.withSeconds) ?? "",
                                topic, l.kind.title, homework, times.withSeconds(record), topicAt.map(times.withSeconds) ?? "",
                                times.withSeconds(homeworkAt), teacher])
            legacy?.lesson(group: group.name, subject: subject, date: date, lesson: l, scheduled: series.teacher,
                                   taught: teacher, substitution: substitutionAt.map(times.isoWithOffset) ?? "",
                                   topicAt: topicAt.map(times.isoWithOffset) ?? "", homeworkAt: times.isoWithOffset(homeworkAt),
                                   topic: topic, homework: homework, text: text)
        }
        return taught
    }
}
