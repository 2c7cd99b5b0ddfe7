import Testing
@testable import JournalGenerator

@Suite struct GroundTruthTests {
    /// Every kind is injected, the summary agrees with the file, and the file lists exactly the
    /// entities the CSV tables show to violate each kind (recomputed independently).
    @Test func groundTruthMatchesTheTables() throws {
        let (folder, summary) = Fixtures.smallInjected
        let truth = try CSVTable(folder + "/ground_truth.csv")
        var listed: [String: Set<String>] = [:]
        for r in truth.rows { listed[r[0], default: []].insert(r[1]) }
        #expect(truth.rows.count == listed.values.reduce(0) { $0 + $1.count }, "duplicate ground-truth rows")
        let oracle = try Oracle(folder: folder)
        for (kind, count) in summary.injected {
            let expected = listed[kind.rawValue, default: []]
            let actual = oracle.found[kind.rawValue, default: []]
            #expect(count == expected.count, "\(kind.rawValue): summary \(count), file \(expected.count)")
            if kind != .substitutionLate && kind != .substitutionUnrecorded {
                #expect(count > 0, "\(kind.rawValue) was not injected")
            }
            let missing = expected.subtracting(actual).sorted().prefix(3)
            let extra = actual.subtracting(expected).sorted().prefix(3)
            #expect(missing.isEmpty && extra.isEmpty, "\(kind.rawValue): in truth only \(Array(missing)), in tables only \(Array(extra))")
        }
    }

    /// The same for a college: subgroups, semesters, pairs, a 6-day week.
    @Test func collegeGroundTruthMatchesTheTables() throws {
        let folder = try Fixtures.miniCollege(seed: 9, rate: 0.03, name: "gt-college")
        let truth = try CSVTable(folder + "/ground_truth.csv")
        var listed: [String: Set<String>] = [:]
        for r in truth.rows { listed[r[0], default: []].insert(r[1]) }
        let oracle = try Oracle(folder: folder)
        for kind in ViolationKind.allCases {
            let expected = listed[kind.rawValue, default: []]
            let actual = oracle.found[kind.rawValue, default: []]
            #expect(expected == actual, "\(kind.rawValue): in truth only \(expected.subtracting(actual).sorted().prefix(3)), in tables only \(actual.subtracting(expected).sorted().prefix(3))")
        }
        #expect(listed["too_few_marks", default: []].contains { $0.contains("семестр") })
    }

    @Test func cleanCollegeHasNoViolation() throws {
        let folder = try Fixtures.miniCollege(seed: 10, rate: 0, name: "clean-college")
        #expect(try CSVTable(folder + "/ground_truth.csv").rows.isEmpty)
        let oracle = try Oracle(folder: folder)
        for k in ViolationKind.allCases {
            #expect(oracle.found[k.rawValue, default: []].isEmpty, "\(k.rawValue): \(oracle.found[k.rawValue, default: []].sorted().prefix(3))")
        }
    }

    @Test func groundTruthReaderReturnsEveryRow() throws {
        let (folder, summary) = Fixtures.smallInjected
        let entries = try GroundTruth.read(folder: folder)
        for (kind, count) in summary.injected {
            #expect(entries.filter { $0.kind == kind }.count == count)
        }
        let cell = try #require(entries.first { $0.kind == .absenceLetter })
        #expect(cell.key == "\(cell.group)|\(cell.subject)|\(cell.lessonDate)|\(cell.lessonNumber ?? 0)|\(cell.student)")
        let period = try #require(entries.first { $0.kind == .tooFewMarks })
        #expect(period.period.hasSuffix("четверть") && period.lessonNumber == nil)
        #expect(throws: GroundTruthError.unreadable(Fixtures.folder("none") + "/ground_truth.csv")) {
            try GroundTruth.read(folder: Fixtures.folder("none"))
        }
    }

    @Test func injectionRateIsRoughlyHonoured() throws {
        let (_, summary) = Fixtures.smallInjected
        let count = { (k: ViolationKind) in summary.injected.first { $0.kind == k }?.count ?? 0 }
        // 2 % of ~26,600 lessons for each lesson-level kind.
        #expect((350...750).contains(count(.lessonNoTopic)))
        // late corrections: 2 % of the marks (~200,000).
        let marks = Double(summary.cells)
        #expect(Double(count(.lateCorrection)) > marks * 0.012 && Double(count(.lateCorrection)) < marks * 0.025)
    }
}
