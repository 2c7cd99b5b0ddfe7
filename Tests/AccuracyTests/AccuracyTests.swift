import Findings
import Foundation
import JournalGenerator
import JournalModel
import RuleEngine
import Testing

/// Issue 7, «Accuracy»: each pack over a synthetic journal finds exactly the injected
/// violations of the kinds it checks (precision and recall 100 %), and nothing on a clean one.
/// The mapping kind → rules is `Fixtures/kind-map.csv`; rules left out of the comparison, with
/// the reason, are in `Fixtures/exclusions.csv`.
@Suite(.serialized) struct AccuracyTests {
    static let seed: UInt64 = 20_251
    static let classes = 6
    /// Fixed «now» and the moment of judgement, after every entry of the generated year, so every
    /// record is due and the ground truth can be compared in full.
    static let checkedAt = LocalDateTime(date: LocalDate(year: 2026, month: 8, day: 31)!, time: TimeOfDay(hour: 12, minute: 0)!)

    @Test func cleanJournalGivesNoFindings() throws {
        // Names spelt as a second system would in the marks, period marks and changes (the
        // shape that made false findings before `NameKey`), marks without lesson numbers
        // (placed by `UnnumberedMarks` on double-lesson days) and written «5.0» (`DecimalMark`),
        // entry moments as a date and a time in two columns and lesson times «9.25»: still
        // nothing to find.
        let run = try SyntheticRun.make(seed: Self.seed, inject: 0, classes: Self.classes, spellings: true, unnumberedMarks: true,
                                        decimalMarks: true, otherFormats: true)
        #expect(run.truth.isEmpty)
        #expect(run.journal.lessons.count > 3_000)
        let excluded = try AccuracyFixtures.exclusions()
        for pack in AccuracyFixtures.packs {
            let report = try check(pack, run.journal)
            let byRule = Dictionary(grouping: report.findings, by: \.ruleId)
            for (rule, findings) in byRule.sorted(by: { $0.key < $1.key })
            where !excluded.contains(where: { $0.pack == pack && $0.rule == rule }) {
                let keys = findings.prefix(10).map(\.key).joined(separator: "\n  ")
                Issue.record("\(pack) \(rule): \(findings.count) findings on the clean journal, e.g.\n  \(keys)")
            }
        }
    }

    /// Quarters, trimesters (issue 12: attestation periods of any kind) and a college's semesters.
    @Test(arguments: [("школа, четверти", JournalSize.small, PeriodScheme?.none),
                      ("школа, триместры", .small, .trimesters),
                      ("колледж, семестры", .college, nil)])
    func injectedViolationsAreFoundExactly(_ label: String, _ size: JournalSize, _ periods: PeriodScheme?) throws {
        let run = try SyntheticRun.make(seed: Self.seed, inject: 0.1, classes: Self.classes, size: size, periods: periods,
                                        spellings: true)
        let map = try AccuracyFixtures.kindMap()
        let excluded = try AccuracyFixtures.exclusions()
        var lines: [String] = []
        for pack in AccuracyFixtures.packs {
            let report = try check(pack, run.journal)
            let rows = map.filter { $0.pack == pack }
            let mapped = rows.reduce(into: Set<String>()) { $0.formUnion($1.rules) }
            for row in rows {
                let line = Self.compare(row, findings: report.findings, truth: run.truth)
                lines.append(line)
            }
            let known = Set(report.outcomes.map(\.ruleId))
            for rule in mapped where !known.contains(rule) { Issue.record("\(pack): kind-map.csv names \(rule), not in the pack") }
            let strayFindings = report.findings.filter { f in
                !mapped.contains(f.ruleId) && !excluded.contains(where: { $0.pack == pack && $0.rule == f.ruleId })
            }
            let stray = Dictionary(grouping: strayFindings, by: { (f: Finding) in f.ruleId })
            for (rule, findings) in stray.sorted(by: { $0.key < $1.key }) {
                let keys = findings.prefix(10).map(\.key).joined(separator: "\n  ")
                Issue.record("\(pack) \(rule): \(findings.count) findings of a rule that checks no injected kind, e.g.\n  \(keys)")
            }
        }
        print("accuracy, \(label) (pack rules: kinds — truth / found / matched):\n" + lines.joined(separator: "\n"))
    }

    @Test func everyInjectedKindIsCheckedBySomePack() throws {
        let map = try AccuracyFixtures.kindMap()
        let covered = Set(map.flatMap(\.kinds))
        let unchecked = ViolationKind.allCases.filter { !covered.contains($0) }
        #expect(unchecked.isEmpty, "kinds no pack rule is mapped to: \(unchecked.map(\.rawValue))")
        for e in try AccuracyFixtures.exclusions() {
            #expect(e.reason.count > 40, "\(e.pack) \(e.rule): an exclusion needs its reason")
            #expect(!map.contains { $0.pack == e.pack && $0.rules.contains(e.rule) }, "\(e.rule) is both mapped and excluded")
        }
    }

    /// Compares one kind-map row; records an issue with up to 10 keys each side on a mismatch.
    static func compare(_ row: KindMapRow, findings: [Finding], truth: [GroundTruthEntry]) -> String {
        var found = KeyBag()
        for f in findings where row.rules.contains(f.ruleId) {
            guard let k = NaturalKey(finding: f) else {
                Issue.record("\(row.pack) \(f.ruleId): unparsed finding key \(f.key)")
                continue
            }
            found.add(k)
        }
        let noNumber = found.counts.keys.contains { $0.lessonNumber.isEmpty && !$0.date.isEmpty }
        let minus = Set(truth.filter { row.minusKinds.contains($0.kind) }.map { NaturalKey($0) })
        var expected = KeyBag()
        for e in truth where row.kinds.contains(e.kind) && (row.periods.isEmpty || row.periods.split(separator: "|").contains { e.period.contains($0) }) {
            let k = NaturalKey(e)
            guard !minus.contains(k) else { continue }
            expected.add(noNumber ? k.withoutLessonNumber : k)
        }
        let name = "\(row.pack) \(row.rules.sorted().joined(separator: "+")): \(row.kinds.map(\.rawValue).joined(separator: "+"))"
            + (row.minusKinds.isEmpty ? "" : " − " + row.minusKinds.map(\.rawValue).joined(separator: "−"))
        let matched = expected.matched(found)
        #expect(expected.total > 0, "\(name): nothing injected, the comparison would prove nothing")
        let missed = expected.minus(found), extra = found.minus(expected)
        if !missed.isEmpty || !extra.isEmpty {
            Issue.record("""
                \(name): truth \(expected.total), found \(found.total), matched \(matched)
                  missed (\(missed.count)): \(missed.prefix(10).map(\.description).joined(separator: "\n    "))
                  extra (\(extra.count)): \(extra.prefix(10).map(\.description).joined(separator: "\n    "))
                """)
        }
        return "  \(name) — \(expected.total) / \(found.total) / \(matched)"
    }

    private func check(_ pack: String, _ journal: Journal) throws -> CheckReport {
        try Checker.check(packPath: AccuracyFixtures.packPath(pack), journal: journal,
                          options: CheckOptions(checkedAt: Self.checkedAt, asOf: Self.checkedAt))
    }
}
