import Findings
import JournalModel

/// Mark accumulation (накопляемость): for each study period and group, every student's number
/// of marks per subject, marked with what the pack's own accumulation rules found for that
/// student, subject and period — a shortfall at the rule's severity, or «not judged». The
/// sheet never applies thresholds of its own: a cell is coloured only where a rule said so.
struct AccumulationBlock: Equatable {
    struct Column: Equatable {
        var subject: String
        /// nil when the load has no hours for this group and subject.
        var weeklyHours: Double?
    }

    /// What the pack's rules said about one cell.
    enum Mark: Equatable {
        case none
        case shortfall(Severity)
        case notJudged
    }

    struct Row: Equatable {
        var student: String
        var marks: [Int]
        var status: [Mark]
    }

    var group: String
    /// The study period's name, or nil when the calendar has no periods.
    var period: String?
    var from: LocalDate
    var to: LocalDate
    /// The period's last day (its accumulation is due then).
    var end: LocalDate
    var state: State
    var columns: [Column]
    var rows: [Row]

    enum State: Equatable {
        /// Ended by the moment of the check and due inside the checked dates: the rules judged it.
        case judged
        /// Not ended by the moment of the check: the rules do not judge it yet.
        case running
        /// Ended, but due outside the checked dates: its results belong to another check's window.
        case outsideWindow
        /// The calendar has no study periods.
        case noPeriods
    }
}

/// The pack's rules about accumulation: per student, subject and period, tagged «накопляемость».
struct AccumulationRules {
    var outcomes: [RuleOutcome]

    init(report: CheckReport) {
        let perStudent: Set<String> = ["student_subject_period", "period_marks"]
        let named = Set(report.findings.filter { $0.student != nil && $0.area == .accumulation }.map(\.ruleId))
        outcomes = report.outcomes.filter { o in
            guard o.tags.contains("накопляемость") else { return false }
            if let s = o.scope { return perStudent.contains(s) }
            return named.contains(o.ruleId) || o.skippedItems.contains { $0.student != nil }
        }
    }

    var ids: Set<String> { Set(outcomes.map(\.ruleId)) }
}

enum Accumulation {
    struct CellKey: Hashable { var group: String; var subject: String; var student: String; var end: LocalDate }

    static func compute(scope: ReportScope, report: CheckReport, rules: AccumulationRules) -> [AccumulationBlock] {
        let j = scope.journal
        guard let from = scope.from, let to = scope.to else { return [] }
        let asOf = report.asOf?.date ?? to
        // What the rules found and skipped, by group, subject, student and period end.
        let ids = rules.ids
        var found: [CellKey: Severity] = [:]
        for f in report.findings where ids.contains(f.ruleId) {
            guard let g = f.group, let s = f.subject, let st = f.student, let d = f.date else { continue }
            let k = CellKey(group: g, subject: s, student: st, end: d)
            if let old = found[k], old.rank <= f.severity.rank { continue }
            found[k] = f.severity
        }
        var skipped = Set<CellKey>()
        for o in rules.outcomes {
            for i in o.skippedItems {
                guard let g = i.group, let s = i.subject, let st = i.student, let d = i.date else { continue }
                skipped.insert(CellKey(group: g, subject: s, student: st, end: d))
            }
        }
        // Periods of the kind that holds the first checked day (quarters in a school, semesters
        // in a college), overlapping the checked dates.
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
        var lessonsByGroup: [GroupID: [LessonID]] = [:]
        for (i, l) in j.lessons.enumerated() { lessonsByGroup[l.group, default: []].append(LessonID(i)) }
        let checkedGroups = Set(scope.lessons.map { j.lesson($0).group })
        var blocks: [AccumulationBlock] = []
        for span in spans {
            let state: AccumulationBlock.State = span.name == nil ? .noPeriods
                : span.end > asOf ? .running
                : (span.end < from || span.end > to) ? .outsideWindow : .judged
            let groups = checkedGroups.sorted { NaturalOrder.less(j.group($0).name, j.group($1).name) }
            for gid in groups {
                // The whole period's marks as of the check (the rules see the whole period too).
                let inSpan = (lessonsByGroup[gid] ?? []).filter {
                    let d = j.lesson($0).date
                    return span.start <= d && d <= span.end
                }
                if inSpan.isEmpty { continue }
                var subjects = Set(inSpan.map { j.lesson($0).subject })
                for l in j.load where l.group == gid { subjects.insert(l.subject) }
                let subjectList = subjects.sorted { j.subject($0).name < j.subject($1).name }
                let columns = subjectList.map { s in
                    AccumulationBlock.Column(subject: j.subject(s).name, weeklyHours: hours[Int64(gid) << 32 | Int64(s)])
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
                    if let e = s.enrolled, e > span.end { return false }
                    if let l = s.left, l < span.start { return false }
                    return true
                }.sorted { j.students[$0].name < j.students[$1].name }
                let groupName = j.group(gid).name
                let rows = students.map { i -> AccumulationBlock.Row in
                    let name = j.students[i].name
                    let status = columns.map { c -> AccumulationBlock.Mark in
                        let k = CellKey(group: groupName, subject: c.subject, student: name, end: span.end)
                        if let s = found[k] { return .shortfall(s) }
                        return skipped.contains(k) ? .notJudged : .none
                    }
                    return AccumulationBlock.Row(student: name,
                                                 marks: counts[StudentID(i)] ?? Array(repeating: 0, count: subjectList.count),
                                                 status: status)
                }
                blocks.append(AccumulationBlock(group: groupName, period: span.name, from: span.start, to: span.end,
                                                end: span.end, state: state, columns: columns, rows: rows))
            }
        }
        return blocks
    }
}
