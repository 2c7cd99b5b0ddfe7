import Foundation
import Testing
import JournalModel
import Findings
import RuleLanguage
@testable import RuleEngine

/// Issue 17: the neighbour lookups (a student's cells in date order, subgroups, load and КТП by
/// group × subject) are built only when a rule reads them — the five benchmark checks never do,
/// and building them sorts every cell of the journal. Whether they are built first, on demand,
/// or by two threads at once, every rule's findings are the same.
@Suite struct NeighbourIndexOnDemandTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func pack(_ path: String) throws -> Pack { try PackLoader.load(path: repo.appendingPathComponent(path).path) }

    /// The findings of every rule, in rule order, as "rule key".
    static func keys(_ tallies: [RuleTally]) -> [String] {
        tallies.flatMap { t in t.findings.map { "\(t.base.ruleId) \($0.item.key)" } }
    }

    @Test func aPackWithoutNeighbourFieldsNeverBuildsThemAndOneWithThemGetsTheSameFindings() throws {
        let j = AsOfTests.journal()
        let asOf = AsOfTests.t("30.10.2025 12:00")
        let five = try Self.pack("scripts/bench/five.rules")
        let ix = JournalIndex(journal: j, asOf: asOf)
        _ = RuleWorkers.run(five.rules, journal: j, index: ix, asOf: asOf, group: nil)
        #expect(!ix.neighboursBuilt)

        // btotis 2.7 reads `group_day_end` (the group's subjects on a day, the last bell) of each
        // lesson with homework; with oosh14 the rules run on two threads and build it on demand.
        let rules = try Self.pack("rules/oosh14.rules").rules + Self.pack("rules/btotis.rules").rules
        #expect(rules.contains { $0.id == "BTOTIS-2.7-HW-DEADLINE" })
        let onDemand = Self.keys(RuleWorkers.run(rules, journal: j, index: ix, asOf: asOf, group: nil))
        #expect(ix.neighboursBuilt)
        let built = JournalIndex(journal: j, asOf: asOf)
        _ = built.nb
        let first = Self.keys(RuleWorkers.run(rules, journal: j, index: built, asOf: asOf, group: nil))
        #expect(onDemand == first)
        // The journal (AsOfTests: a late topic entered on 09.10 for the lesson of 06.10, a
        // correction 19 days after the mark) gives oosh14 findings to compare, not an empty list.
        #expect(onDemand.contains { $0.hasPrefix("OOSH14-3.2.4.2-LESSON-DAY ") })
    }

    @Test func threadsAskingAtOnceShareOneIndex() {
        let j = AsOfTests.journal()
        let ix = JournalIndex(journal: j, asOf: AsOfTests.t("30.10.2025 12:00"))
        let seen = Seen()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in seen.add(ix.nb) }
        #expect(seen.all.count == 8)
        #expect(seen.all.allSatisfy { $0 === ix.nb })
    }

    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        // Kept alive (not just their identities: a freed index's address could be reused).
        private var seen: [NeighbourIndex] = []
        func add(_ n: NeighbourIndex) { lock.lock(); seen.append(n); lock.unlock() }
        var all: [NeighbourIndex] { lock.lock(); defer { lock.unlock() }; return seen }
    }
}
