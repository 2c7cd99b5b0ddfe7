import Findings
import Foundation
import JournalModel
import RuleLanguage
@testable import RuleEngine
import Testing

/// Issue 17's per-record shortcuts on journals of shapes our generator does not write — the legacy
/// exports of `../shared/samples/legacy` (a CP1251 grid, logs, topics without lesson numbers) and
/// the hand-written double lessons — and on a generated school with double lessons and weekly
/// re-exports of the change history:
/// - the scope filter that stops at its first conjunct that is not true (`Compiler.scopeFilter`)
///   gives every pack's outcomes and findings of the plain three-valued filter, in the whole
///   journal, every month and every fourth week (windows that cut the quarters);
/// - the mark fields read from the index's one-byte copies give each cell's own marks.
@Suite struct ShortcutsOnRealShapesTests {
    static func expectSame(_ j: Journal, _ what: String) throws -> Int {
        let asOf = AsOfDefault.moment(j)
        let ix = JournalIndex(journal: j, asOf: asOf)
        var found = 0
        for pack in AccuracyFixtures.packs {
            let rules = try PackLoader.load(path: AccuracyFixtures.packPath(pack)).rules
            func evaluate(_ compile: (CheckedRule) -> CompiledRule) -> Evaluation {
                var presence: [FieldKey: Bool] = [:]
                let tallies = rules.map { r in
                    RuleRunner.run(compile(r), Env(journal: j, ix: ix), asOf: asOf, group: nil, presence: &presence)
                }
                return Evaluation(asOf: asOf, lessonDates: j.lessonDates, tallies: tallies)
            }
            let plain = evaluate { CompiledRule($0, filterStopsEarly: false) }, early = evaluate { CompiledRule($0) }
            found += plain.select().findings.count
            for (from, to) in RulePiecesOnRealShapesTests.windows(j) {
                let a = plain.select(from: from, to: to), b = early.select(from: from, to: to)
                #expect(a.outcomes == b.outcomes, "\(what), \(pack), \(String(describing: from))")
                #expect(a.findings == b.findings, "\(what), \(pack), \(String(describing: from))")
            }
        }
        expectMarks(j, ix, what)
        return found
    }

    static func expectMarks(_ j: Journal, _ ix: JournalIndex, _ what: String) {
        let env = Env(journal: j, ix: ix)
        func num(_ v: Value) -> Double? { if case .num(let x) = v { x } else { nil } }
        for i in j.cells.indices {
            let ref = Ref(kind: .cell, i: Int32(i)), v = j.cells[i].value
            #expect(num(FieldGetters.all[FieldKey(.cell, "mark")]!.get(ref, env)) == v.first.map { Double($0.value) }, "\(what): «\(v.raw)»")
            #expect(num(FieldGetters.all[FieldKey(.cell, "second_mark")]!.get(ref, env)) == v.second.map { Double($0.value) }, "\(what): «\(v.raw)»")
        }
    }

    @Test func theLegacySamples() throws {
        let folder = AccuracyFixtures.repo + "/../shared/samples/legacy"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
        let j = try RulePiecesOnRealShapesTests.imported(folder, names)
        // By hand: 47 rows in lessons_log_7b_algebra.csv (48 lines with the header).
        #expect(j.lessons.count >= 47)
        #expect(try Self.expectSame(j, "legacy") > 0)
    }

    @Test func theDoubleLessonsFixture() throws {
        let folder = AccuracyFixtures.folder + "/double-lessons"
        let names = DoubleLessonFindingsTests.header + ["сетка-7б-алгебра.csv", "занятия.csv", "отметки.csv"]
        let j = try RulePiecesOnRealShapesTests.imported(folder, names)
        // By hand: 6 lessons in занятия.csv (DoubleLessonFindingsTests).
        #expect(j.lessons.count == 6)
        #expect(try Self.expectSame(j, "double lessons") > 0)
    }

    @Test func aGeneratedSchool() throws {
        let run = try SyntheticRun.make(seed: 7, inject: 0.05, classes: 2)
        #expect(try Self.expectSame(run.journal, "generated") > 0)
    }
}
