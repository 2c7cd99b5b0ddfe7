import Findings
import Foundation
import JournalGenerator
import JournalImport
import JournalModel
import JournalStore
import RuleEngine
import Testing

/// Issue 17: `check`, `memo` and `inspection` build a folder's journal in memory
/// (`JournalStore.inMemory`) instead of importing it into a temporary database file and reading
/// it back. The journal must be the one `zhurnal import` stores and `check DB` loads: the same
/// lessons, cells, period marks and change history (in the same order), the same import
/// accounting, and the same findings of every pack — for every way a school's export is split
/// into files, and for a file the direct path has to abandon half-way.
@Suite(.serialized) struct FolderJournalTests {
    /// The journal `zhurnal import FILES --db X` stores, loaded by a later `zhurnal check X`
    /// (a new connection), and the journal a folder check builds in memory.
    static func bothWays(_ files: [String], folder: String, root: String) throws
        -> (stored: Journal, memory: Journal, storedSummary: ImportSession.Summary, memorySummary: ImportSession.Summary) {
        let profilesDir = AccuracyFixtures.repo + "/templates/import/profiles"
        let profiles = try FileManager.default.contentsOfDirectory(atPath: profilesDir).sorted().filter { $0.hasSuffix(".profile") }
            .map { try ProfileParser.load(path: profilesDir + "/" + $0) }
        let session = ImportSession(importer: FileImporter(profiles: profiles))
        let inputs = files.map { ImportSession.File(path: folder + "/" + $0, displayName: $0) }
        let db = root + "/\(UUID().uuidString).sqlite"
        let storedSummary = try session.run(inputs, into: try JournalStore(path: db))
        let stored = try JournalStore(path: db).load()
        let memoryStore = try JournalStore.inMemory()
        #expect(memoryStore.isInMemory)
        let memorySummary = try session.run(inputs, into: memoryStore)
        return (stored, try memoryStore.load(), storedSummary, memorySummary)
    }

    static func accounting(_ s: ImportSession.Summary) -> [String] {
        s.files.map { f in "\(f.path) \(f.read) \(f.accepted) \(f.rejected) " + f.rejections.map { "\($0.location) \($0.reason)" }.joined(separator: ";") }
            + (s.outcome?.disagreements.map(\.message) ?? []) + ["paired \(s.outcome?.pairing.doubleDays ?? -1)"]
    }

    @Test func aFolderBuiltInMemoryIsTheJournalImportStoresForEverySplitAndEveryPack() throws {
        let root = NSTemporaryDirectory() + "zhurnal-folder-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/csv"
        let generated = try SyntheticJournal.generate(GeneratorOptions(size: .small, seed: AccuracyTests.seed, outputFolder: folder,
                                                                       injectRate: 0.1, legacy: true, classes: 2))
        #expect(generated.doubleLessonDays > 0 && generated.changeReexports > 1 && generated.legacyGrids > 0)
        let canonical = try tables(in: folder)
        let legacy = try FileManager.default.contentsOfDirectory(atPath: folder + "/legacy").sorted().map { "legacy/" + $0 }
        let logs = canonical.filter { $0 != "занятия.csv" && $0 != "отметки.csv" } + legacy.filter { !$0.contains("grid_") }
        // The canonical marks table with a repeated row at its end: the direct path takes the
        // file, meets the repeat after thousands of cells, undoes the file to its savepoint and
        // stages it again (one row rejected).
        let marks = try String(contentsOfFile: folder + "/отметки.csv", encoding: .utf8)
        let lines = marks.split(separator: "\n")
        try (marks + lines[lines.count / 2] + "\n").write(toFile: folder + "/отметки-повтор.csv", atomically: true, encoding: .utf8)
        let repeated = canonical.map { $0 == "отметки.csv" ? "отметки-повтор.csv" : $0 }

        let options = CheckOptions(checkedAt: AccuracyTests.checkedAt, asOf: AccuracyTests.checkedAt)
        var checked = 0
        // Findings of every pack on the richest split (grids, logs, day-only entries, double
        // lessons paired, the change history re-exported); the journals of every split compared
        // whole (equal journals give equal findings: the engine reads nothing else).
        for (name, files) in [("сетка и логи", logs + legacy.filter { $0.contains("grid_") }), ("таблицы", canonical),
                              ("логи", logs), ("повтор в отметках", repeated)] {
            let r = try Self.bothWays(files, folder: folder, root: root)
            #expect(r.stored.cells.count > 1000 && !r.stored.changes.isEmpty, "\(name)")
            #expect(r.stored.differences(from: r.memory) == [], "\(name)")
            #expect(Self.accounting(r.storedSummary) == Self.accounting(r.memorySummary), "\(name)")
            #expect(r.storedSummary.cellsWrittenDirectly == r.memorySummary.cellsWrittenDirectly, "\(name)")
            if name == "повтор в отметках" {
                #expect(r.memorySummary.rejected == 1 && !r.memorySummary.cellsWrittenDirectly)
            }
            for pack in AccuracyFixtures.packs where name == "сетка и логи" {
                let path = AccuracyFixtures.packPath(pack)
                let a = try Checker.check(packPath: path, journal: r.stored, options: options)
                let b = try Checker.check(packPath: path, journal: r.memory, options: options)
                #expect(a.findings == b.findings && a.outcomes == b.outcomes, "\(name), \(pack)")
                checked += a.findings.count
            }
        }
        #expect(checked > 100)
    }
}
