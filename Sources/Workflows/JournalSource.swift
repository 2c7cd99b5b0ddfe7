import Foundation
import JournalImport
import JournalModel
import JournalStore

/// Opens what the user named on the command line: a database written by `zhurnal import`, or
/// CSV files/folders (imported into a database in memory — `JournalStore.inMemory` — or into
/// `keepDatabase`).
/// Always the whole journal: a window selects findings after evaluation, never the evidence.
///
/// CONTRACT (owned by the import/store work): `check`, `memo`, `inspection` and the web page
/// call only this.
public enum JournalSource {
    public struct Options: Sendable {
        public var profile: String?
        public var keepDatabase: String?
        /// `--profiles`: a folder of import profiles searched before the shipped ones.
        public var profilesDirectory: String?

        public init(profile: String? = nil, keepDatabase: String? = nil, profilesDirectory: String? = nil) {
            self.profile = profile
            self.keepDatabase = keepDatabase
            self.profilesDirectory = profilesDirectory
        }
    }

    /// Throws `JournalSourceError` with Russian diagnostics on bad input. Skipped files, the
    /// import's counts and the reading progress go to `reporter`.
    public static func load(paths: [String], options: Options,
                            reporter: WorkflowReporter = .silent) throws(JournalSourceError) -> Journal {
        do {
            let store: JournalStore
            if paths.count == 1, isDatabase(paths[0]) {
                store = try JournalStore(path: paths[0])
            } else {
                // The folder's journal is built in memory (the same import and merge as
                // `zhurnal import`, no file written and read back), or in `--db` when asked.
                store = try options.keepDatabase.map { try JournalStore(path: $0) } ?? JournalStore.inMemory()
                let setup = try ImportSetup(profileArgument: options.profile, profilesDirectory: options.profilesDirectory,
                                            reporter: reporter)
                let summary = try setup.session.run(try setup.collectFiles(paths), into: store,
                                                    progress: reporter.progress)
                reporter.progressDone()
                // Counts only: no personal data on stderr.
                reporter.note("импорт: файлов \(summary.files.count), строк принято \(summary.accepted), отклонено \(summary.rejected), "
                           + "расхождений между файлами \(summary.outcome?.disagreements.count ?? 0)"
                           + (summary.rejected > 0 ? " (подробности: zhurnal import … --rejects FILE)" : ""))
                for u in summary.outcome?.unlinkedPeriods ?? [] where !u.calendarIsEmpty { reporter.note("импорт: \(u.message)") }
                return try store.load()
            }
            return try store.load()
        } catch let f as ImportFailure {
            reporter.progressDone()
            throw JournalSourceError(diagnostics: [f.diagnostic])
        } catch let e as LoadError {
            throw JournalSourceError(diagnostics: [e.diagnostic])
        } catch let e as StoreError {
            throw JournalSourceError(diagnostics: [Diagnostic(id: "store.error", location: nil, message: "ошибка базы данных: \(e.message)")])
        } catch let e as WorkflowError {
            throw JournalSourceError(diagnostics: e.diagnostics)
        } catch {
            throw JournalSourceError(diagnostics: [Diagnostic(id: "source.error", location: nil, message: "\(error)")])
        }
    }

    /// A regular file that starts with the SQLite header.
    public static func isDatabase(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        return head == Data("SQLite format 3\0".utf8)
    }
}

public struct JournalSourceError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
