import ArgumentParser
import FileAccess
import Foundation
import JournalImport
import JournalModel
import JournalStore

/// `zhurnal import <files or folders> [--db FILE] [--profile NAME|FILE] [--rejects FILE]`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Загрузить выгрузки журнала (CSV, TSV, XLSX) в базу данных.",
        discussion: """
            Читаются текстовые таблицы (.csv, .tsv, .txt) и книги Excel (.xlsx; каждый лист — таблица). \
            Файлы распознаются по строке заголовков: канонические таблицы (templates/import/*.csv) \
            или профили выгрузок — свои (--profiles ПАПКА, ZHURNAL_PROFILES) и поставляемые \
            (templates/import/profiles/*.profile). Пропущенные файлы перечисляются с причиной. \
            Для каждого файла печатается профиль и число прочитанных, принятых и отклонённых строк, \
            затем — расхождения между файлами одного журнала.
            Коды выхода: 0 — всё принято; 1 — есть отклонённые строки, расхождения или итоговые \
            отметки за периоды, которых нет в календаре; \
            2 — импорт не выполнен (база не изменена).
            """)

    @Argument(help: "Файлы (.csv, .tsv, .txt, .xlsx; лист книги — книга.xlsx[Лист]) или папки с ними.")
    var paths: [String]

    @Option(name: .customLong("db"), help: "Файл базы данных (по умолчанию zhurnal.sqlite).")
    var database: String = "zhurnal.sqlite"

    @OptionGroup var profileOptions: ProfileOptions

    @Option(help: "Записать отклонённые строки в CSV-файл.")
    var rejects: String?

    @Flag(help: "Печатать в расхождениях между файлами фамилии обучающихся и отметки (по умолчанию — только урок, файлы и строки).")
    var verbose = false

    func run() throws {
        let summary: ImportSession.Summary
        do {
            let setup = try ImportSetup(profileArgument: profileOptions.profile, profilesDirectory: profileOptions.profilesDirectory)
            let files = try setup.collectFiles(paths)
            // Before anything is written: an import reported as failed must have changed nothing.
            if let rejects { try RejectsFile.validate(rejects) }
            let store: JournalStore
            OutputFolder.create(for: database)
            do { store = try JournalStore(path: database) } catch let e as StoreError {
                throw ImportFailure(Diagnostic(id: "store.open", location: nil, message: e.userMessage(database: database)))
            }
            summary = try setup.session.run(files, into: store, progress: ProgressBar.shared.update)
            ProgressBar.shared.clear()
        } catch let e as StoreError {
            ProgressBar.shared.clear()
            throw UserFacingError.fail(e.userMessage(database: database))
        } catch {
            ProgressBar.shared.clear()
            throw ImportSetup.exit(for: error)
        }
        print(ImportReportText.render(summary, database: database, verbose: verbose), terminator: "")
        if let rejects {
            do { try RejectsFile.write(summary.files, to: rejects) } catch {
                // The import is committed: say so, and how to get the rows (they are in the database).
                printError("импорт выполнен\(summary.outcome.map { " (пакет № \($0.batch))" } ?? ""), но файл отклонённых строк \(rejects) "
                           + "не записан: \((error as? FileAccessError)?.message ?? error.localizedDescription). Отклонённые строки сохранены в базе: повторите команду "
                           + "с --rejects в доступный для записи файл — файлы уже загружены и загружаться заново не будут")
                throw ExitCodes.violations
            }
            if summary.files.contains(where: { !$0.earlierRejections.isEmpty }) {
                print("Отклонённые строки файлов, загруженных ранее, записаны в \(rejects) (из базы).")
            }
        }
        let disagreements = summary.outcome?.disagreements.count ?? 0
        let unlinked = summary.outcome?.unlinkedPeriods.filter { !$0.calendarIsEmpty }.count ?? 0
        if summary.rejected > 0 || disagreements > 0 || unlinked > 0 { throw ExitCodes.violations }
    }
}

/// Profiles and the file list of an import (shared by `import` and `JournalSource`).
struct ImportSetup {
    let session: ImportSession

    /// `profileArgument`: `--profile`; `profilesDirectory`: `--profiles` (see `ProfileSearch`).
    init(profileArgument: String?, profilesDirectory: String? = nil) throws {
        let found = try ProfileSearch.load(explicit: profilesDirectory)
        if found.profiles.isEmpty {
            // Without profiles only the canonical tables are recognised; say why a legacy export fails.
            printError("предупреждение: профили импорта старых выгрузок не найдены (templates/import/profiles в текущей папке "
                       + "и рядом с программой) — распознаются только канонические таблицы; установите программу "
                       + "командой bash scripts/install.sh или укажите папку с шаблонами в ZHURNAL_SHARE")
        }
        let forced = try profileArgument.map { try ProfileSearch.forced($0, among: found.profiles) }
        var options = ImportOptions()
        options.profileDirectories = found.directories
        session = ImportSession(importer: FileImporter(profiles: found.profiles, forced: forced, options: options))
    }

    /// Files named directly (a workbook: its sheets), and the table files of folders (sorted,
    /// recursively); what is skipped is listed on stderr with the reason.
    func collectFiles(_ paths: [String]) throws -> [ImportSession.File] {
        try ImportInputs.collect(paths, importer: session.importer) { printError($0) }
    }

    /// Maps an import error to Russian diagnostics on stderr and exit code 2.
    static func exit(for error: Error) -> ExitCode {
        switch error {
        case let f as ImportFailure: return UserFacingError.fail([f.diagnostic])
        case let e as StoreError: return UserFacingError.fail(e.userMessage(database: nil))
        case let e as ExitCode: return e
        default: return UserFacingError.fail("\(error)")
        }
    }
}
/// `--rejects`: every listed rejection as CSV (UTF-8, `;`); for files imported before, the
/// rejections that import stored in the database.
enum RejectsFile {
    /// Fails (exit 2, before the import touches the database) when `path` cannot be written:
    /// its folder cannot be made or written to (a file stands in its way), or it names a folder
    /// or a read-only file. A missing folder is made.
    static func validate(_ path: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        func fail(_ why: String) -> ImportFailure {
            ImportFailure(Diagnostic(id: "import.rejects-path", location: nil,
                                     message: "файл отклонённых строк «\(path)» нельзя записать: \(why); импорт не выполнен, база не изменена"))
        }
        if let problem = PrivateFile.problem(path), problem.id != "file.folder-missing", problem.id != "file.folder-denied" {
            throw fail(problem.id == "file.directory" ? "это папка" : problem.reason)
        }
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue { throw fail("это папка") }
            if !fm.isWritableFile(atPath: path) { throw fail("файл доступен только для чтения") }
            return
        }
        // A missing folder is made, as for --db (nothing of the journal is written yet).
        if !fm.fileExists(atPath: folder) {
            do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw fail("папку «\(folder)» создать нельзя")
            }
        }
        guard fm.fileExists(atPath: folder, isDirectory: &isDir) else { throw fail("папки «\(folder)» нет") }
        guard isDir.boolValue else { throw fail("«\(folder)» — не папка") }
        guard fm.isWritableFile(atPath: folder) else { throw fail("нет права записи в папку «\(folder)»") }
    }

    static func write(_ files: [FileReport], to path: String) throws {
        var text = "Файл;Строка;Столбец;Причина;Исходная строка\n"
        func q(_ s: String) -> String { "\"" + SpreadsheetText.inert(s).replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        for f in files {
            for r in f.rejections + f.earlierRejections {
                text += [q(r.location.file), "\(r.location.line)", r.location.columnText, q(r.reason), q(r.sourceLine ?? "")].joined(separator: ";") + "\n"
            }
        }
        // Personal data: readable by the owner only; written whole or not at all.
        try PrivateFile.write(Data(text.utf8), to: path)
    }
}

/// A progress bar on stderr, only when stderr is a terminal and the file is large.
final class ProgressBar: @unchecked Sendable {
    static let shared = ProgressBar()
    private let enabled = isatty(2) != 0
    private var shown = false
    private var lastPercent = -1

    func update(file: Int, read: Int64, size: Int64) {
        guard enabled, size >= 8 << 20 else { return }
        let percent = Int(read * 100 / max(size, 1))
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30, filled = width * percent / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandleWriter.writeStderr("\rимпорт файла \(file + 1): [\(bar)] \(percent)% (\(read >> 20) из \(size >> 20) МБ)")
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandleWriter.writeStderr("\r" + String(repeating: " ", count: 70) + "\r")
        shown = false
        lastPercent = -1
    }
}
