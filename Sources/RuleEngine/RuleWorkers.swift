import Dispatch
import Foundation
import JournalModel
import RuleLanguage

/// Evaluates a pack's rules on all cores. The work is a queue of pieces: a rule whose scope goes
/// lesson by lesson (`Scopes.splitsByLessons`: lessons, cells, marks, absences) is cut into
/// `parts` runs of consecutive lessons, any other rule is one piece. Each worker takes the next
/// piece and runs it (`RuleRunner`); a rule's pieces are joined in the scope's order
/// (`RuleTally.joined`), so the tallies are exactly those of a serial run, in rule order. Pieces
/// keep two cores busy to the end where whole rules did not: a college's five-rule check had
/// one rule of 0.26 s beside four that took 0.45 s together.
///
///     let tallies = RuleWorkers.run(rules, journal: j, index: ix, asOf: t, group: nil)
///
/// What the workers share, and why that is safe:
/// - the journal and its `JournalIndex`: read only after they are built;
/// - the caches inside the index (`Memo`, `PlanWords`) and each `matches` pattern's memo
///   (`RegexBox`): lock-protected, and what they hold is a pure function of the journal;
/// - the piece queue (`next`) and the result slots (`Slots`): below.
/// Each worker has its own `Env` (the bound records and message specials are per evaluation),
/// its own compiled rules and its own cache of which fields the journal lacks (a pure function
/// of the journal too); the results a compiled rule remembers per distinct cell text
/// (`ValueMemo`) belong to that worker's compiled rule.
enum RuleWorkers {
    /// Threads to use: `ThreadSetting.available` (`ZHURNAL_THREADS=1` runs serially, as before
    /// this type), never more than there are rules.
    static func threads(for rules: Int) -> Int { max(1, min(rules, ThreadSetting.available)) }

    /// How many pieces a rule split by lessons is cut into: four per thread, none shorter than
    /// `minLessons` lessons (a small journal's rule is one piece: its pieces would cost more
    /// than they balance). Serial runs do not split.
    static func parts(lessons: Int, threads: Int) -> Int {
        threads > 1 ? max(1, min(4 * threads, lessons / minLessons)) : 1
    }
    static let minLessons = 500

    /// `parts`: pieces per split rule (tests set it; by default `parts(lessons:threads:)`).
    static func run(_ rules: [CheckedRule], journal: Journal, index: JournalIndex, asOf: LocalDateTime,
                    group: Int32?, parts: Int? = nil) -> [RuleTally] {
        let workers = threads(for: rules.count)
        let cut = max(1, parts ?? Self.parts(lessons: journal.lessons.count, threads: workers))
        // Whole rules first, then the split rules' pieces: the small pieces fill the threads up
        // to the end whatever the whole rules took.
        var pieces: [Piece] = [], split: [Piece] = []
        let n = journal.lessons.count
        for (i, r) in rules.enumerated() {
            guard cut > 1, Scopes.splitsByLessons(r.scope) else {
                pieces.append(Piece(rule: i, lessons: nil))
                continue
            }
            for k in 0..<cut { split.append(Piece(rule: i, lessons: (n * k / cut)..<(n * (k + 1) / cut))) }
        }
        pieces += split
        let slots = Slots(pieces)
        if workers == 1 {
            work(rules, journal, index, asOf, group, slots)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work(rules, journal, index, asOf, group, slots) }
        }
        return slots.tallies(rules: rules.count)
    }

    /// A rule, or the records of a run of its lessons.
    struct Piece: Sendable {
        var rule: Int
        var lessons: Range<Int>?
    }

    private static func work(_ rules: [CheckedRule], _ journal: Journal, _ index: JournalIndex, _ asOf: LocalDateTime,
                             _ group: Int32?, _ slots: Slots) {
        let env = Env(journal: journal, ix: index)
        var presence: [FieldKey: Bool] = [:]
        var compiled: [Int: CompiledRule] = [:]
        while let (k, piece) = slots.take() {
            let start = RuleTimer.enabled ? (Date(), RuleTimer.threadCPU()) : nil
            let rule = compiled[piece.rule] ?? CompiledRule(rules[piece.rule])
            compiled[piece.rule] = rule
            let tally = RuleRunner.run(rule, env, asOf: asOf, group: group, presence: &presence, lessons: piece.lessons)
            slots.put(tally, at: k, seconds: start.map { (Date().timeIntervalSince($0.0), RuleTimer.threadCPU() - $0.1) })
        }
    }

    /// The queue of pieces and one result slot per piece. Shared mutable state, guarded by
    /// `lock`: taking the next piece and storing a tally happen a few times per rule
    /// (microseconds against the piece's milliseconds), so one lock costs nothing measurable.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private let pieces: [Piece]
        private var next = 0
        private var results: [RuleTally?]
        /// Wall and thread CPU seconds of each piece (under `ZHURNAL_TIMING`).
        private var seconds: [(wall: Double, cpu: Double)?]

        init(_ pieces: [Piece]) {
            self.pieces = pieces
            results = Array(repeating: nil, count: pieces.count)
            seconds = Array(repeating: nil, count: pieces.count)
        }

        func take() -> (Int, Piece)? {
            lock.lock()
            defer { lock.unlock() }
            guard next < pieces.count else { return nil }
            next += 1
            return (next - 1, pieces[next - 1])
        }

        func put(_ t: RuleTally, at i: Int, seconds s: (wall: Double, cpu: Double)?) {
            lock.lock()
            results[i] = t
            seconds[i] = s
            lock.unlock()
        }

        /// The tallies in rule order, each rule's pieces joined (every piece has been run);
        /// per-rule timings printed under `ZHURNAL_TIMING` in the same order (the sums of its
        /// pieces' times on their threads and those threads' CPU time for them, not a wall-clock
        /// split).
        func tallies(rules: Int) -> [RuleTally] {
            lock.lock()
            defer { lock.unlock() }
            var byRule = [[RuleTally]](repeating: [], count: rules)
            var time = [(wall: Double, cpu: Double)?](repeating: nil, count: rules)
            for (k, piece) in pieces.enumerated() {
                guard let t = results[k] else { preconditionFailure("piece \(k) of rule \(piece.rule) was not evaluated") }
                byRule[piece.rule].append(t)
                if let s = seconds[k] {
                    let sum = time[piece.rule] ?? (0, 0)
                    time[piece.rule] = (sum.wall + s.wall, sum.cpu + s.cpu)
                }
            }
            return byRule.enumerated().map { i, parts in
                let t = RuleTally.joined(parts)
                if let s = time[i] {
                    RuleTimer.print("правило \(t.base.ruleId) (замечаний \(t.findings.count))", seconds: s.wall, cpu: s.cpu)
                }
                return t
            }
        }
    }
}
