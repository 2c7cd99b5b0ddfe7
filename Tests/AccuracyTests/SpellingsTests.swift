import Foundation
import JournalGenerator
import JournalImport
import JournalModel
import JournalStore
import Testing

/// `zhurnal generate --spellings` writes the same journal with names spelt as a second system
/// would in the marks, period marks and the change history («2 А», «2a», «Семенов  Петр Сергеевич»,
/// a Latin «o» in a Cyrillic name) and the lessons table names teachers by initials, while the
/// weekly re-exports keep the rosters' spelling. Imported, it is the journal of the plain
/// folder: every lesson, cell, period mark, change and name.
@Suite struct SpellingsTests {
    private func journal(spellings: Bool, root: String, inMemory: Bool) throws -> (Journal, ImportSession.Summary) {
        let folder = root + (spellings ? "/spellings" : "/plain")
        if !FileManager.default.fileExists(atPath: folder) {
            var options = GeneratorOptions(size: .small, seed: 4_242, outputFolder: folder, injectRate: 0.05, classes: 3)
            options.spellings = spellings
            _ = try SyntheticJournal.generate(options)
        }
        let names = try tables(in: folder)
        let store = inMemory ? try JournalStore.inMemory() : try JournalStore(path: folder + ".sqlite")
        let summary = try ImportSession(importer: FileImporter(profiles: []))
            .run(names.map { .init(path: folder + "/" + $0, displayName: $0) }, into: store)
        return (try store.load(), summary)
    }

    @Test func theSpellingsFolderIsThePlainFoldersJournal() throws {
        let root = NSTemporaryDirectory() + "zhurnal-spellings-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (plain, _) = try journal(spellings: false, root: root, inMemory: false)
        _ = try journal(spellings: true, root: root, inMemory: true)
        // The marks table really is spelt otherwise (read off the file): «2А»; students and
        // teachers without «ё», students with two spaces.
        let marks = try String(contentsOfFile: root + "/spellings/отметки.csv", encoding: .utf8).split(separator: "\n")
        let people = marks.dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false) }.flatMap { [$0[4], $0[8]] }
        #expect(marks[1].hasPrefix("2 А;") && !people.contains { $0.contains("ё") } && people.contains { $0.contains("  ") })
        #expect(try String(contentsOfFile: root + "/spellings/итоговые.csv", encoding: .utf8).contains("\n2a;"))
        // Students with a patronymic the roster lacks; teachers of the lessons table by initials («Фамилия И. О.»).
        #expect(marks.dropFirst().allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false)[4].hasSuffix(" Сергеевич") })
        let lesson = try String(contentsOfFile: root + "/spellings/занятия.csv", encoding: .utf8).split(separator: "\n")[1]
            .split(separator: ";", omittingEmptySubsequences: false)
        #expect(lesson[8].wholeMatch(of: /\S+ \S\. \S\./) != nil, "\(lesson[8])")
        for inMemory in [false, true] {
            let (spelt, summary) = try journal(spellings: true, root: root, inMemory: inMemory)
            #expect(summary.rejected == 0)
            #expect((summary.outcome?.disagreements ?? []).isEmpty)
            #expect(spelt.cells.count > 5_000 && !spelt.changes.isEmpty && !spelt.periodMarks.isEmpty)
            #expect(spelt.differences(from: plain) == [], "in memory: \(inMemory)")
            #expect(spelt.groups.map(\.name) == plain.groups.map(\.name))
        }
    }
}
