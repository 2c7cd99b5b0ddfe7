import ArgumentParser
import FileAccess
import Foundation
import JournalImport
import JournalModel
import JournalStore
import Workflows

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
            let setup = try ImportSetup(profileArgument: profileOptions.profile, profilesDirectory: profileOptions.profilesDirectory,
                                        reporter: .terminal)
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
