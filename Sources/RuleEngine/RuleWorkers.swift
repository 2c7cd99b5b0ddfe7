import Dispatch
import Foundation
import JournalModel
import RuleLanguage

/// Evaluates a pack's rules on all cores: each worker takes the next rule not yet taken and runs
/// it whole (`RuleRunner`), so a rule's records are judged in the same order, with the same
/// evidence, on one thread — the tallies are exactly those of a serial run, in rule order.
///
///     let tallies = RuleWorkers.run(rules, journal: j, index: ix, asOf: t, group: nil)
///
/// What the workers share, and why that is safe:
/// - the journal and its `JournalIndex`: read only after they are built;
/// - the caches inside the index (`Memo`, `PlanWords`) and each `matches` pattern's memo
///   (`RegexBox`): lock-protected, and what they hold is a pure function of the journal;
/// - the rule queue (`next`) and the result slots (`Slots`): below.
/// Each worker has its own `Env` (the bound records and message specials are per evaluation)
/// and its own cache of which fields the journal lacks (a pure function of the journal too).
enum RuleWorkers {
    /// Threads to use: `ThreadSetting.available` (`ZHURNAL_THREADS=1` runs serially, as before
    /// this type), never more than there are rules.
    static func threads(for rules: Int) -> Int { max(1, min(rules, ThreadSetting.available)) }

    static func run(_ rules: [CheckedRule], journal: Journal, index: JournalIndex, asOf: LocalDateTime,
                    group: Int32?) -> [RuleTally] {
        let workers = threads(for: rules.count)
        let slots = Slots(count: rules.count)
        if workers == 1 {
            work(rules, journal, index, asOf, group, slots)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work(rules, journal, index, asOf, group, slots) }
        }
        return slots.tallies()
    }

    private static func work(_ rules: [CheckedRule], _ journal: Journal, _ index: JournalIndex, _ asOf: LocalDateTime,
                             _ group: Int32?, _ slots: Slots) {
        let env = Env(journal: journal, ix: index)
        var presence: [FieldKey: Bool] = [:]
        while let i = slots.take() {
            let start = RuleTimer.enabled ? (Date(), RuleTimer.threadCPU()) : nil
            let tally = RuleRunner.run(CompiledRule(rules[i]), env, asOf: asOf, group: group, presence: &presence)
            slots.put(tally, at: i, seconds: start.map { (Date().timeIntervalSince($0.0), RuleTimer.threadCPU() - $0.1) })
        }
    }

    /// The queue of rule indexes and one result slot per rule. Shared mutable state, guarded by
    /// `lock`: taking the next index and storing a tally happen once per rule (microseconds
    /// against the rule's milliseconds), so one lock costs nothing measurable.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var results: [RuleTally?]
        /// Wall and thread CPU seconds of each rule (under `ZHURNAL_TIMING`).
        private var seconds: [(wall: Double, cpu: Double)?]

        init(count: Int) {
            results = Array(repeating: nil, count: count)
            seconds = Array(repeating: nil, count: count)
        }

        func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < results.count else { return nil }
            next += 1
            return next - 1
        }

        func put(_ t: RuleTally, at i: Int, seconds s: (wall: Double, cpu: Double)?) {
            lock.lock()
            results[i] = t
            seconds[i] = s
            lock.unlock()
        }

        /// The tallies in rule order (every rule has been run); per-rule timings printed under
        /// `ZHURNAL_TIMING` in the same order (each rule's time on its thread and that thread's CPU
        /// time for it, not a wall-clock split).
        func tallies() -> [RuleTally] {
            lock.lock()
            defer { lock.unlock() }
            var out: [RuleTally] = []
            out.reserveCapacity(results.count)
            for (i, t) in results.enumerated() {
                guard let t else { preconditionFailure("rule \(i) was not evaluated") }
                if let s = seconds[i] {
                    RuleTimer.print("правило \(t.base.ruleId) (замечаний \(t.findings.count))", seconds: s.wall, cpu: s.cpu)
                }
                out.append(t)
            }
            return out
        }
    }
}
