import JournalModel
import Findings
import RuleLanguage

/// Evaluates checked rules over a journal.
///
///     let ev = Engine.evaluate(pack.rules, journal: journal, asOf: journal.latestEntry ?? …)
///     let (outcomes, findings) = ev.select(from: start, to: end)
public enum Engine {
    /// Every record of every rule over the whole journal (`group`, when given, limits which
    /// records are judged — their evidence is still the whole journal). `journal` should be the
    /// journal as of `asOf` (`Journal.asOf`): records due after `asOf` are skipped.
    public static func evaluate(_ rules: [CheckedRule], journal: Journal, asOf: LocalDateTime,
                                group: String? = nil) -> Evaluation {
        var timer = RuleTimer()
        let ix = JournalIndex(journal: journal, asOf: asOf)
        timer.mark("индекс журнала")
        let groupId: Int32? = group.map { g in journal.groups.firstIndex { $0.name == g }.map(Int32.init) ?? -2 }
        // Rules on all cores, each rule whole on one thread (`RuleWorkers`).
        let tallies = RuleWorkers.run(rules, journal: journal, index: ix, asOf: asOf, group: groupId)
        timer.mark("правила (\(rules.count), потоков \(RuleWorkers.threads(for: rules.count)))")
        return Evaluation(asOf: asOf, lessonDates: journal.lessonDates, tallies: tallies)
    }

    /// Evaluates and selects in one call: `options.asOf` or the journal's default moment, the
    /// window `options.from...options.to`, the group `options.group`.
    public static func evaluate(_ rules: [CheckedRule], journal: Journal,
                                options: CheckOptions) -> (outcomes: [RuleOutcome], findings: [Finding]) {
        let asOf = options.asOf ?? AsOfDefault.moment(journal)
        return evaluate(rules, journal: journal.asOf(asOf), asOf: asOf, group: options.group)
            .select(from: options.from, to: options.to)
    }
}

/// The moment a check judges at when none is given: the latest entry in the data; for an
/// export without entry times, 00:00 of its last lesson day (that day's entries may still come).
public enum AsOfDefault {
    public static func moment(_ j: Journal) -> LocalDateTime {
        if let t = j.latestEntry { return t }
        if let d = j.lessonDates?.upperBound { return d.startOfDay }
        return LocalDateTime(seconds: 0)
    }

    /// Far after any journal: everything is due (rule examples describe finished situations).
    public static let never = LocalDateTime(seconds: Int64(LocalDate(year: 9999, month: 12, day: 31)?.dayNumber ?? 0) * 86400)
}
