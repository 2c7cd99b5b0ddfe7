import Findings
import Foundation
import JournalImport
import JournalModel
import JournalStore
import RuleLanguage
@testable import RuleEngine
import Testing

/// Issue 17: rules evaluated in pieces of consecutive lessons (`RuleWorkers`) give exactly the
/// whole rules' results on journals of shapes the synthetic engine journal lacks: the legacy
/// exports of `../shared/samples/legacy` (a CP1251 grid, lessons, marks and topics logs, topics
/// without lesson numbers), the hand-written double lessons (a grid with a day column repeated),
/// and a generated school (double lessons, weekly re-exports of the change history). Pieces of
/// one lesson each cut between the two lessons of every double lesson; the windows — every
/// month, and weeks — cut the quarters.
@Suite struct RulePiecesOnRealShapesTests {
    static func imported(_ folder: String, _ names: [String]) throws -> Journal {
        try ImportedFolder.load(folder, names).journal
    }

    /// The whole journal, each calendar month of its lessons, and every fourth week.
    static func windows(_ j: Journal) -> [(LocalDate?, LocalDate?)] {
        guard let dates = j.lessonDates else { return [(nil, nil)] }
        var out: [(LocalDate?, LocalDate?)] = [(nil, nil)]
        var m = dates.lowerBound.monthStart
        while m <= dates.upperBound {
            let next = m.adding(days: LocalDate.daysIn(month: m.month, year: m.year))
            out.append((m, next.adding(days: -1)))
            m = next
        }
        var w = dates.lowerBound
        while w <= dates.upperBound {
            out.append((w, w.adding(days: 6)))
            w = w.adding(days: 28)
        }
        return out
    }

    /// Every pack, whole rules against `parts` pieces, in every window; the number of findings
    /// of the whole journal (so that a caller can see the comparison was not of empty lists).
    static func expectSame(_ j: Journal, parts: [Int], _ what: String) throws -> Int {
        let asOf = AsOfDefault.moment(j)
        let ix = JournalIndex(journal: j, asOf: asOf)
        var found = 0
        for pack in AccuracyFixtures.packs {
            let rules = try PackLoader.load(path: AccuracyFixtures.packPath(pack)).rules
            func evaluate(_ n: Int) -> Evaluation {
                Evaluation(asOf: asOf, lessonDates: j.lessonDates,
                           tallies: RuleWorkers.run(rules, journal: j, index: ix, asOf: asOf, group: nil, parts: n))
            }
            let whole = evaluate(1)
            found += whole.select().findings.count
            for n in parts {
                let cut = evaluate(n)
                for (from, to) in windows(j) {
                    let a = whole.select(from: from, to: to), b = cut.select(from: from, to: to)
                    #expect(a.outcomes == b.outcomes, "\(what), \(pack), \(n) pieces, \(String(describing: from))")
                    #expect(a.findings == b.findings, "\(what), \(pack), \(n) pieces, \(String(describing: from))")
                }
            }
        }
        return found
    }

    @Test func theLegacySamples() throws {
        let folder = AccuracyFixtures.repo + "/../shared/samples/legacy"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
        let j = try Self.imported(folder, names)
        // By hand: 47 rows in lessons_log_7b_algebra.csv (48 lines with the header).
        #expect(j.lessons.count >= 47)
        let found = try Self.expectSame(j, parts: [j.lessons.count, 5], "legacy")
        #expect(found > 0)
    }

    @Test func theDoubleLessonsFixture() throws {
        let folder = AccuracyFixtures.folder + "/double-lessons"
        let names = DoubleLessonFindingsTests.header + ["сетка-7б-алгебра.csv", "занятия.csv", "отметки.csv"]
        let j = try Self.imported(folder, names)
        // By hand: 6 lessons in занятия.csv (DoubleLessonFindingsTests).
        #expect(j.lessons.count == 6)
        let found = try Self.expectSame(j, parts: [6, 4], "double lessons")
        #expect(found > 0)
    }

    @Test func aGeneratedSchool() throws {
        let run = try SyntheticRun.make(seed: 7, inject: 0.05, classes: 2)
        let found = try Self.expectSame(run.journal, parts: [13, 97], "generated")
        #expect(found > 0)
    }
}
