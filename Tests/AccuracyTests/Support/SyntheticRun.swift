import Foundation
import JournalGenerator
import JournalImport
import JournalModel
import JournalStore

/// A reduced synthetic school generated, imported through the library (the same
/// `ImportSession` the CLI uses) and loaded back: the journal the packs check, and the ground
/// truth the generator wrote next to it.
struct SyntheticRun: Sendable {
    var journal: Journal
    var truth: [GroundTruthEntry]

    /// `small` school cut to `classes` classes (one per grade 2–…, then the second parallel).
    static func make(seed: UInt64, inject: Double, classes: Int) throws -> SyntheticRun {
        let root = NSTemporaryDirectory() + "zhurnal-accuracy-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/csv"
        _ = try SyntheticJournal.generate(GeneratorOptions(size: .small, seed: seed, outputFolder: folder,
                                                           injectRate: inject, classes: classes))
        let truth = try GroundTruth.read(folder: folder)
        // ground_truth.csv sits next to the tables but is not one of them; the weekly re-exports
        // of the change history (a subfolder) are imported with them, as `zhurnal import DIR` does.
        let names = try tables(in: folder)
        let store = try JournalStore(path: root + "/journal.sqlite")
        let session = ImportSession(importer: FileImporter(profiles: []))
        let summary = try session.run(names.map { .init(path: folder + "/" + $0, displayName: $0) }, into: store)
        guard summary.rejected == 0, (summary.outcome?.disagreements.count ?? 0) == 0 else {
            throw RunError.importLostRows(rejected: summary.rejected, disagreements: summary.outcome?.disagreements.count ?? 0)
        }
        return SyntheticRun(journal: try store.load(), truth: truth)
    }
}

/// The journal's CSV files below `folder` (relative paths, sorted): ground_truth.csv and the
/// legacy/ copy are not journal tables.
func tables(in folder: String) throws -> [String] {
    let all = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
    return all.filter { $0.hasSuffix(".csv") && $0 != GroundTruth.fileName && !$0.hasPrefix("legacy/") }.sorted()
}

enum RunError: Error {
    case importLostRows(rejected: Int, disagreements: Int)
}
