import JournalModel

/// One journal cell before entry times and injections: an absence or a mark.
struct PlannedCell: Sendable {
    var student: Int
    /// 0 for «н», otherwise the mark 2…5.
    var mark: Int8
    var workType: String
}

/// Work types of marks.
enum WorkType {
    static let oral = ["устный ответ", "работа на уроке", "домашняя работа"]
    static let written = ["самостоятельная работа", "письменная работа"]
    static let test = "контрольная работа"
    /// Ordinary lessons: mostly oral answers, some written work.
    static let weights = [40, 20, 15, 15, 10]
    static let ordinary = oral + written

    static func of(_ kind: LessonKind, rng: inout SplitMix64) -> String {
        switch kind {
        case .test: test
        case .practical, .practiceSession: "практическая работа"
        case .laboratory: "лабораторная работа"
        case .lesson, .lecture: ordinary[rng.weighted(weights)]
        }
    }
}

/// Decides who is absent and who gets which mark in one series, term by term, so that the
/// clean journal meets every regulation: at least `floor` marks per student per term, no
/// unsatisfactory mark that is not re-assessed within 2–4 days, none right after an absence
/// or the holidays. Students picked for `too_few_marks` get 1–2 marks instead.
struct MarkPlanner {
    var lessons: [ScheduledLesson]
    var students: [StudentPlan]
    /// Indices of `students` taught in this series.
    var members: [Int]
    var terms: [StudyPeriod]
    var floor: Int
    var tooFewRate: Double
    /// School holidays and the data's last day, for the «2» shapes of `SequenceShape`.
    var holidays: [DateSpan] = []
    var lastDay: LocalDate?

    struct Result {
        var cells: [[PlannedCell]]
        /// (student, term) pairs injected with too few marks.
        var tooFew: [(student: Int, term: Int)]
    }

    func plan(absentDay: (Int, Int) -> Bool, rng: inout SplitMix64) -> Result {
        var cells = Array(repeating: [PlannedCell](), count: lessons.count)
        var tooFew: [(Int, Int)] = []
        for t in terms.indices {
            let idx = lessons.indices.filter { lessons[$0].term == t }
            guard !idx.isEmpty else { continue }
            for s in members where students[s].isPartly(in: terms[t]) {
                planPartly(s, idx.filter { students[s].isEnrolled(on: lessons[$0].date) }, &cells, absentDay, &rng)
            }
            for s in members where students[s].isIn(terms[t]) {
                var present = idx.map { !absentDay(s, lessons[$0].day) && !rng.chance(0.01) }
                let few = rng.chance(tooFewRate)
                let want: Int
                if few {
                    want = rng.int(in: 1...2)
                    tooFew.append((s, t))
                } else {
                    want = min(idx.count, max(floor, Int((Double(idx.count) * (0.2 + rng.unit() * 0.2)).rounded())))
                }
                var k = 0
                while present.filter({ $0 }).count < want, k < present.count {
                    present[k] = true
                    k += 1
                }
                // Only with injection on: a clean journal draws exactly as before.
                let shape = !few && tooFewRate > 0 && rng.chance(tooFewRate)
                    ? SequenceShape.pick(idx: idx, lessons: lessons, holidays: holidays, lastDay: lastDay,
                                         present: &present, want: want, rng: &rng)
                    : nil
                var marked = Array(repeating: false, count: idx.count)
                if !few {
                    for (j, i) in idx.enumerated() where present[j] && lessons[i].kind != .lesson && lessons[i].kind != .lecture {
                        marked[j] = true
                    }
                }
                if let sh = shape { marked[sh.at] = true }
                var candidates = idx.indices.filter { present[$0] && !marked[$0] && !(shape?.unmarked.contains($0) ?? false) }
                rng.shuffle(&candidates)
                var have = marked.filter { $0 }.count
                for j in candidates where have < want {
                    marked[j] = true
                    have += 1
                }
                // The floor of marks comes first: the shape's window gives way if nothing else can.
                for j in idx.indices where have < want && present[j] && !marked[j] {
                    marked[j] = true
                    have += 1
                }
                var forced = Array(repeating: false, count: idx.count)
                for (j, i) in idx.enumerated() {
                    if !present[j] {
                        cells[i].append(PlannedCell(student: s, mark: 0, workType: ""))
                        continue
                    }
                    guard marked[j] else { continue }
                    var mark = drawMark(students[s].ability, rng: &rng)
                    if forced[j] && mark < 3 { mark = 3 }
                    if let sh = shape, sh.at == j {
                        mark = 2
                        // Re-assessed at the next lesson as usual, except in the shape that is about its absence.
                        if sh.kind != .notRechecked, j + 1 < idx.count, present[j + 1],
                           (2...4).contains(lessons[i].date.days(until: lessons[idx[j + 1]].date)) {
                            marked[j + 1] = true
                            forced[j + 1] = true
                        }
                    } else if mark == 2 {
                        if !few, j >= 1, j + 1 < idx.count, present[j - 1], present[j + 1],
                           lessons[idx[j - 1]].date.days(until: lessons[i].date) <= 4,
                           (2...4).contains(lessons[i].date.days(until: lessons[idx[j + 1]].date)) {
                            marked[j + 1] = true
                            forced[j + 1] = true
                        } else {
                            mark = 3
                        }
                    }
                    cells[i].append(PlannedCell(student: s, mark: mark, workType: WorkType.of(lessons[i].kind, rng: &rng)))
                }
            }
        }
        for i in cells.indices { cells[i].sort { $0.student < $1.student } }
        return Result(cells: cells, tooFew: tooFew)
    }

    /// A student in the group for part of a period: present or absent at each of his or her
    /// lessons, one or two marks (3–5), never picked for an injected kind.
    private func planPartly(_ s: Int, _ mine: [Int], _ cells: inout [[PlannedCell]], _ absentDay: (Int, Int) -> Bool,
                            _ rng: inout SplitMix64) {
        guard !mine.isEmpty else { return }
        let present = mine.map { !absentDay(s, lessons[$0].day) }
        var candidates = mine.indices.filter { present[$0] }
        rng.shuffle(&candidates)
        let marked = Set(candidates.prefix(rng.int(in: 1...2)))
        for (j, i) in mine.enumerated() {
            if !present[j] {
                cells[i].append(PlannedCell(student: s, mark: 0, workType: ""))
            } else if marked.contains(j) {
                cells[i].append(PlannedCell(student: s, mark: max(3, drawMark(students[s].ability, rng: &rng)),
                                            workType: WorkType.of(lessons[i].kind, rng: &rng)))
            }
        }
    }

    private func drawMark(_ ability: Double, rng: inout SplitMix64) -> Int8 {
        let noise = (rng.unit() + rng.unit() + rng.unit() - 1.5) * 1.6
        return Int8(max(2, min(5, (ability + noise).rounded())))
    }
}
