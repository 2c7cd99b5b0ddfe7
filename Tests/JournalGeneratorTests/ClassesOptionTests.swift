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

    @Test func classesOutsideTheRangeOrSizeAreRejected() {
        for (size, n) in [(JournalSize.small, 0), (.small, 31), (.college, 5)] {
            #expect(throws: GeneratorError.badClasses(n)) {
                try SyntheticJournal.generate(GeneratorOptions(size: size, seed: 1, outputFolder: Fixtures.folder("classes-bad"), classes: n))
            }
        }
    }
}
