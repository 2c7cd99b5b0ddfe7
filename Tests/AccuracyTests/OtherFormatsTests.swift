import Foundation
import JournalGenerator
import JournalImport
import JournalModel
import JournalStore
import Testing

/// `zhurnal generate --other-formats` writes the same school with its moments and times as other
/// systems export them: a mark's entry and a topic's entry as a date and a time in two columns
/// («Дата выставления», «Время выставления»; «Дата внесения темы», «Время внесения темы») and
/// lesson times with a dot («9.25»). Before, the two columns were not read (every entry time
/// lost: 532 of a 3-class school's 2,590 oosh14 findings gone) and «9.25» rejected every lesson
/// row (2,153 rows, 1,393 false findings). Imported, it is the plain folder's journal.
@Suite struct OtherFormatsTests {
    private func journal(_ folder: String, other: Bool) throws -> (Journal, ImportSession.Summary) {
        var options = GeneratorOptions(size: .small, seed: 4_343, outputFolder: folder, injectRate: 0.05, classes: 3)
        options.otherFormats = other
        _ = try SyntheticJournal.generate(options)
        let store = try JournalStore.inMemory()
        let summary = try ImportSession(importer: FileImporter(profiles: []))
            .run(try tables(in: folder).map { .init(path: folder + "/" + $0, displayName: $0) }, into: store)
        return (try store.load(), summary)
    }

    @Test func theOtherFormatsFolderIsThePlainFoldersJournal() throws {
        let root = NSTemporaryDirectory() + "zhurnal-formats-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (plain, _) = try journal(root + "/plain", other: false)
        let (other, summary) = try journal(root + "/other", other: true)
        // The files really are written so (read off them).
        let marks = try String(contentsOfFile: root + "/other/отметки.csv", encoding: .utf8).split(separator: "\n")
        #expect(marks[0].contains(";Дата выставления;Время выставления;"))
        let lessons = try String(contentsOfFile: root + "/other/занятия.csv", encoding: .utf8).split(separator: "\n")
        #expect(lessons[0].contains(";Дата внесения темы;Время внесения темы;"))
        #expect(lessons[1].split(separator: ";", omittingEmptySubsequences: false)[5].contains("."))
        #expect(summary.rejected == 0)
        #expect((summary.outcome?.disagreements ?? []).isEmpty)
        #expect(other.cells.count > 5_000 && other.cells.allSatisfy { $0.enteredAt.map { !$0.isDayOnly } ?? true })
        #expect(other.differences(from: plain) == [])
    }
}
