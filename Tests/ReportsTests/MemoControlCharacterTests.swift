import Foundation
import Testing
@testable import Reports

/// Text from the journal (a name with an ESC sequence, a BEL in a topic) is shown in a Markdown
/// memo as visible pictures, never passed on: a memo printed to the terminal or opened in a
/// viewer cannot recolour or clear it.
@Suite struct MemoControlCharacterTests {
    @Test func controlCharactersInValuesAreShownNotPassedOn() throws {
        let out = try TemplateText.render("Ученик: {{name}}\n", file: "t.md.mustache", format: .markdown,
                                          context: ["name": "Иванов\u{1B}[31m\u{07} Иван"], schema: TemplateSchema(["name": .leaf]))
        #expect(!out.contains("\u{1B}") && !out.contains("\u{07}"))
        // ESC → «␛», BEL → «␇»; the bracket is escaped for Markdown as any other.
        #expect(out.contains("Ученик: Иванов␛\\[31m␇ Иван"), "\(out)")
    }

    @Test func bidirectionalOverridesAreNeutralised() throws {
        // U+202E (right-to-left override) would show «Иванов» reversed after it.
        let out = try TemplateText.render("{{name}}\n", file: "t.md.mustache", format: .markdown,
                                          context: ["name": "Иванов\u{202E}вонаИ"], schema: TemplateSchema(["name": .leaf]))
        #expect(!out.unicodeScalars.contains { $0.value == 0x202E })
        #expect(out.contains("Иванов\u{FFFD}вонаИ"))
    }
}
