import Foundation
import JournalModel

/// Lookups built once per journal so that rules never scan the whole journal per record.
/// Immutable after `init`, so evaluation threads share it.
final class JournalIndex: @unchecked Sendable {
    let journal: Journal
    /// Cells of each lesson (CSR: `lessonCellStart[l] ..< lessonCellStart[l+1]` into `lessonCellOrder`).
    let lessonCellStart: [Int32]
    let lessonCellOrder: [Int32]
    /// Mark / absence cells of each student × subject, sorted by lesson date and number.
    let marksBySS: SortedCells
    let absencesBySS: SortedCells
    /// Lesson date of each cell, and a date-and-number sort key of each lesson.
    let cellDay: [Int32]
    /// The first and second mark of each cell (`noMark` when it has none), one byte each: the
    /// mark fields read them for every element of every list of marks, where the cells
    /// themselves (about a hundred bytes each, met in no particular order) missed the cache.
    let cellFirstMark: [Int8]
    let cellSecondMark: [Int8]
    static let noMark = Int8.min
    /// Whether each cell records an absence (`CellValue.isAbsence`), a byte each for the same reason.
    let cellIsAbsence: [Bool]
    /// The number of each cell's text and work type: equal numbers, equal bytes (`CellTextIDs`;
    /// numbers 0 ..< `distinctCellTexts`, `distinctWorkTypes`). `ValueMemo` evaluates expressions
    /// of one of these fields by it.
    let cellTextID: [Int32]
    let distinctCellTexts: Int
    let cellWorkTypeID: [Int32]
    let distinctWorkTypes: Int
    let lessonKey: [Int64]
    /// Student × subject (`key`) and lesson key (`lessonKey`) of each cell: the sort keys of
    /// `marksBySS` and `absencesBySS`, kept for the neighbour lookups' list of all cells.
    let cellSSKey: [Int64]
    let cellOrderKey: [Int64]
    /// True when ordering by `lessonKey` is ordering by date (every lesson number in 0...99, or
    /// none): the lists sorted by it (`lessonsByGS`, the neighbour lists) are then by date too,
    /// and a date range of them is found by binary search (`lessons(group:…)`, `DateCutoff`).
    let keysFollowDates: Bool
    /// Lessons of each group × subject sorted by date and number; ordinal of each lesson within it.
    let lessonsByGS: [Int64: [Int32]]
    let lessonOrdinal: [Int32]
    /// Start/end of each lesson in local seconds (Int64.min when unknown), from the export or the bells.
    let lessonStart: [Int64]
    let lessonEnd: [Int64]
    /// End of the group's last lesson on the lesson's day (Int64.min when unknown).
    let groupDayEnd: [Int64]
    let lessonPeriod: [Int32]
    let planByKey: [Int64: Int32]
    let hoursByGS: [Int64: Double]
    let teacherByGS: [Int64: Int32]
    let studentsByGroup: [[Int32]]
    /// Subgroups, a student's cells in date order, load/КТП by group × subject (NeighbourIndex.swift),
    /// built on first use: most rules never read them, and building them sorts every cell of the
    /// journal (a sixth of a five-rule check's CPU on a college). Rules read it through `Env.nb`,
    /// which asks here once per evaluation thread.
    var nb: NeighbourIndex {
        // Shared mutable state: the index is built once, by whichever thread asks first, under
        // the lock; the others wait for it. What it holds is a pure function of the journal.
        nbLock.lock()
        defer { nbLock.unlock() }
        if let n = nbBuilt { return n }
        let n = NeighbourIndex(journal: journal, cellSSKey: cellSSKey, cellOrderKey: cellOrderKey)
        nbBuilt = n
        return n
    }
    private let nbLock = NSLock()
    private var nbBuilt: NeighbourIndex?
    /// Whether a rule has read the neighbour lookups yet (tests: a pack without neighbour fields
    /// never builds them).
    var neighboursBuilt: Bool {
        nbLock.lock()
        defer { nbLock.unlock() }
        return nbBuilt != nil
    }
    /// For a lesson without a number that shares its day with another unnumbered lesson of the
    /// same group, subgroup and subject (a double lesson exported without numbers): its place
    /// among them, 1, 2, …; 0 otherwise. Keeps finding keys unique (`…|date|-2`).
    let unnumberedRank: [Int32]
    /// Dates of each student's first and last record (any cell, any subject); .max/.min when none.
    let studentFirstDay: [Int32]
    let studentLastDay: [Int32]
    /// The first day of the month of each day from the first lesson's to the last's
    /// (`monthStart(of:)`): the month scopes ask it of every lesson of every group × subject,
    /// rule by rule, and `LocalDate.monthStart` works out the calendar date each time.
    private let monthStarts: [Int32]
    private let monthStartsFrom: Int32
    /// First lesson date; the date of the as-of moment (`data_start`, `data_end`).
    let dataStart: Int32?
    let dataEnd: Int32?

    static func key(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }
    static func key3(_ a: Int32, _ b: Int32, _ c: Int32) -> Int64 { Int64(a) << 42 | Int64(b) << 21 | Int64(c) }

    /// Built on two threads (`ParallelPair`) after one pass over the cells: the lessons by cell,
    /// absences, each student's first and last day, the cells' text numbers and the lessons by
    /// group and subject on one; marks and the lessons' other lookups on the other (college:
    /// 0.10 → 0.07 s; the halves about even). Each half writes only its own locals; both read
    /// the journal and the keys computed before them.
    init(journal j: Journal, asOf: LocalDateTime) {
        journal = j
        let nl = j.lessons.count
        let lk = j.lessons.map { Int64($0.date.dayNumber) * 100 + Int64($0.number ?? 0) }
        lessonKey = lk

        // The cells' lesson dates and their sort keys by student × subject, for both halves.
        var days = [Int32](repeating: 0, count: j.cells.count)
        var ssKey = [Int64](repeating: 0, count: j.cells.count), cellKey = [Int64](repeating: 0, count: j.cells.count)
        var mark1 = [Int8](repeating: JournalIndex.noMark, count: j.cells.count), mark2 = mark1
        var absent = [Bool](repeating: false, count: j.cells.count)
        for ci in j.cells.indices {
            let li = Int(j.cells[ci].lesson)
            days[ci] = j.lessons[li].date.dayNumber
            ssKey[ci] = JournalIndex.key(j.cells[ci].student, j.lessons[li].subject)
            cellKey[ci] = lk[li]
            if let m = j.cells[ci].value.first { mark1[ci] = m.value }
            if let m = j.cells[ci].value.second { mark2[ci] = m.value }
            absent[ci] = j.cells[ci].value.isAbsence
        }
        cellFirstMark = mark1
        cellSecondMark = mark2
        cellIsAbsence = absent
        cellSSKey = ssKey
        cellOrderKey = cellKey
        var counts: [Int32] = [], order: [Int32] = []
        var marks: SortedCells?, absences: SortedCells?
        var first: [Int32] = [], last: [Int32] = []
        var follow = true, gs: [Int64: [Int32]] = [:], ordinal: [Int32] = []
        var st: [Int64] = [], en: [Int64] = [], dayEndOf: [Int64] = [], period: [Int32] = []
        var plan: [Int64: Int32] = [:], hours: [Int64: Double] = [:], teachers: [Int64: Int32] = [:]
        var sg: [[Int32]] = [], rank: [Int32] = []
        var texts: (ids: [Int32], distinct: Int) = ([], 0), workTypes = texts
        ParallelPair.run({
            // Loops over lessons and cells go by index: `for x in` / `enumerated()` copy each
            // element (a retain and release per text field — measurable on 700,000 cells).
            counts = [Int32](repeating: 0, count: nl + 1)
            for ci in j.cells.indices { counts[Int(j.cells[ci].lesson) + 1] += 1 }
            for i in 0..<nl { counts[i + 1] += counts[i] }
            var fill = counts
            order = [Int32](repeating: 0, count: j.cells.count)
            for ci in j.cells.indices {
                let l = Int(j.cells[ci].lesson)
                order[Int(fill[l])] = Int32(ci)
                fill[l] += 1
            }
            absences = SortedCells(j.cells.indices.filter { absent[$0] }, group: ssKey, order: cellKey)
            texts = CellTextIDs.values(of: j.cells)
            first = [Int32](repeating: .max, count: j.students.count)
            last = [Int32](repeating: .min, count: j.students.count)
            for ci in j.cells.indices {
                let st = Int(j.cells[ci].student)
                guard st < first.count else { continue }
                let d = days[ci]
                if d < first[st] { first[st] = d }
                if d > last[st] { last[st] = d }
            }
            workTypes = CellTextIDs.workTypes(of: j.cells)
            follow = j.lessons.indices.allSatisfy { j.lessons[$0].number.map { (0...99).contains($0) } ?? true }
            for li in j.lessons.indices { gs[JournalIndex.key(j.lessons[li].group, j.lessons[li].subject), default: []].append(Int32(li)) }
            ordinal = [Int32](repeating: 0, count: nl)
            for k in gs.keys {
                gs[k]?.sort { lk[Int($0)] < lk[Int($1)] }
                for (n, l) in (gs[k] ?? []).enumerated() { ordinal[Int(l)] = Int32(n + 1) }
            }
        }, {
            marks = SortedCells(j.cells.indices.filter { mark1[$0] != JournalIndex.noMark }, group: ssKey, order: cellKey)
            st = [Int64](repeating: .min, count: nl)
            en = [Int64](repeating: .min, count: nl)
            var dayEnd: [Int64: Int64] = [:]
            period = [Int32](repeating: -1, count: nl)
            var periodCache: [Int32: Int32] = [:]
            for li in j.lessons.indices {
                let l = (number: j.lessons[li].number, date: j.lessons[li].date, start: j.lessons[li].start,
                         end: j.lessons[li].end, group: j.lessons[li].group)
                let bell = l.number.flatMap { j.calendar.bell(number: $0) }
                if let s = l.start ?? bell?.start { st[li] = LocalDateTime(date: l.date, time: s).seconds }
                if let e = l.end ?? bell?.end {
                    let v = LocalDateTime(date: l.date, time: e).seconds
                    en[li] = v
                    let k = JournalIndex.key(l.group, l.date.dayNumber)
                    dayEnd[k] = max(dayEnd[k] ?? .min, v)
                }
                if let p = periodCache[l.date.dayNumber] { period[li] = p } else {
                    let p = j.calendar.period(containing: l.date) ?? -1
                    periodCache[l.date.dayNumber] = p
                    period[li] = p
                }
            }
            dayEndOf = j.lessons.map { dayEnd[JournalIndex.key($0.group, $0.date.dayNumber)] ?? .min }
            for (pi, p) in j.plan.enumerated() { plan[JournalIndex.key3(p.group, p.subject, Int32(p.ordinal))] = Int32(pi) }
            for l in j.load {
                hours[JournalIndex.key(l.group, l.subject), default: 0] += l.weeklyHours
                teachers[JournalIndex.key(l.group, l.subject)] = l.teacher
            }
            sg = [[Int32]](repeating: [], count: j.groups.count)
            for (si, s) in j.students.enumerated() where Int(s.group) < sg.count { sg[Int(s.group)].append(Int32(si)) }
            rank = [Int32](repeating: 0, count: nl)
            var sameDay: [String: [Int]] = [:]
            for li in j.lessons.indices where j.lessons[li].number == nil {
                let l = j.lessons[li]
                sameDay["\(l.group)|\(l.subject)|\(l.subgroup ?? "")|\(l.date.dayNumber)", default: []].append(li)
            }
            for list in sameDay.values where list.count > 1 {
                for (k, li) in list.enumerated() { rank[li] = Int32(k + 1) }
            }
        })
        lessonCellStart = counts
        lessonCellOrder = order
        cellTextID = texts.ids
        distinctCellTexts = texts.distinct
        cellWorkTypeID = workTypes.ids
        distinctWorkTypes = workTypes.distinct
        cellDay = days
        marksBySS = marks!
        absencesBySS = absences!
        studentFirstDay = first
        studentLastDay = last
        keysFollowDates = follow
        lessonsByGS = gs
        lessonOrdinal = ordinal
        lessonStart = st
        lessonEnd = en
        groupDayEnd = dayEndOf
        lessonPeriod = period
        planByKey = plan
        hoursByGS = hours
        teacherByGS = teachers
        studentsByGroup = sg
        unnumberedRank = rank
        let dates = j.lessonDates
        dataStart = dates?.lowerBound.dayNumber
        dataEnd = asOf.date.dayNumber
        monthStartsFrom = dates?.lowerBound.dayNumber ?? 0
        // A table for up to ten years of lesson days (a mistyped year in an export would make
        // one of centuries); beyond it, or outside it, the date is worked out.
        monthStarts = dates.flatMap { d in
            d.upperBound.dayNumber - d.lowerBound.dayNumber > 3660 ? nil
                : (d.lowerBound.dayNumber...d.upperBound.dayNumber).map { LocalDate(dayNumber: $0).monthStart.dayNumber }
        } ?? []
    }

    /// The first day of the month of day `d` (`LocalDate.monthStart`), from the table for lesson days.
    func monthStart(of d: Int32) -> Int32 {
        let i = Int(d) - Int(monthStartsFrom)
        return i >= 0 && i < monthStarts.count ? monthStarts[i] : LocalDate(dayNumber: d).monthStart.dayNumber
    }

    func cells(ofLesson l: Int32) -> ArraySlice<Int32> {
        lessonCellOrder[Int(lessonCellStart[Int(l)])..<Int(lessonCellStart[Int(l) + 1])]
    }

    func date(ofCell c: Int32) -> Int32 { cellDay[Int(c)] }

    /// `CellValue.hasMark` and `isAbsence` of a cell, from the index's byte arrays (the scopes
    /// of marks and absences ask them of every cell of the journal, rule by rule).
    func hasMark(_ c: Int32) -> Bool { cellFirstMark[Int(c)] != JournalIndex.noMark }
    func isAbsence(_ c: Int32) -> Bool { cellIsAbsence[Int(c)] }

    /// The first position in a date-sorted list whose date is after `day` (or ≥ `day` when `inclusive`).
    func position(in list: ArraySlice<Int32>, day: Int32, inclusive: Bool) -> Int {
        var lo = list.startIndex, hi = list.endIndex
        while lo < hi {
            let m = (lo + hi) / 2
            let d = cellDay[Int(list[m])]
            if d < day || (!inclusive && d == day) { lo = m + 1 } else { hi = m }
        }
        return lo
    }

    /// Cells of `list` (sorted by date) whose lesson date lies in `from...to`: one run of it.
    func run(_ list: ArraySlice<Int32>?, from: Int32, to: Int32) -> ArraySlice<Int32> {
        guard let list else { return [] }
        let a = position(in: list, day: from, inclusive: true), b = position(in: list, day: to, inclusive: false)
        return a < b ? list[a..<b] : []
    }

    /// Calls `body` with each lesson of the group and subject dated `from...to`, by date and number.
    func eachLesson(group: Int32, subject: Int32, from: Int32, to: Int32, _ body: (Int32) -> Void) {
        let list = lessonsByGS[JournalIndex.key(group, subject)] ?? []
        if let run = lessonRun(list, from: from, to: to) {
            for l in run { body(l) }
            return
        }
        for l in list where isDated(l, from: from, to: to) { body(l) }
    }

    /// Whether the group has a lesson of the subject dated `from...to` (the scopes of spans ask
    /// it of every group × subject × period).
    func hasLesson(group: Int32, subject: Int32, from: Int32, to: Int32) -> Bool {
        let list = lessonsByGS[JournalIndex.key(group, subject)] ?? []
        if let run = lessonRun(list, from: from, to: to) { return !run.isEmpty }
        return list.contains { isDated($0, from: from, to: to) }
    }

    private func isDated(_ l: Int32, from: Int32, to: Int32) -> Bool {
        let d = journal.lessons[Int(l)].date.dayNumber
        return d >= from && d <= to
    }

    /// The lessons of `list` (a `lessonsByGS` list) dated `from...to`: one run of it, found by
    /// binary search, when the list is by date (`keysFollowDates`); nil when it must be scanned.
    private func lessonRun(_ list: [Int32], from: Int32, to: Int32) -> ArraySlice<Int32>? {
        guard keysFollowDates else { return nil }
        func first(after day: Int32, inclusive: Bool) -> Int {
            var lo = 0, hi = list.count
            while lo < hi {
                let m = (lo + hi) / 2
                let d = journal.lessons[Int(list[m])].date.dayNumber
                if d < day || (!inclusive && d == day) { lo = m + 1 } else { hi = m }
            }
            return lo
        }
        let a = first(after: from, inclusive: true), b = first(after: to, inclusive: false)
        return a < b ? list[a..<b] : []
    }

    func lessons(group: Int32, subject: Int32, from: Int32, to: Int32) -> [Ref] {
        var out: [Ref] = []
        eachLesson(group: group, subject: subject, from: from, to: to) { out.append(Ref(kind: .lesson, i: $0)) }
        return out
    }
}

/// Cell indices grouped by a key (student × subject) and sorted by lesson date within a group,
/// stored flat: one array and one range per key.
struct SortedCells: Sendable {
    let order: [Int32]
    let ranges: [Int64: Range<Int>]

    /// The same order as a stable sort of `cells` by (group, key), built without one: the cells
    /// are dealt into their groups (in the groups' order, each keeping the given order), then
    /// each group — a student's cells of one subject, nearly in date order already — is sorted
    /// by key, stably.
    init(_ cells: [Int], group: [Int64], order key: [Int64]) {
        var dense: [Int64: Int32] = [:]
        var groupOf = [Int32](repeating: 0, count: cells.count)
        var sizes: [Int] = []
        for (n, c) in cells.enumerated() {
            let g = group[c]
            if let id = dense[g] { groupOf[n] = id; sizes[Int(id)] += 1; continue }
            let id = Int32(sizes.count)
            dense[g] = id
            groupOf[n] = id
            sizes.append(1)
        }
        var start = [Int](repeating: 0, count: sizes.count)
        var ranges: [Int64: Range<Int>] = [:]
        ranges.reserveCapacity(sizes.count)
        var at = 0
        for (g, id) in dense.sorted(by: { $0.key < $1.key }) {
            start[Int(id)] = at
            ranges[g] = at..<(at + sizes[Int(id)])
            at += sizes[Int(id)]
        }
        var out = [Int32](repeating: 0, count: cells.count)
        for (n, c) in cells.enumerated() {
            let id = Int(groupOf[n])
            out[start[id]] = Int32(c)
            start[id] += 1
        }
        for r in ranges.values { SortedCells.stableSort(&out, r, by: key) }
        order = out
        self.ranges = ranges
    }

    /// Sorts `list[range]` by `key` keeping equal keys in their order: insertion (the runs are
    /// short and nearly sorted), or the standard library's stable sort for a long run.
    static func stableSort(_ list: inout [Int32], _ range: Range<Int>, by key: [Int64]) {
        guard range.count > 1 else { return }
        guard range.count <= 512 else {
            let sorted = list[range].enumerated().sorted { (key[Int($0.element)], $0.offset) < (key[Int($1.element)], $1.offset) }
            list.replaceSubrange(range, with: sorted.map(\.element))
            return
        }
        var i = range.lowerBound + 1
        while i < range.upperBound {
            let x = list[i], kx = key[Int(x)]
            var j = i - 1
            while j >= range.lowerBound && key[Int(list[j])] > kx {
                list[j + 1] = list[j]
                j -= 1
            }
            list[j + 1] = x
            i += 1
        }
    }

    subscript(key: Int64) -> ArraySlice<Int32>? { ranges[key].map { order[$0] } }
}
