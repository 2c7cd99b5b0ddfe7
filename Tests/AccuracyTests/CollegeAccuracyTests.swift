import Findings
import Foundation
@testable import JournalGenerator
import JournalImport
import JournalModel
import JournalStore
import RuleEngine
import Testing

/// Issue 11: the college shapes — «пары» (two hours a lesson), a discipline taught twice on one
/// day (two pairs), subgroups — checked by every pack against the ground truth, as
/// `AccuracyTests` does for the school. A reduced college: two groups, a first-year one (foreign
/// language and informatics split into subgroups) and a fourth-year one. `oosh14` is a school's
/// regulation (grade 1 has no marks, quarters): on a college its first course reads as grade 1
/// and its semesters as no quarters, so it is not compared here.
@Suite(.serialized) struct CollegeAccuracyTests {
    static let packs = AccuracyFixtures.packs.filter { $0 != "oosh14" }

    static func run(inject: Double) throws -> SyntheticRun {
        let root = NSTemporaryDirectory() + "zhurnal-college-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/csv"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var planner = InstitutionPlanner(rng: .derived(from: AccuracyTests.seed, 0))
        var plan = planner.college(groupsPerCourse: 1, studentsPerGroup: 16, timeZone: "Asia/Yekaterinburg")
        plan.groups = [plan.groups[0], plan.groups[18]]   // ИС-11 and ИС-41
        var summary = GenerationSummary()
        try SyntheticJournal.write(plan, index: 0, folder: folder,
                                   options: GeneratorOptions(size: .college, seed: AccuracyTests.seed, outputFolder: folder, injectRate: inject),
                                   summary: &summary)
        #expect(summary.doubleLessonDays > 0, "the college must have days with two pairs of one discipline")
        let store = try JournalStore(path: root + "/journal.sqlite")
        let session = ImportSession(importer: FileImporter(profiles: []))
        let files = try tables(in: folder)
        let s = try session.run(files.map { .init(path: folder + "/" + $0, displayName: $0) }, into: store)
        #expect(s.rejected == 0 && s.outcome?.disagreements.isEmpty == true)
        return SyntheticRun(journal: try store.load(), truth: try GroundTruth.read(folder: folder))
    }

    @Test func cleanCollegeGivesNoFindingsAndInjectedOnesAreFoundExactly() throws {
        let excluded = try AccuracyFixtures.exclusions()
        let clean = try Self.run(inject: 0)
        let options = CheckOptions(checkedAt: AccuracyTests.checkedAt)
        for pack in Self.packs {
            let report = try Checker.check(packPath: AccuracyFixtures.packPath(pack), journal: clean.journal, options: options)
            for (rule, findings) in Dictionary(grouping: report.findings, by: \.ruleId).sorted(by: { $0.key < $1.key })
            where !excluded.contains(where: { $0.pack == pack && $0.rule == rule }) {
                Issue.record("\(pack) \(rule): \(findings.count) findings on the clean college, e.g. \(findings.prefix(5).map(\.key))")
            }
        }
        let run = try Self.run(inject: 0.1)
        let map = try AccuracyFixtures.kindMap()
        for pack in Self.packs {
            let report = try Checker.check(packPath: AccuracyFixtures.packPath(pack), journal: run.journal, options: options)
            let rows = map.filter { $0.pack == pack }
            for row in rows { _ = AccuracyTests.compare(row, findings: report.findings, truth: run.truth) }
            let mapped = rows.reduce(into: Set<String>()) { $0.formUnion($1.rules) }
            let stray = report.findings.filter { f in !mapped.contains(f.ruleId) && !excluded.contains(where: { $0.pack == pack && $0.rule == f.ruleId }) }
            for (rule, findings) in Dictionary(grouping: stray, by: \.ruleId).sorted(by: { $0.key < $1.key }) {
                Issue.record("\(pack) \(rule): \(findings.count) findings of a rule that checks no injected kind, e.g. \(findings.prefix(5).map(\.key))")
            }
        }
    }
}
