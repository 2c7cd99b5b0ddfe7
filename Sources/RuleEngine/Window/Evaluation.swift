import JournalModel
import Findings

/// A pack evaluated over a whole journal as of one moment, before a window selects what to
/// report. A window never truncates evidence: it only picks the records that fell due in it.
///
///     let ev = Engine.evaluate(pack.rules, journal: journal, asOf: moment)
///     let week = ev.select(from: monday, to: sunday)      // the findings due that week
///     let all = ev.select()                               // the whole journal
public struct Evaluation: Sendable {
    /// The moment the journal was judged at.
    public let asOf: LocalDateTime
    /// First and last lesson dates of the journal.
    public let lessonDates: ClosedRange<LocalDate>?
    let tallies: [RuleTally]

    /// Outcomes and findings of the records due within `from...to` (either end open).
    public func select(from: LocalDate? = nil, to: LocalDate? = nil) -> (outcomes: [RuleOutcome], findings: [Finding]) {
        let lo = from?.dayNumber ?? Int32.min, hi = to?.dayNumber ?? Int32.max
        var outcomes: [RuleOutcome] = []
        var findings: [Finding] = []
        outcomes.reserveCapacity(tallies.count)
        for t in tallies {
            let (o, f) = t.select(from: lo, to: hi)
            outcomes.append(o)
            findings += f
        }
        return (outcomes, findings)
    }
}
