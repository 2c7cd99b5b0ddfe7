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

    /// Code blocks marked `rules`: whole files are loaded and checked; fragments (rule bodies,
    /// parameter lines) are parsed inside a minimal pack.
    @Test func everyRulesBlockInTheReadmeParses() throws {
        let parts = Self.readme.components(separatedBy: "```rules\n").dropFirst()
        #expect(parts.count >= 6)
        for part in parts {
            let code = String(part.prefix { _ in true }.components(separatedBy: "```").first ?? "")
            let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
            let text: String
            if trimmed.hasPrefix("pack") || trimmed.hasPrefix("rule") || trimmed.hasPrefix("param") {
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
