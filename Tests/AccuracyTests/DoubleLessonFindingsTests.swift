import Findings
import Foundation
import JournalImport
import JournalModel
import JournalStore
import RuleEngine
import Testing

/// Issue 11, the hand-written double-lesson fixture (`Fixtures/double-lessons/`, described in
/// `JournalImportTests/DoubleLessonTests`): the grid with repeated day columns adds nothing to
/// the numbered lessons table and marks table it copies, so every pack finds exactly what it
/// finds without the grid — no phantom lessons without topics, no doubled cells.
@Suite struct DoubleLessonFindingsTests {
    static let folder = AccuracyFixtures.folder + "/double-lessons"
    static let header = ["учреждение.csv", "периоды.csv", "звонки.csv", "календарь.csv"]

    func journal(_ names: [String]) throws -> (Journal, ImportSession.Summary) {
        try ImportedFolder.load(Self.folder, names)
    }

    @Test func theGridChangesNoFindingOfAnyPack() throws {
        let (logs, _) = try journal(Self.header + ["занятия.csv", "отметки.csv"])
        let (all, s) = try journal(Self.header + ["сетка-7б-алгебра.csv", "занятия.csv", "отметки.csv"])
        // By hand: 6 lessons in занятия.csv, 9 cells in отметки.csv and in the grid.
        #expect(all.lessons.count == 6 && all.cells.count == 9 && all.students.count == 3)
        #expect(s.rejected == 0 && s.outcome?.disagreements.isEmpty == true)
        var total = 0
        for pack in AccuracyFixtures.packs {
            let options = CheckOptions(checkedAt: AccuracyTests.checkedAt)
            let a = try Checker.check(packPath: AccuracyFixtures.packPath(pack), journal: logs, options: options)
            let b = try Checker.check(packPath: AccuracyFixtures.packPath(pack), journal: all, options: options)
            #expect(b.findings.map(\.key).sorted() == a.findings.map(\.key).sorted(), "\(pack)")
            #expect(Set(b.findings.map(\.key)).count == b.findings.count, "\(pack): a finding key repeated")
            total += b.findings.count
        }
        // Волков's «2» of 08.09 № 6 was entered on 09.09: the day-deadline rules find it, so the
        // comparison is not between two empty lists.
        #expect(total > 0)
    }
}
