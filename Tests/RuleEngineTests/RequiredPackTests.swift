import Foundation
import Testing
import JournalModel
import Findings
import RuleLanguage
@testable import RuleEngine

/// The 14 required cases of issue 3 live in rules/tests/required.rules; their examples are the tests.
@Suite struct RequiredPackTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let packPath = root.appendingPathComponent("rules/tests/required.rules").path

    @Test func everyRequiredCaseIsARule() throws {
        let pack = try PackLoader.load(path: Self.packPath)
        let cases = Set(pack.rules.compactMap { $0.id.split(separator: "-").dropFirst().first.map { String($0.prefix(2)) } })
        #expect(cases == Set((1...14).map { $0 < 10 ? "0\($0)" : "\($0)" }))
    }

    @Test func everyExampleOfTheRequiredPackBehavesAsDeclared() throws {
        let pack = try PackLoader.load(path: Self.packPath)
        var total = 0
        for rule in pack.rules {
            #expect(rule.examples.contains { $0.triggers != nil } && rule.examples.contains { $0.triggers == nil }, "\(rule.id)")
            for r in ExampleRunner.run(rule) {
                total += 1
                #expect(r.passed, "\(rule.id) \(r.example): \(r.detail)")
            }
        }
        #expect(total >= 28)
    }

    @Test func aFailingExampleIsReportedWithItsReason() throws {
        var text = try String(contentsOfFile: Self.packPath, encoding: .utf8)
        // Make the "passes" example of rule 1 late: it must now fail.
        text = text.replacingOccurrences(of: "value=5 entered=2025-09-02T00:00", with: "value=5 entered=2025-09-02T00:01")
        let pack = try PackLoader.load(text: text, file: "req.rules")
        let rule = try #require(pack.rules.first { $0.id == "REQ-01-MARK-SAME-DAY" })
        let results = ExampleRunner.run(rule)
        #expect(results.map(\.passed) == [true, false])
        #expect(results[1].detail == "замечаний: 1, проверено: 1")
    }

    @Test func workingDayDeadlineSkipsHolidaysAndCountsSaturdaysInASixDayWeek() throws {
        let pack = try PackLoader.load(path: Self.packPath)
        let rule = try #require(pack.rules.first { $0.id == "REQ-02B-TEST-3-WORKING-DAYS" })
        let results = ExampleRunner.run(rule)
        let f = try #require(results.first?.findings.first)
        #expect(f.expected == "не позднее 06.11.2025 24:00")
        #expect(f.found == "07.11.2025 08:00")
        #expect(f.delaySeconds == Int64(8 * 3600))
    }
}
