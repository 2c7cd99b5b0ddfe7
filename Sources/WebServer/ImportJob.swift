import Foundation
import JournalImport
import JournalModel
import JournalStore
import Workflows

/// An upload imported into the workspace database by the CLI's own import (`ImportSetup`,
/// `ImportSession`): the same profiles, the same merge, the same report and rejects file.
enum ImportJob {
    /// Runs in the background; `progress` gets `(file, bytes read, size)`.
    static func run(_ upload: ReceivedUpload, workspace: Workspace, number: Int,
                    progress: @escaping @Sendable (Int, Int64, Int64) -> Void) async -> Result<ImportRecord, WorkflowError> {
        let notes = NoteList()
        let prefix = upload.folder + "/"
        func local(_ s: String) -> String { s.replacingOccurrences(of: prefix, with: "") }
        let reporter = WorkflowReporter(note: { notes.add($0) }, progress: progress)
        do {
            let setup = try ImportSetup(profileArgument: nil, profilesDirectory: nil, reporter: reporter)
            var files = try setup.collectFiles(exportRoots(upload.folder))
            for i in files.indices { files[i].displayName = local(files[i].displayName) }
            guard !files.isEmpty else {
                throw WorkflowError.message("в загрузке нет таблиц журнала (CSV, TSV, TXT, XLSX)"
                                            + (notes.lines.isEmpty ? "" : ":\n" + notes.lines.map(local).joined(separator: "\n")))
            }
            let store: JournalStore
            do { store = try JournalStore(path: await workspace.database) } catch let e as StoreError {
                throw WorkflowError.message("не удалось открыть базу рабочей папки: \(e.message)")
            }
            let summary = try setup.session.run(files, into: store, progress: progress)
            let folder = workspace.path("imports/\(number)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try RejectsFile.write(summary.files, to: (folder as NSString).appendingPathComponent("отклонённые.csv"))
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: await workspace.database)
            return .success(record(summary, number: number, notes: notes.lines.map(local)))
        } catch let e as WorkflowError {
            return .failure(e)
        } catch let f as ImportFailure {
            var d = f.diagnostic
            if var loc = d.location { loc.file = local(loc.file); d.location = loc }
            return .failure(.diagnostics([d]))
        } catch {
            return .failure(.message("импорт не выполнен: \(error)"))
        }
    }

    /// What the import is given, as if the user named it on the command line: each uploaded
    /// file, and each unpacked archive as a folder — the innermost folder that holds more than
    /// one folder, so that its `.zhurnal-ignore` (e.g. `ground_truth.csv` of a generated
    /// journal) applies as it does to `zhurnal import ПАПКА`.
    static func exportRoots(_ folder: String) -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        for name in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            var path = (folder as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                while let inner = try? fm.contentsOfDirectory(atPath: path).filter({ !$0.hasPrefix("__MACOSX") }), inner.count == 1 {
                    let next = (path as NSString).appendingPathComponent(inner[0])
                    var nextIsDir: ObjCBool = false
                    guard fm.fileExists(atPath: next, isDirectory: &nextIsDir), nextIsDir.boolValue else { break }
                    path = next
                }
            }
            out.append(path)
        }
        return out
    }

    static func record(_ s: ImportSession.Summary, number: Int, notes: [String]) -> ImportRecord {
        let files = s.files.map { f in
            ImportRecord.FileLine(name: f.path, profile: f.profile,
                                  encoding: f.sheet != nil ? "XLSX" : (f.encoding?.rawValue ?? "") + (f.delimiter.isEmpty ? "" : " «\(f.delimiter)»"),
                                  read: f.read, accepted: f.accepted, rejected: f.rejected,
                                  earlier: f.alreadyImportedInBatch.map { "уже загружен (пакет № \($0)) — без изменений" })
        }
        let rejections = s.files.flatMap(\.rejections).prefix(500).map { "\($0.location): \($0.reason)" }
        let disagreements = (s.outcome?.disagreements ?? []).prefix(500).map { d in
            "\((d.file as NSString).lastPathComponent)\(d.line.map { ":\($0)" } ?? ""): \(d.message)"
        }
        let unlinked = (s.outcome?.unlinkedPeriods ?? []).filter { !$0.calendarIsEmpty }.map(\.message)
        let date = ISO8601DateFormatter.string(from: Date(), timeZone: .current,
                                               formatOptions: [.withFullDate, .withDashSeparatorInDate, .withTime, .withColonSeparatorInTime])
        return ImportRecord(number: number, date: date.replacingOccurrences(of: "T", with: " "), batch: s.outcome?.batch,
                            files: files, read: s.read, accepted: s.accepted, rejected: s.rejected,
                            disagreements: s.outcome?.disagreements.count ?? 0, notes: notes,
                            rejections: Array(rejections), disagreementLines: Array(disagreements), unlinkedPeriods: unlinked)
    }
}

/// Notes a workflow reports while it runs (file names and counts only).
final class NoteList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

/// The progress of the running import, for the page that refreshes itself.
final class ImportProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var state: (file: Int, read: Int64, size: Int64) = (0, 0, 0)
    private var result: Result<ImportRecord, WorkflowError>?
    func update(_ file: Int, _ read: Int64, _ size: Int64) { lock.lock(); state = (file, read, size); lock.unlock() }
    func finish(_ r: Result<ImportRecord, WorkflowError>) { lock.lock(); result = r; lock.unlock() }
    var snapshot: (file: Int, percent: Int, result: Result<ImportRecord, WorkflowError>?) {
        lock.lock(); defer { lock.unlock() }
        return (state.file, state.size > 0 ? Int(state.read * 100 / state.size) : 0, result)
    }
}
