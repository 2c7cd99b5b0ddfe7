import JournalModel

/// Mark accumulation (накопляемость): for each study period and group, every student's
/// number of marks per subject against the number required — 3 at up to 1 hour a week,
/// 5 above (`oosh14` п. 4.5), with weekly hours taken from the teaching load.
struct AccumulationBlock: Equatable {
    struct Column: Equatable {
        var subject: String
        /// nil when the load has no hours for this group and subject.
        var weeklyHours: Double?
        var required: Int?
    }

    struct Row: Equatable {
        var student: String
        var marks: [Int]
    }

    var group: String
    /// The study period's name, or nil when the calendar has no periods.
    var period: String?
    var from: LocalDate
    var to: LocalDate
    /// True when the checked dates cover the whole period, so a shortfall is final.
    var complete: Bool
    var columns: [Column]
    var rows: [Row]

    func isShort(row: Int, col: Int) -> Bool {
        guard let r = columns[col].required else { return false }
        return rows[row].marks[col] < r
    }
}

struct AccumulationRule {
    var oneHourMinimum = 3
    var aboveMinimum = 5
    func required(weeklyHours: Double) -> Int { weeklyHours <= 1 ? oneHourMinimum : aboveMinimum }
}

enum Accumulation {
    static func compute(scope: ReportScope, rule: AccumulationRule) -> [AccumulationBlock] {
        let j = scope.journal
        guard let from = scope.from, let to = scope.to else { return [] }
        // Periods of the kind that holds the first checked day (quarters in a school,
        // semesters in a college), overlapping the checked dates.
        var spans: [(name: String?, start: LocalDate, end: LocalDate)] = []
        if let first = j.calendar.period(containing: from) ?? j.calendar.period(containing: to) {
            let kind = j.calendar.periods[Int(first)].kind
            spans = j.calendar.periods.filter { $0.kind == kind && $0.start <= to && $0.end >= from }
                .sorted { $0.start < $1.start }
                .map { (name: $0.name, start: $0.start, end: $0.end) }
        }
        if spans.isEmpty { spans = [(name: nil, start: from, end: to)] }

        var hours: [Int64: Double] = [:]
        for l in j.load {
            let k = Int64(l.group) << 32 | Int64(l.subject)
            hours[k] = max(hours[k] ?? 0, l.weeklyHours)
        }
        let lessonsByGroup = Dictionary(grouping: scope.lessons) { j.lesson($0).group }
        var blocks: [AccumulationBlock] = []
        for span in spans {
            let lo = max(span.start, from), hi = min(span.end, to)
            for (gid, ids) in lessonsByGroup.sorted(by: { j.group($0.key).name < j.group($1.key).name }) {
                let inSpan = ids.filter { let d = j.lesson($0).date; return lo <= d && d <= hi }
                var subjects = Set(inSpan.map { j.lesson($0).subject })
                for l in j.load where l.group == gid { subjects.insert(l.subject) }
                let subjectList = subjects.sorted { j.subject($0).name < j.subject($1).name }
                let columns = subjectList.map { s -> AccumulationBlock.Column in
                    let h = hours[Int64(gid) << 32 | Int64(s)]
                    return .init(subject: j.subject(s).name, weeklyHours: h, required: h.map(rule.required))
                }
                var counts: [StudentID: [Int]] = [:]
                let colIndex = Dictionary(uniqueKeysWithValues: subjectList.enumerated().map { ($1, $0) })
                for id in inSpan {
                    let l = j.lesson(id)
                    guard let c = colIndex[l.subject] else { continue }
                    for ci in scope.cellsByLesson[Int(id)] {
                        let cell = j.cells[ci]
                        counts[cell.student, default: Array(repeating: 0, count: subjectList.count)][c] += cell.value.marks.count
                    }
                }
                let students = j.students.indices.filter {
                    let s = j.students[$0]
                    guard s.group == gid else { return false }
                    if let e = s.enrolled, e > hi { return false }
                    if let l = s.left, l < lo { return false }
                    return true
                }.sorted { j.students[$0].name < j.students[$1].name }
                let rows = students.map { i in
                    AccumulationBlock.Row(student: j.students[i].name,
                                          marks: counts[StudentID(i)] ?? Array(repeating: 0, count: subjectList.count))
                }
                blocks.append(AccumulationBlock(group: j.group(gid).name, period: span.name, from: lo, to: hi,
                                                complete: span.name != nil && from <= span.start && span.end <= to,
                                                columns: columns, rows: rows))
            }
        }
        return blocks
    }
}
