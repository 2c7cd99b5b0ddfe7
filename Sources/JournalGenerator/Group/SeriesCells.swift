import JournalModel

extension SeriesWriter {
    /// Journal cells (marks and absences) with entry times, injected cell-level violations and
    /// the change history (in-time corrections and injected late ones). Returns the marks that
    /// injections added to absences («н4»), by `student * 16 + term`: the period mark is the mean
    /// of what the journal holds, as a teacher computes it.
    @discardableResult
    func writeCells(_ result: MarkPlanner.Result, taught: [String], rng: inout SplitMix64) -> [Int: [Int8]] {
        var added: [Int: [Int8]] = [:]
        let truth = tables.truth
        let calendar = year.calendar
        var fewSet = Set<Int>()
        for f in result.tooFew { fewSet.insert(f.student * 16 + f.term) }
        var finals = Array(repeating: [(student: Int, value: CellValue)](), count: lessons.count)
        defer { SequenceTruth(writer: self, cells: finals).record() }
        for (i, l) in lessons.enumerated() {
            let date = text.date(l.date)
            let number = "\(l.number)"
            for c in result.cells[i] {
                let student = students[c.student].name
                var value: String
                var stamp: Stamp
                var kinds: [ViolationKind]
                var workType = c.mark == 0 ? "" : c.workType
                if c.mark == 0 {
                    value = "н"
                    stamp = Stamp(l.date, minute: l.start + rng.int(in: 1...10))
                    kinds = [.absenceLetter]
                    if !fewSet.contains(c.student * 16 + l.term) { kinds.append(.absenceWithMark) }
                } else {
                    value = "\(c.mark)"
                    stamp = Stamp(l.date, minute: rng.int(in: (l.start + 5)...(l.end + 60)))
                    if WorkType.oral.contains(c.workType) {
                        kinds = [.markLate]
                    } else if c.workType == WorkType.test {
                        kinds = [.testMarkLate]
                    } else if WorkType.written.contains(c.workType) {
                        kinds = [.writtenMarkLate]
                    } else {
                        kinds = []
                    }
                    kinds.append(.lateCorrection)
                    kinds.append(.markModifier)
                }
                let injected = context.injector.pick(kinds, rng: &rng)
                func record(_ k: ViolationKind) {
                    truth.cell(k, group: group.name, subgroup: series.subgroup, subject: subject, date: date,
                               number: l.number, student: student)
                }
                var change: (Stamp, Int8)?
                switch injected {
                case .absenceLetter?:
                    value = rng.pick(["б", "у", "п", "ув"])
                case .absenceWithMark?:
                    let m = Int8(rng.int(in: 3...5))
                    value = "н\(m)"
                    added[c.student * 16 + l.term, default: []].append(m)
                    // The mark in the cell has its work type like any other: only the «н» is wrong.
                    workType = WorkType.of(l.kind, rng: &rng)
                case .markLate?:
                    stamp = Stamp(l.date.adding(days: rng.int(in: 1...2)), minute: rng.int(in: 480...1319))
                case .testMarkLate?, .writtenMarkLate?:
                    stamp = Stamp(Injector.afterWorkingDays(l.date, calendar: calendar, rng: &rng), minute: rng.int(in: 540...1200))
                    record(.markLate)
                case .markModifier?:
                    value = "\(c.mark)" + rng.pick(c.mark == 5 ? ["+", "!", "-"] : ["-", "+"])
                case .lateCorrection?:
                    change = (Stamp(l.date.adding(days: rng.int(in: 15...30)), minute: rng.int(in: 480...1319)), c.mark)
                default:
                    if c.mark > 0 && rng.chance(0.004) {
                        let days = rng.int(in: 0...10)
                        let at = days == 0 ? stamp.adding(minutes: rng.int(in: 10...120))
                            : Stamp(l.date.adding(days: days), minute: rng.int(in: 480...1319))
                        change = (at, c.mark)
                    }
                }
                if let k = injected { record(k) }
                finals[i].append((c.student, CellValue(parsing: value)))
                let teacher = taught[i]
                tables.marks.row([group.name, subject, date, number, student, value, workType,
                                  text.stamp(stamp), teacher, series.subgroup])
                // Some teachers' entries reach the legacy marks log with their date only (day-only).
                context.legacy?.mark(group: group.name, subject: subject, date: date, number: number, student: student,
                                     value: value, workType: workType,
                                     entered: EntryTimes.keepsDateOnly(teacher) ? context.times.dayOnly(stamp) : text.stamp(stamp),
                                     teacher: teacher)
                context.legacy?.gridCell(lesson: i, student: c.student, value: value)
                if let (at, final) = change {
                    var old = Int8(rng.int(in: 3...5))
                    if old == final { old = final == 5 ? 4 : final + 1 }
                    let row = [group.name, subject, date, number, student, "отметка", "\(old)", "\(final)",
                               text.stamp(stamp), context.times.isoWithOffset(at), teacher, series.subgroup, "ошибка при выставлении"]
                    tables.changes.row(row)
                    context.reexports.add(row, changedAt: at)
                }
            }
        }
        return added
    }

    /// Period marks (quarter/semester and year) for every student enrolled at the period's end:
    /// the rounded mean of the marks, entered 2–6 days before the end; injected «н/а» and late
    /// entries.
    func writePeriodMarks(_ result: MarkPlanner.Result, members: [Int], extra: [Int: [Int8]] = [:], rng: inout SplitMix64) {
        let truth = tables.truth
        let terms = year.terms
        var sum = Array(repeating: 0, count: students.count * terms.count)
        var count = sum
        for (i, l) in lessons.enumerated() {
            for c in result.cells[i] where c.mark > 0 {
                sum[c.student * terms.count + l.term] += Int(c.mark)
                count[c.student * terms.count + l.term] += 1
            }
        }
        for (k, marks) in extra {
            let (s, t) = (k / 16, k % 16)
            sum[s * terms.count + t] += marks.reduce(0) { $0 + Int($1) }
            count[s * terms.count + t] += marks.count
        }
        var fewSet = Set<Int>()
        for f in result.tooFew { fewSet.insert(f.student * 16 + f.term) }
        let teacher = series.teacher
        for s in members {
            var termValues: [Double] = []
            let student = students[s].name
            // A student who joined during a period is attested for it; one who left is not.
            for (t, term) in terms.enumerated()
            where students[s].isIn(term) || (students[s].isPartly(in: term) && students[s].isEnrolled(on: term.end)) {
                let k = s * terms.count + t
                guard count[k] > 0 else { continue }
                let mean = Double(sum[k]) / Double(count[k])
                termValues.append(mean.rounded())
                var kinds: [ViolationKind] = [.periodMarkLate]
                if !fewSet.contains(s * 16 + t) && students[s].isIn(term) {
                    kinds.append(.notAttestedWithoutGrounds)
                    // A missing mark of a student with too few marks would hide that kind; a
                    // period that ends after the data cannot be missing yet.
                    if term.end <= context.studyDays.last ?? term.end { kinds.append(.periodMarkMissing) }
                }
                writePeriodMark(student: student, period: term, value: "\(Int(mean.rounded()))", kinds: kinds,
                                teacher: teacher, truth: truth, rng: &rng)
            }
            if students[s].isEnrolled(on: year.year.end), !termValues.isEmpty {
                let mean = termValues.reduce(0, +) / Double(termValues.count)
                writePeriodMark(student: student, period: year.year, value: "\(Int(mean.rounded()))",
                                kinds: [.periodMarkLate], teacher: teacher, truth: truth, rng: &rng)
            }
        }
    }

    private func writePeriodMark(student: String, period: StudyPeriod, value: String, kinds: [ViolationKind],
                                 teacher: String, truth: GroundTruthWriter, rng: inout SplitMix64) {
        var value = value
        var entered = Stamp(period.end.adding(days: -rng.int(in: 2...6)), minute: rng.int(in: 840...1199))
        let injected = context.injector.pick(kinds, rng: &rng)
        switch injected {
        case .periodMarkMissing?:
            truth.period(.periodMarkMissing, group: group.name, subgroup: series.subgroup, subject: subject,
                         period: period.name, student: student)
            return
        case .periodMarkLate?:
            entered = Stamp(period.end.adding(days: rng.int(in: 1...4)), minute: rng.int(in: 600...1080))
        case .notAttestedWithoutGrounds?:
            value = "н/а"
        default: break
        }
        if let k = injected {
            truth.period(k, group: group.name, subgroup: series.subgroup, subject: subject, period: period.name, student: student)
        }
        tables.periodMarks.row([group.name, subject, student, period.name, value, context.times.utc(entered), teacher])
    }
}
