import JournalModel

/// Ground truth of the sequence kinds (a «2» not re-assessed, after three absences, after the
/// holidays), recomputed from a series' final cells — after every cell-level injection — so the
/// file lists exactly the cells the predicates of `ViolationKind` hold for.
struct SequenceTruth {
    let writer: SeriesWriter
    /// Final values of each lesson's cells, by student.
    let cells: [[(student: Int, value: CellValue)]]

    func record() {
        let lessons = writer.lessons
        var byStudent: [Int: [Int: CellValue]] = [:]   // student → lesson position → value
        for (i, row) in cells.enumerated() { for c in row { byStudent[c.student, default: [:]][i] = c.value } }
        let holidays = writer.year.calendar.holidays
        for (i, row) in cells.enumerated() {
            let l = lessons[i]
            for c in row where c.value.marks.contains(where: { $0.value <= 2 }) {
                let mine = byStudent[c.student] ?? [:]
                func add(_ k: ViolationKind) {
                    writer.tables.truth.cell(k, group: writer.group.name, subgroup: writer.series.subgroup, subject: writer.subject,
                                             date: writer.text.date(l.date), number: l.number, student: writer.students[c.student].name)
                }
                let limit = l.date.adding(days: 4)
                // Judged whatever the data's last day: a check made after the window has ended
                // (the journal's latest entry is weeks after the last lesson) judges every «2».
                do {
                    let window = (i + 1)..<lessons.count
                    let attended = window.contains { k in lessons[k].date <= limit && !(mine[k]?.isAbsence ?? false) }
                    let reassessed = window.contains { k in
                        lessons[k].date > l.date && lessons[k].date <= limit && (mine[k]?.hasMark ?? false)
                    }
                    if attended && !reassessed { add(.unsatNotRechecked) }
                }
                if i >= 3, ((i - 3)..<i).allSatisfy({ mine[$0]?.isAbsence ?? false }) { add(.unsatAfterAbsence) }
                if i >= 1, holidays.contains(where: { lessons[i - 1].date < $0.start && $0.end < l.date }) {
                    add(.unsatAfterHolidays)
                }
            }
        }
    }
}
