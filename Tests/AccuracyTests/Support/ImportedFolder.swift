import Foundation
import JournalImport
import JournalModel
import JournalStore

/// Files of a fixture folder imported with the repository's import profiles into a temporary
/// database, and the journal loaded back — the way `zhurnal import` then `check DB` sees them.
enum ImportedFolder {
    static func load(_ folder: String, _ names: [String]) throws -> (journal: Journal, summary: ImportSession.Summary) {
        let dir = NSTemporaryDirectory() + "zhurnal-fixture-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let profilesDir = AccuracyFixtures.repo + "/templates/import/profiles"
        let profiles = try FileManager.default.contentsOfDirectory(atPath: profilesDir).sorted().filter { $0.hasSuffix(".profile") }
            .map { try ProfileParser.load(path: profilesDir + "/" + $0) }
        let store = try JournalStore(path: dir + "/j.sqlite")
        let summary = try ImportSession(importer: FileImporter(profiles: profiles))
            .run(names.map { .init(path: folder + "/" + $0, displayName: $0) }, into: store)
        return (try store.load(), summary)
    }
}
