import Foundation
import Testing
import Findings
import RuleLanguage
@testable import RuleEngine

/// The five institution packs in `rules/`: they load without diagnostics, every rule has a
/// triggering and a passing example, and each coverage table names exactly the pack's rules.
@Suite("Rule packs of the five regulations")
struct InstitutionPackTests {
    static let packs = ["oosh14", "hexlet", "btotis", "peresvet5", "sosh30"]

    static var rulesDir: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()   // Tests/RuleEngineTests
            .deletingLastPathComponent().deletingLastPathComponent()   // repo root
            .appendingPathComponent("rules")
    }

    static func load(_ id: String) throws -> Pack {
        let path = rulesDir.appendingPathComponent("\(id).rules").path
        do {
            return try PackLoader.load(path: path)
        } catch let e as PackError {
            let text = e.diagnostics.map { "\($0)" }.joined(separator: "\n")
            Issue.record("pack \(id) has diagnostics:\n\(text)")
            throw e
        }
    }

    @Test("each pack loads, cites its clause and has both kinds of example", arguments: packs)
    func loads(id: String) throws {
        let pack = try Self.load(id)
        #expect(pack.id == id.uppercased())
        #expect(!pack.rules.isEmpty)
        for rule in pack.rules {
            #expect(rule.id.hasPrefix(pack.id + "-"), "rule \(rule.id) is not named after its pack")
            #expect(rule.clause.hasPrefix("п. "), "rule \(rule.id) cites no clause")
            #expect(rule.examples.contains { $0.triggers != nil }, "rule \(rule.id) has no triggering example")
            #expect(rule.examples.contains { $0.triggers == nil }, "rule \(rule.id) has no passing example")
        }
    }

    @Test("every example of every rule behaves as declared (as `zhurnal rules test`)", arguments: packs)
    func examples(id: String) throws {
        let pack = try Self.load(id)
        var total = 0
        for rule in pack.rules {
            for r in ExampleRunner.run(rule) {
                total += 1
                #expect(r.passed, "\(rule.id) \(r.example): \(r.detail)")
            }
        }
        #expect(total >= 2 * pack.rules.count)
    }

    @Test("the coverage table names every rule of the pack and only those", arguments: packs)
    func coverageInSync(id: String) throws {
        let pack = try Self.load(id)
        let path = CoverageTable.path(forPack: Self.rulesDir.appendingPathComponent("\(id).rules").path)
        let table = try #require(try CoverageTable.read(path: path))
        let listed = Set(table.flatMap(\.ruleIds))
        let present = Set(pack.rules.map(\.id))
        #expect(listed.subtracting(present).sorted() == [], "coverage names rules absent from \(id).rules")
        #expect(present.subtracting(listed).sorted() == [], "rules of \(id).rules missing from the coverage table")
        for row in table {
            if row.status == .encoded {
                #expect(!row.ruleIds.isEmpty, "clause \(row.clause) is «проверяется» without a rule")
            } else {
                #expect(row.ruleIds.isEmpty, "clause \(row.clause) lists rules but is not «проверяется»")
                #expect(row.reason != nil, "clause \(row.clause) gives no reason")
            }
        }
    }
}
