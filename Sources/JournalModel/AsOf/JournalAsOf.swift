/// The journal as it stood at a moment: what `--as-of` judges.
///
///     let t = journal.latestEntry ?? …          // the default moment: the latest entry in the data
///     let then = journal.asOf(t)                // entries and changes after `t` are invisible
///
/// An entry is visible when it was made at or before the moment (an entry known to the day only
/// is visible from 00:00 of its day). What becomes invisible:
/// - a cell entered later (a cell whose value was changed later shows the value before the change;
///   one whose first value came later is gone);
/// - a topic or homework entered later (the lesson stays: the timetable held it, its topic was
///   simply not there yet), a substitution marked later (the lesson reads as taught by the
///   scheduled teacher), a lesson record created later (its creation time is unknown then);
/// - a period mark entered later; a change made later.
/// Entries without a time stay visible: nothing says they came later.
extension Journal {
    /// The latest moment any entry in the journal carries (cells, lesson records, topics,
    /// homework, substitutions, period marks, changes); nil when the export has no entry times.
    public var latestEntry: LocalDateTime? {
        // By index: `for c in cells` copies each record (a retain and a release per text field),
        // and a check asks this twice of a college's 714,000 cells.
        var best: LocalDateTime?
        func see(_ t: LocalDateTime?) {
            guard let t else { return }
            if best.map({ t.seconds > $0.seconds }) ?? true { best = t }
        }
        for i in cells.indices { see(cells[i].enteredAt) }
        for i in lessons.indices {
            see(lessons[i].recordedAt)
            see(lessons[i].topicEnteredAt)
            see(lessons[i].homeworkEnteredAt)
            see(lessons[i].substitutionEnteredAt)
        }
        for i in periodMarks.indices { see(periodMarks[i].enteredAt) }
        for i in changes.indices { see(changes[i].changedAt) }
        return best
    }

    /// First and last lesson dates.
    public var lessonDates: ClosedRange<LocalDate>? {
        guard var lo = lessons.first?.date else { return nil }
        var hi = lo
        for i in lessons.indices {
            let d = lessons[i].date
            if d < lo { lo = d }
            if d > hi { hi = d }
        }
        return lo...hi
    }

    /// The journal as it stood at `moment` (see the type's documentation).
    public func asOf(_ moment: LocalDateTime) -> Journal {
        let limit = moment.seconds
        func visible(_ t: LocalDateTime?) -> Bool { t.map { $0.seconds <= limit } ?? true }
        guard latestEntry.map({ $0.seconds > limit }) ?? false else { return self }

        var j = self
        // Changes made later: the earliest of them per cell/lesson holds the value at `moment`.
        var cellBefore: [CellKey: Change] = [:]
        var topicBefore: [LessonID: Change] = [:]
        var homeworkBefore: [LessonID: Change] = [:]
        var kept: [Change] = []
        for c in changes {
            if visible(c.changedAt) { kept.append(c); continue }
            func earlier(_ old: Change?) -> Bool {
                guard let o = old?.changedAt, let n = c.changedAt else { return true }
                return n.seconds < o.seconds
            }
            switch c.target {
            case .cell:
                guard let l = c.lesson, let s = c.student else { continue }
                let k = CellKey(lesson: l, student: s)
                if earlier(cellBefore[k]) { cellBefore[k] = c }
            case .topic:
                guard let l = c.lesson else { continue }
                if earlier(topicBefore[l]) { topicBefore[l] = c }
            case .homework:
                guard let l = c.lesson else { continue }
                if earlier(homeworkBefore[l]) { homeworkBefore[l] = c }
            case .periodMark, .lesson:
                continue
            }
        }
        j.changes = kept

        var cellsThen: [Cell] = []
        cellsThen.reserveCapacity(cells.count)
        for var c in cells {
            if let ch = cellBefore[CellKey(lesson: c.lesson, student: c.student)] {
                guard let old = ch.oldValue, old.contains(where: { !$0.isWhitespace }) else { continue }
                c.value = CellValue(parsing: old)
                if let placed = ch.placedAt { c.enteredAt = placed }
                if !visible(c.enteredAt) { continue }
                cellsThen.append(c)
                continue
            }
            if visible(c.enteredAt) { cellsThen.append(c) }
        }
        j.cells = cellsThen

        for i in j.lessons.indices {
            var l = j.lessons[i]
            let id = LessonID(i)
            if let ch = topicBefore[id] {
                l.topic = ch.oldValue
                l.topicEnteredAt = ch.oldValue == nil ? nil : (ch.placedAt ?? l.topicEnteredAt)
            }
            if !visible(l.topicEnteredAt) { l.topic = nil; l.topicEnteredAt = nil }
            if let ch = homeworkBefore[id] {
                l.homework = ch.oldValue
                l.homeworkEnteredAt = ch.oldValue == nil ? nil : (ch.placedAt ?? l.homeworkEnteredAt)
            }
            if !visible(l.homeworkEnteredAt) { l.homework = nil; l.homeworkEnteredAt = nil }
            if !visible(l.substitutionEnteredAt) {
                l.substitutionEnteredAt = nil
                l.teacher = l.scheduledTeacher ?? l.teacher
            }
            if !visible(l.recordedAt) { l.recordedAt = nil }
            j.lessons[i] = l
        }
        j.periodMarks = periodMarks.filter { visible($0.enteredAt) }
        return j
    }
}

private struct CellKey: Hashable {
    var lesson: LessonID
    var student: StudentID
}
