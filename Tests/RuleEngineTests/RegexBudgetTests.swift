import Foundation
import Testing
import JournalModel
import Findings
@testable import RuleLanguage
@testable import RuleEngine

/// A `matches` pattern that backtracks without end on some text: the lint catches the usual
/// shapes when the pack loads; what it misses runs under a step budget, and a record it cannot
/// decide is «не проверено» with the reason — never a hang, never a finding.
@Suite struct RegexBudgetTests {
    @Test func aPatternOverBudgetLeavesTheRecordNotCheckedWithTheReason() throws {
        // «^(\w|а)+!$» on forty «а»: each «а» matches both branches, 2^40 ways to fail. The lint
        // lets it through (`\w` and `а` are different atoms); the budget stops it.
        let forty = String(repeating: "а", count: 40)
        let j = try LanguageConstructsTests.journal("""
            lesson date=2025-09-01 topic="\(forty)"
            lesson date=2025-09-03 topic="Дроби"
            """)
        let rule = LanguageConstructsTests.rule("R", scope: "lessons", "require not (topic matches \"^(\\\\w|а)+!$\")")
        let start = Date()
        let (o, f) = try LanguageConstructsTests.run(rule, j)
        #expect(Date().timeIntervalSince(start) < 5)
        // «Дроби» is decided (no «!»: no match, so `not` holds); the forty «а» are not.
        #expect(o[0].checked == 1 && o[0].skipped == 1 && f.isEmpty, "\(o[0])")
        #expect(o[0].skippedReasons.contains { $0.reason.contains("проверялось слишком долго") }, "\(o[0].skippedReasons)")
    }

    @Test func theLintRejectsNestedRepetitionAtThePatternsPlace() throws {
        let body = LanguageConstructsTests.rule("R", scope: "lessons", "require not (topic matches \"(а+)+$|б\")")
        let text = LanguageConstructsTests.header + body
        #expect(throws: PackError.self) { try PackLoader.load(text: text, file: "t.rules") }
        do { _ = try PackLoader.load(text: text, file: "t.rules") } catch let e as PackError {
            #expect(e.diagnostics.first?.id == "rules.slow-regex")
            // Line 10 (3 header lines, then the rule): `  require not (topic matches "` is 30
            // characters, so the pattern, `(а+)+` first, starts at column 31.
            #expect(e.diagnostics.first?.location?.line == 10)
            #expect(e.diagnostics.first?.location?.column == 31, "\(e.diagnostics.map(\.rendered))")
        }
    }

    @Test func theShippedPacksPatternsPassTheLint() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["oosh14", "hexlet", "btotis", "base"] {
            let path = root.appendingPathComponent("rules/\(name).rules").path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            // Every string after `matches` (the packs write their patterns as literals or parameters).
            for pattern in text.matches(of: /matches\s+"((?:[^"\\]|\\.)*)"/).map({ String($0.1) }) {
                let unescaped = pattern.replacingOccurrences(of: "\\\\", with: "\\")
                #expect(RegexLint.problem(unescaped) == nil, "\(name): \(pattern)")
            }
        }
    }
}
