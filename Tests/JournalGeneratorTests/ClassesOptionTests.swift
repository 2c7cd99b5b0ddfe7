import Foundation
import Testing
@testable import JournalGenerator

/// `--classes N`: a reduced small school for fast tests, deterministic like the full one.
@Suite struct ClassesOptionTests {
    @Test func reducedSchoolHasOneClassPerGradeFirst() throws {
        let a = Fixtures.folder("classes-a"), b = Fixtures.folder("classes-b")
        let s = try SyntheticJournal.generate(GeneratorOptions(size: .small, seed: 3, outputFolder: a, injectRate: 0.02, classes: 12))
        _ = try SyntheticJournal.generate(GeneratorOptions(size: .small, seed: 3, outputFolder: b, injectRate: 0.02, classes: 12))
        #expect(s.groups == 12)
        let groups = try CSVTable(a + "/группы.csv").rows.map { $0[0] }
        #expect(groups == ["2а", "2б", "3а", "3б", "4а", "5а", "6а", "7а", "8а", "9а", "10а", "11а"])
        for f in CanonicalTables.fileNames + [GroundTruth.fileName] {
            #expect(FileManager.default.contentsEqual(atPath: a + "/" + f, andPath: b + "/" + f), "\(f) differs")
        }
    }

    /// A college cut to N groups keeps every course and specialty before a second group of any.
    @Test func reducedCollegeSpreadsOverCoursesAndSpecialties() throws {
        let a = Fixtures.folder("classes-college")
        let s = try SyntheticJournal.generate(GeneratorOptions(size: .college, seed: 3, outputFolder: a, injectRate: 0, classes: 8))
        #expect(s.groups == 8)
        let rows = try CSVTable(a + "/группы.csv").rows
        // Two groups per course (column «Курс»/grade), all of them the first group of a specialty.
        #expect(Dictionary(grouping: rows, by: { $0[1] }).mapValues(\.count) == ["1": 2, "2": 2, "3": 2, "4": 2])
        #expect(rows.allSatisfy { $0[0].hasSuffix("1") })
        #expect(throws: GeneratorError.badPeriods) {
            try SyntheticJournal.generate(GeneratorOptions(size: .college, seed: 1, outputFolder: Fixtures.folder("periods-bad"), periods: .trimesters))
        }
    }

    @Test func classesOutsideTheRangeOrSizeAreRejected() {
        for (size, n) in [(JournalSize.small, 0), (.small, 31), (.college, 0), (.college, 121), (.district, 5)] {
            #expect(throws: GeneratorError.badClasses(n)) {
                try SyntheticJournal.generate(GeneratorOptions(size: size, seed: 1, outputFolder: Fixtures.folder("classes-bad"), classes: n))
            }
        }
    }
}
