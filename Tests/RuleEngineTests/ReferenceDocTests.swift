import Foundation
import Testing
import JournalModel
import Findings
@testable import RuleLanguage
@testable import RuleEngine

/// rules/README.md cannot drift from the implementation: its tables are the registry's, every
/// registry field has a getter, and every example block parses.
@Suite struct ReferenceDocTests {
    static let readme: String = {
        let url = RequiredPackTests.root.appendingPathComponent("rules/README.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    static func block(_ name: String) -> String? {
        guard let a = readme.range(of: "<!-- \(name):begin -->\n"), let b = readme.range(of: "<!-- \(name):end -->") else { return nil }
        return String(readme[a.upperBound..<b.lowerBound])
    }

    @Test func fieldTablesInTheReadmeAreTheRegistry() {
        #expect(Self.block("fields") == ReferenceText.fields())
    }

    @Test func functionTableInTheReadmeIsTheRegistry() {
        #expect(Self.block("functions") == ReferenceText.functions())
    }

    @Test func everyRegistryFieldHasAGetterAndNoGetterIsUndocumented() {
        var documented = Set<FieldKey>()
        for (e, fs) in FieldRegistry.fields { for f in fs { documented.insert(FieldKey(e, f.name)) } }
        #expect(Set(FieldGetters.all.keys) == documented)
        for f in documented { #expect(Self.readme.contains("| `\(f.name)` |"), "\(f.entity.rawValue).\(f.name)") }
    }

    @Test func vocabularyMatchesTheFindingsTypes() {
        #expect(Vocabulary.severities == Severity.allCases.map(\.rawValue))
        #expect(Set(Vocabulary.areas) == Set(FindingArea.allCases.map(\.rawValue)).subtracting(["прочее"]))
    }

    @Test func everyDiagnosticIdIsDocumented() {
        for id in RuleDiagnosticID.allCases { #expect(Self.readme.contains("`\(id.rawValue)`"), "\(id.rawValue)") }
    }

    /// Parameters the README's fragments use, declared once for the blocks that are not whole packs.
    static let prelude = """
        param test_work_types = {"контрольная работа", "к/р"} "—"
        param retest_days = 4 дня "—"
        param share_warn = 10% "—"
        param share_fail = 25% "—"
        param written_pattern = "(?i)контрольн" "—"
        param test_deadline = 3 дня "—"

        """

    static var rulesBlocks: [String] {
        readme.components(separatedBy: "```rules\n").dropFirst().map { String($0.components(separatedBy: "```").first ?? "") }
    }

    /// Every `rules` block is type-checked against the registry, not only parsed: whole packs as
    /// they are (and their examples must behave), rules and definitions with the parameters
    /// above, condition fragments inside a rule that has every other key.
    @Test func everyRulesBlockInTheReadmeIsCheckedAndItsExamplesPass() throws {
        var examples = 0
        for code in Self.rulesBlocks {
            let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("pack") && code.contains("extends") { continue }
            let header = "pack X\ntitle \"x\"\ndocument \"d\"\n"
            let text: String
            var allowed: Set<String> = []
            if trimmed.hasPrefix("pack") { text = code }
            else if trimmed.hasPrefix("param") { text = header + code }
            else if trimmed.hasPrefix("rule") || trimmed.hasPrefix("define") { text = header + Self.prelude + code }
            else {
                text = header + Self.prelude + "rule X-1 {\n  title \"x\"\n  clause \"п. 1\"\n  severity нарушение\n  tags отметки\n"
                    + "  message \"x\"\n" + code + "}\n"
                allowed = [RuleDiagnosticID.badExample.rawValue]
            }
            do {
                let pack = try PackLoader.load(text: text, file: "README")
                for rule in pack.rules {
                    for r in ExampleRunner.run(rule) {
                        examples += 1
                        #expect(r.passed, "README \(rule.id) \(r.example): \(r.detail)")
                    }
                }
            } catch let e as PackError {
                let unexpected = e.diagnostics.filter { !allowed.contains($0.id) }
                #expect(unexpected.isEmpty, "\(unexpected.map(\.rendered).joined(separator: "\n"))\n\(text)")
            }
        }
        #expect(examples >= 10)
    }

    /// Section 7 names every fixture line and key the examples accept.
    @Test func everyFixtureLineAndKeyIsDocumented() throws {
        let section = try #require(Self.readme.components(separatedBy: "## 7. Примеры").dropFirst().first?
            .components(separatedBy: "## 8.").first)
        for (kind, keys) in Parser.fixtureKeys {
            let row = section.split(separator: "\n").first { $0.hasPrefix("| `\(kind)` |") }
            #expect(row != nil, "fixture line `\(kind)` is not in the README table")
            for k in keys { #expect(row?.contains("`\(k)") == true, "fixture key \(kind).\(k) is not in the README table") }
        }
    }

    /// Every kind of data a rule may need can be set in an example, and the hint says how.
    @Test func everyOptionalDatumHasAFixtureKey() {
        let needs = FieldRegistry.fields.values.flatMap { $0 }.compactMap(\.requires) + FieldRegistry.globals.compactMap(\.requires)
        for n in Set(needs) { #expect(Parser.fixtureForData[n] != nil, "no fixture hint for «\(n)»") }
    }

    @Test func everyEntityHasAFieldTable() {
        let shown = Set(ReferenceText.main + ReferenceText.reference)
        for e in Entity.allCases { #expect(shown.contains(e), "\(e.rawValue) has no table in rules/README.md") }
    }

    /// The duration words of section 1.1 are the ones the parser understands.
    @Test func durationWordsAreDocumented() {
        let grammar = Self.readme.components(separatedBy: "### 1.2.").first ?? ""
        for w in DurationUnits.dayWords.union(DurationUnits.weekWords).union(DurationUnits.hourWords)
            .union(DurationUnits.minuteWords).union(DurationUnits.workingWords) {
            #expect(grammar.contains("\"\(w)\"") || grammar.contains("\"\(w).\""), "duration word «\(w)» is not in the grammar")
        }
    }

    /// Code blocks marked `rules`: whole files are loaded and checked; fragments (rule bodies,
    /// parameter lines) are parsed inside a minimal pack.
    @Test func everyRulesBlockInTheReadmeParses() throws {
        let parts = Self.readme.components(separatedBy: "```rules\n").dropFirst()
        #expect(parts.count >= 6)
        for part in parts {
            let code = String(part.prefix { _ in true }.components(separatedBy: "```").first ?? "")
            let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
            let text: String
            if trimmed.hasPrefix("pack") || trimmed.hasPrefix("rule") || trimmed.hasPrefix("param") || trimmed.hasPrefix("define") {
                text = trimmed.hasPrefix("pack") ? code : "pack X\ntitle \"x\"\ndocument \"d\"\n" + code
            } else {
                text = "pack X\ntitle \"x\"\ndocument \"d\"\nrule X {\n" + code + "}\n"
            }
            let sink = DiagnosticSink(file: "README", text: text)
            var p = Parser(text: text, sink: sink)
            _ = p.parseFile()
            #expect(sink.items.isEmpty, "\(sink.items.map(\.rendered))\n\(text)")
            if trimmed.hasPrefix("pack") && !text.contains("extends") {
                #expect(throws: Never.self) { try PackLoader.load(text: text, file: "README") }
            }
            // Whole rules with examples: the examples behave as the reference says they do.
            if trimmed.hasPrefix("rule"), let pack = try? PackLoader.load(text: text, file: "README") {
                for rule in pack.rules {
                    for r in ExampleRunner.run(rule) { #expect(r.passed, "README \(rule.id) \(r.example): \(r.detail)") }
                }
            }
        }
    }
}
