import Findings

/// Which «не проверено» outcomes a document or a terminal note must mention: a rule the data
/// could not feed (no entry times, no change history) or that failed. A rule with nothing to
/// judge — no 1st grade in the school, no month ending in the week, deadlines not yet come —
/// is not news for the reader and is left out.
///
///     report.outcomes.filter(UncheckedNote.concernsUser)
public enum UncheckedNote {
    public static func concernsUser(_ o: RuleOutcome) -> Bool {
        switch o.status {
        case .error: return true
        case .passed, .violated: return false
        case .notChecked:
            return o.missingData.contains { !nothingToJudge($0) }
        }
    }

    /// The engine's wordings for «no record of this kind» and «not due yet» (`RuleTally`).
    static func nothingToJudge(_ reason: String) -> Bool {
        reason.hasPrefix("нет записей, к которым применимо правило") || reason.hasPrefix("в журнале нет записей")
            || reason.contains("срок ещё не наступил")
    }
}
