import JournalModel
import Findings
import RuleLanguage

/// Evaluates checked rules over a journal.
///
///     let pack = try PackLoader.load(path: "rules/tests/required.rules")
///     let (outcomes, findings) = Engine.evaluate(pack.rules, journal: journal, options: CheckOptions())
public enum Engine {
    public static func evaluate(_ rules: [CheckedRule], journal: Journal,
                                options: CheckOptions) -> (outcomes: [RuleOutcome], findings: [Finding]) {
        let ix = JournalIndex(journal: journal, from: options.from, to: options.to, group: options.group)
        // Serial on purpose: measured slower on two threads (reference-count traffic on the shared
        // journal arrays outweighs the second core).
        let env = Env(journal: journal, ix: ix)
        var presence: [FieldKey: Bool] = [:]
        var outcomes: [RuleOutcome] = []
        var findings: [Finding] = []
        for r in rules {
            let (o, f) = RuleRunner.run(CompiledRule(r), env, presence: &presence)
            outcomes.append(o)
            findings += f
        }
        return (outcomes, findings)
    }
}

