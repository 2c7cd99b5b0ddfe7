import Foundation
import Testing
import JournalModel
@testable import RuleLanguage

/// Each fixture `X.rules` holds one kind of mistake; `X.expected` is the whole rendered output
/// (file:line:col, message, source line, caret, hint) a methodologist sees.
@Suite struct DiagnosticsGoldenTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/diagnostics")

    static let cases = ["bad-duration", "bad-example", "bad-placeholder", "bad-regex", "bad-severity", "missing-area",
                        "missing-key", "several", "type-mismatch", "unknown-entity", "unknown-field", "unknown-function",
                        "unknown-key", "unknown-parameter", "unterminated-string",
                        // One mistake, one error: no cascade after a broken line, a broken parameter or a missing template.
                        "huge-duration", "unknown-unit", "broken-line", "unknown-template", "unset-parameter", "bad-char", "quote-in-placeholder"]

    static func render(_ name: String) throws -> (String, [Diagnostic]) {
        let text = try String(contentsOf: dir.appendingPathComponent(name + ".rules"), encoding: .utf8)
        do {
            _ = try PackLoader.load(text: text, file: name + ".rules")
            return ("", [])
        } catch let e as PackError {
            return (e.diagnostics.map { $0.rendered + "\n" }.joined(), e.diagnostics)
        }
    }

    @Test(arguments: cases)
    func renderedDiagnosticMatchesGolden(_ name: String) throws {
        let expected = try String(contentsOf: Self.dir.appendingPathComponent(name + ".expected"), encoding: .utf8)
        let (got, _) = try Self.render(name)
        #expect(got == expected)
    }

    @Test func diagnosticsCarryStableIds() throws {
        let expectations: [String: RuleDiagnosticID] = [
            "bad-duration": .badDuration, "bad-example": .unknownKey, "bad-regex": .badRegex, "bad-severity": .badSeverity,
            "missing-area": .missingArea, "missing-key": .missingKey, "type-mismatch": .typeMismatch,
            "unknown-entity": .unknownEntity, "unknown-field": .unknownField, "unknown-function": .unknownFunction,
            "unknown-key": .unknownKey, "unknown-parameter": .unknownParameter, "unterminated-string": .unterminatedString,
            "huge-duration": .badDuration, "unknown-unit": .badDuration, "broken-line": .syntax,
            "unknown-template": .unknownTemplate, "unset-parameter": .unknownParameter,
        ]
        for (name, id) in expectations {
            let (_, diags) = try Self.render(name)
            #expect(diags.first?.id == id.rawValue, "\(name)")
        }
    }

    /// Each of these files has exactly one mistake, and exactly one error is printed for it.
    @Test(arguments: ["huge-duration", "unknown-unit", "broken-line", "unknown-template", "unset-parameter", "bad-char", "quote-in-placeholder"])
    func oneMistakeGivesOneError(_ name: String) throws {
        let (_, diags) = try Self.render(name)
        #expect(diags.count == 1, "\(diags.map(\.rendered))")
    }

    @Test func everyErrorOfAFileIsReportedInOneRun() throws {
        let (_, diags) = try Self.render("several")
        #expect(diags.map(\.id) == ["rules.bad-severity", "rules.type-mismatch", "rules.unknown-field"])
        #expect(diags.map { $0.location?.line ?? 0 } == [10, 12, 14])
    }

    @Test func aValidFileHasNoDiagnostics() throws {
        let text = try String(contentsOf: Self.dir.appendingPathComponent("unknown-key.rules"), encoding: .utf8)
            .replacingOccurrences(of: "  titel \"Ещё название\"\n", with: "")
        let pack = try PackLoader.load(text: text, file: "ok.rules")
        #expect(pack.rules.map(\.id) == ["G-1"])
        #expect(pack.params.first?.value == .days(3, working: false))
    }
}
