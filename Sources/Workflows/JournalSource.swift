import FileAccess
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
        /// The caller is a command-line run that ends after this one check: what a folder's
        /// import kept in memory is left for the system to take back at exit (`UntilExit`)
        /// instead of being freed. A long-lived caller (the web page, tests) leaves it false.
        public var endsWithProcess: Bool

        public init(profile: String? = nil, keepDatabase: String? = nil, profilesDirectory: String? = nil,
                    endsWithProcess: Bool = false) {
            self.profile = profile
            self.keepDatabase = keepDatabase
            self.profilesDirectory = profilesDirectory
            self.endsWithProcess = endsWithProcess
        }
    }

    /// Throws `JournalSourceError` with Russian diagnostics on bad input. Skipped files, the
    /// import's counts and the reading progress go to `reporter`.
    public static func load(paths: [String], options: Options,
                            reporter: WorkflowReporter = .silent) throws(JournalSourceError) -> Journal {
        do {
            if paths.count == 1, let problem = notADatabase(paths[0]) {
                throw JournalSourceError(diagnostics: [Diagnostic(id: "store.not-database", location: nil, message: problem)])
            }
            if paths.count == 1, isDatabase(paths[0]) {
                let store = try JournalStore(path: paths[0])
                return try nonEmpty(try store.load(), source: "в базе «\(paths[0])»",
                                    hint: "загрузка журнала в неё не выполнялась или была прервана — загрузите выгрузки: zhurnal import ПАПКА --db \(paths[0])")
            } else {
                // The folder's journal is built in memory (the same import and merge as
                // `zhurnal import`, no file written and read back), or in `--db` when asked.
                let store = try options.keepDatabase.map { try JournalStore(path: $0) } ?? JournalStore.inMemory()
                let setup = try ImportSetup(profileArgument: options.profile, profilesDirectory: options.profilesDirectory,
                                            reporter: reporter)
                let summary = try setup.session.run(try setup.collectFiles(paths), into: store,
                                                    progress: reporter.progress)
                reporter.progressDone()
                // Counts only: no personal data on stderr.
                reporter.note("импорт: файлов \(summary.files.count), строк принято \(summary.accepted), отклонено \(summary.rejected), "
                           + "расхождений между файлами \(summary.outcome?.disagreements.count ?? 0)"
                           + (summary.rejected > 0 ? " (подробности: zhurnal import … --rejects FILE)" : ""))
                if summary.rejected > 0 {
                    // A rejected mark is a missing one to the rules that count marks.
                    reporter.note("предупреждение: строки, которые не загружены (\(summary.rejected)), в проверке не участвуют: "
                               + "по их ученикам и урокам выводы неполны, а недостающие отметки могут дать ложные нарушения и замечания "
                               + "(«мало отметок за период», «не опрошен повторно») — исправьте эти строки и проверьте снова")
                }
                if let note = ImportReportText.decimalMarks(summary.files) { reporter.note("примечание: " + note.prefix(1).lowercased() + note.dropFirst()) }
                if let placed = summary.outcome?.pairing.marksPlaced, placed > 0 {
                    reporter.note("примечание: отметок без номера урока в дни сдвоенных уроков — \(placed); каждая отнесена к одному из уроков "
                               + "своего дня (как — в отчёте zhurnal import): выводы о конкретном уроке могут назвать соседний урок пары")
                }
                for u in summary.outcome?.unlinkedPeriods ?? [] where !u.calendarIsEmpty { reporter.note("импорт: \(u.message)") }
                let journal = try store.load()
                // A database file is closed here, whoever calls (its WAL is checkpointed on close).
                if options.endsWithProcess, options.keepDatabase == nil { UntilExit.keep(store) }
                return try nonEmpty(journal, source: "в файлах \(paths.joined(separator: ", "))",
                                    hint: "в них нет таблиц с уроками или отметками (журнал отметок, занятия, сетка журнала)")
            }
        } catch let e as JournalSourceError {
            throw e
        } catch let f as ImportFailure {
            reporter.progressDone()
            throw JournalSourceError(diagnostics: [f.diagnostic])
        } catch let e as LoadError {
            throw JournalSourceError(diagnostics: [e.diagnostic])
        } catch let e as StoreError {
            let db = paths.count == 1 && isDatabase(paths[0]) ? paths[0] : options.keepDatabase
            throw JournalSourceError(diagnostics: [Diagnostic(id: "store.error", location: nil, message: e.userMessage(database: db))])
        } catch let e as WorkflowError {
            throw JournalSourceError(diagnostics: e.diagnostics)
        } catch {
            throw JournalSourceError(diagnostics: [Diagnostic(id: "source.error", location: nil, message: "\(error)")])
        }
    }

    /// A journal without a lesson or a cell has nothing to check: «нарушено 0» would read as
    /// «all is well». Exit code 2 with what to do instead.
    static func nonEmpty(_ journal: Journal, source: String, hint: String) throws(JournalSourceError) -> Journal {
        guard journal.lessons.isEmpty && journal.cells.isEmpty else { return journal }
        throw JournalSourceError(diagnostics: [Diagnostic(id: "journal.empty", location: nil,
            message: "\(source) нет ни уроков, ни отметок — проверять нечего", hint: hint)])
    }

    /// Why a lone path named like a database (`.sqlite`, `.db`) is not one, or nil.
    public static func notADatabase(_ path: String) -> String? {
        guard ["sqlite", "sqlite3", "db"].contains((path as NSString).pathExtension.lowercased()) else { return nil }
        switch FileKind.of(path) {
        case .missing:
            return "базы данных «\(path)» нет: сначала загрузите журнал — zhurnal import ПАПКА --db \(path)"
        case .regular:
            if isDatabase(path) { return nil }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            return size == 0
                ? "файл базы данных «\(path)» пуст: загрузка журнала в него не была завершена — загрузите выгрузки заново: zhurnal import ПАПКА --db \(path)"
                : "«\(path)» — не база данных zhurnal: это файл другого формата или повреждённая база"
        case let kind:
            return "«\(path)» — \(kind.russianName), а не файл базы данных"
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
