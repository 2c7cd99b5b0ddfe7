import Foundation
import Testing
import Findings
import JournalModel
@testable import Reports

/// `check --json` writes each finding with `FindingJSON`, not `JSONEncoder`: the bytes must be
/// the encoder's (`.sortedKeys`, `.withoutEscapingSlashes`), so readers of the file see no change.
@Suite struct FindingJSONTests {
    func encoder(_ f: Finding) throws -> [UInt8] {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try enc.encode(f))
    }

    func ours(_ f: Finding) -> [UInt8] {
        var out: [UInt8] = []
        FindingJSON.append(f, to: &out)
        return out
    }

    /// One finding written out by hand: key order, escapes, omitted nils, dates as ISO text.
    @Test func aFindingByHand() {
        var f = Finding(ruleId: "R-1", document: "Положение", clause: "3.2", severity: .violation, area: .marks,
                        key: "R-1:7б|a/b", group: "7б", date: LocalDate(year: 2025, month: 9, day: 1)!,
                        delaySeconds: -5, evidence: [.init("Было", "«5»\n\"4\"\\")], message: "таб\tконец\u{1}")
        f.due = LocalDateTime(date: LocalDate(year: 2025, month: 9, day: 2)!, time: TimeOfDay(hour: 0, minute: 0)!)
        let expected = #"{"area":"отметки","clause":"3.2","date":"2025-09-01","delaySeconds":-5,"document":"Положение","due":"2025-09-02T00:00:00","evidence":[{"label":"Было","value":"«5»\n\"4\"\\"}],"group":"7б","key":"R-1:7б|a/b","message":"таб\tконец\u0001","ruleId":"R-1","severity":"нарушение"}"#
        #expect(String(decoding: ours(f), as: UTF8.self) == expected)
    }

    /// Random findings over texts with every control character, quotes, backslashes, slashes,
    /// DEL, Cyrillic, emoji and the Unicode line separators: byte for byte the encoder's.
    @Test func randomFindingsMatchTheEncoder() throws {
        var rng = SystemRandomNumberGenerator()
        let pieces: [String] = (0..<32).map { String(UnicodeScalar(UInt8($0))) }
            + ["\"", "\\", "/", "\u{7F}", "а", "Ё", "«", "»", "№", "😀", "\u{2028}", "\u{2029}", "\u{FEFF}", "e\u{301}", " ", "x", "7б", "<", "&"]
        func text() -> String { (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined() }
        func maybe() -> String? { Bool.random(using: &rng) ? text() : nil }
        for _ in 0..<2000 {
            var f = Finding(ruleId: text(), document: text(), clause: text(), severity: Severity.allCases.randomElement(using: &rng)!,
                            area: FindingArea.allCases.randomElement(using: &rng)!, key: text(), group: maybe(), subject: maybe(),
                            teacher: maybe(), date: Bool.random(using: &rng) ? LocalDate(year: 2025, month: Int.random(in: 1...12, using: &rng), day: 3)! : nil,
                            student: maybe(), expected: maybe(), found: maybe(),
                            delaySeconds: Bool.random(using: &rng) ? Int64.random(in: Int64.min...Int64.max, using: &rng) : nil,
                            evidence: (0..<Int.random(in: 0...3, using: &rng)).map { _ in .init(text(), text()) }, message: text())
            if Bool.random(using: &rng) {
                let d = LocalDate(year: 2026, month: 1, day: Int.random(in: 1...28, using: &rng))!
                f.due = Bool.random(using: &rng) ? .dayOnly(d) : LocalDateTime(date: d, time: TimeOfDay(hour: 23, minute: 59)!)
            }
            let (a, b) = (ours(f), try encoder(f))
            // Bytes, not Strings: String equality would take «é» and «e\u{301}» for the same.
            if a != b {
                Issue.record("ours: \(String(decoding: a, as: UTF8.self))\nJSONEncoder: \(String(decoding: b, as: UTF8.self))")
                return
            }
        }
    }
}
