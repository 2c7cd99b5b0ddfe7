import Foundation
import JournalImport
import JournalModel
import JournalStore

/// Opens what the user named on the command line: a database written by `zhurnal import`, or
/// CSV files/folders (imported into a temporary database first, or into `keepDatabase`).
/// Always the whole journal: a window selects findings after evaluation, never the evidence.
///
/// CONTRACT (owned by the import/store work): `check`, `memo` and `inspection` call only this.
enum JournalSource {
    struct Options {
        var profile: String?
        var keepDatabase: String?
        /// `--profiles`: a folder of import profiles searched before the shipped ones.
        var profilesDirectory: String?
    }

    /// Throws `JournalSourceError` with Russian diagnostics on bad input.
    static func load(paths: [String], options: Options) throws -> Journal {
        do {
            let store: JournalStore
            if paths.count == 1, isDatabase(paths[0]) {
                store = try JournalStore(path: paths[0])
            } else {
                let dbPath = options.keepDatabase ?? temporaryDatabasePath()
                defer {
                    if options.keepDatabase == nil {
                        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
                    }
                }
                store = try JournalStore(path: dbPath)
                let setup = try ImportSetup(profileArgument: options.profile, profilesDirectory: options.profilesDirectory)
                let summary = try setup.session.run(try setup.collectFiles(paths), into: store,
                                                    progress: ProgressBar.shared.update)
                ProgressBar.shared.clear()
                // Counts only: no personal data on stderr.
                printError("импорт: файлов \(summary.files.count), строк принято \(summary.accepted), отклонено \(summary.rejected), "
                           + "расхождений между файлами \(summary.outcome?.disagreements.count ?? 0)"
                           + (summary.rejected > 0 ? " (подробности: zhurnal import … --rejects FILE)" : ""))
                for u in summary.outcome?.unlinkedPeriods ?? [] where !u.calendarIsEmpty { printError("импорт: \(u.message)") }
                return try store.load()
            }
            return try store.load()
        } catch let f as ImportFailure {
            ProgressBar.shared.clear()
            throw JournalSourceError(diagnostics: [f.diagnostic])
        } catch let e as LoadError {
            throw JournalSourceError(diagnostics: [e.diagnostic])
        } catch let e as StoreError {
            throw JournalSourceError(diagnostics: [Diagnostic(id: "store.error", location: nil, message: "ошибка базы данных: \(e.message)")])
        }
    }

    /// A regular file that starts with the SQLite header.
    static func isDatabase(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        return head == Data("SQLite format 3\0".utf8)
    }

    static func temporaryDatabasePath() -> String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("zhurnal-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).sqlite")
    }
}

struct JournalSourceError: Error {
    var diagnostics: [Diagnostic]
}
