import JournalModel

/// A «2» placed where the regulation's sequence clauses look (oosh14 4.1, 4.2): not
/// re-assessed although the student came to the next lessons, right after three missed
/// lessons, or on the first lesson after the holidays. Chosen per student and term with the
/// injection rate; the ground truth is not taken from this choice but recomputed from the
/// final cells (`SequenceTruth`), so a shape that later injections undo is not listed.
struct SequenceShape {
    enum Kind { case notRechecked, afterAbsence, afterHolidays }
    var kind: Kind
    /// Position (in the term's lessons) of the «2».
    var at: Int
    /// Positions that must stay without a mark (the re-assessment window of `notRechecked`).
    var unmarked: Set<Int> = []

    /// Picks and prepares a shape for one student and term: adjusts who is present so that the
    /// shape can appear; nil when the term offers no place for the chosen kind.
    static func pick(idx: [Int], lessons: [ScheduledLesson], holidays: [DateSpan], lastDay: LocalDate?,
                     present: inout [Bool], want: Int, rng: inout SplitMix64) -> SequenceShape? {
        switch rng.int(in: 0...2) {
        case 0:
            // The «2» on an ordinary lesson with the next lessons (within 4 days) ordinary too;
            // the student comes to the first of them.
            var places: [(Int, [Int])] = []
            for j in idx.indices where lessons[idx[j]].kind == .lesson || lessons[idx[j]].kind == .lecture {
                let d = lessons[idx[j]].date
                guard let last = lastDay, d.adding(days: 4) < last else { continue }
                let window = idx.indices.filter { $0 > j && lessons[idx[$0]].date <= d.adding(days: 4) }
                guard !window.isEmpty, window.allSatisfy({ lessons[idx[$0]].kind == .lesson || lessons[idx[$0]].kind == .lecture })
                else { continue }
                places.append((j, window))
            }
            guard !places.isEmpty else { return nil }
            let (j, window) = places[rng.int(in: 0...(places.count - 1))]
            present[j] = true
            present[window[0]] = true
            return SequenceShape(kind: .notRechecked, at: j, unmarked: Set(window))
        case 1:
            // Three missed lessons, then the «2»; the student still attends enough lessons.
            guard idx.count >= 5 else { return nil }
            let j = rng.int(in: 3...(idx.count - 1))
            var trial = present
            for k in (j - 3)..<j { trial[k] = false }
            trial[j] = true
            guard trial.filter({ $0 }).count >= want else { return nil }
            present = trial
            return SequenceShape(kind: .afterAbsence, at: j)
        default:
            // The term's first lesson, when the series' previous lesson was before the holidays.
            guard let first = idx.first, first > 0 else { return nil }
            let before = lessons[first - 1].date, after = lessons[first].date
            guard holidays.contains(where: { before < $0.start && $0.end < after }) else { return nil }
            present[0] = true
            return SequenceShape(kind: .afterHolidays, at: 0)
        }
    }
}
