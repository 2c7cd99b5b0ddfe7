import ArgumentParser
import Foundation
import JournalImport
import JournalModel
import JournalStore

/// `zhurnal import <files or folders> [--db FILE] [--profile NAME|FILE] [--rejects FILE]`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Загрузить CSV-выгрузки журнала в базу данных.",
        discussion: """
            Файлы распознаются по строке заголовков: канонические таблицы (templates/import/*.csv) \
            или профили старых выгрузок (templates/import/profiles/*.profile). Для каждого файла \
            печатается профиль и число прочитанных, принятых и отклонённых строк, затем — расхождения \
            между файлами одного журнала.
            Коды выхода: 0 — всё принято; 1 — есть отклонённые строки или расхождения; \
            2 — импорт не выполнен (база не изменена).
            """)

    @Argument(help: "CSV-файлы или папки с ними.")
    var paths: [String]

    @Option(name: .customLong("db"), help: "Файл базы данных (по умолчанию zhurnal.sqlite).")
    var database: String = "zhurnal.sqlite"

    @Option(help: "Профиль импорта для всех файлов: название, имя таблицы или путь к файлу .profile.")
    var profile: String?

    @Option(help: "Записать отклонённые строки в CSV-файл.")
    var rejects: String?

    func run() throws {
        let summary: ImportSession.Summary
        do {
            let setup = try ImportSetup(profileArgument: profile)
            let files = try ImportSetup.collectFiles(paths)
            let store: JournalStore
            OutputFolder.create(for: database)
            do { store = try JournalStore(path: database) } catch let e as StoreError {
                throw ImportFailure(Diagnostic(id: "store.open", location: nil,
                                               message: "не удалось открыть базу данных «\(database)»: \(e.message)"))
            }
            summary = try setup.session.run(files, into: store, progress: ProgressBar.shared.update)
            ProgressBar.shared.clear()
        } catch {
            ProgressBar.shared.clear()
            throw ImportSetup.exit(for: error)
        }
        print(ImportReportText.render(summary, database: database), terminator: "")
        if let rejects {
            do { try RejectsFile.write(summary.files, to: rejects) } catch {
                throw UserFacingError.fail("не удалось записать файл отклонённых строк \(rejects): \(error.localizedDescription)")
            }
        }
        let disagreements = summary.outcome?.disagreements.count ?? 0
        if summary.rejected > 0 || disagreements > 0 { throw ExitCodes.violations }
    }
}

/// Profiles and the file list of an import (shared by `import` and `JournalSource`).
struct ImportSetup {
    let session: ImportSession

    init(profileArgument: String?) throws {
        var profiles: [Profile] = []
        for dir in Self.profileDirectories() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for n in names.sorted() where n.hasSuffix(".profile") {
                profiles.append(try ProfileParser.load(path: (dir as NSString).appendingPathComponent(n)))
            }
            if !profiles.isEmpty { break }
        }
        if profiles.isEmpty {
            // Without profiles only the canonical tables are recognised; say why a legacy export fails.
            printError("предупреждение: профили импорта старых выгрузок не найдены (templates/import/profiles в текущей папке "
                       + "и рядом с программой) — распознаются только канонические таблицы; установите программу "
                       + "командой bash scripts/install.sh или укажите папку с шаблонами в ZHURNAL_SHARE")
        }
        var forced: Profile?
        if let arg = profileArgument {
            if FileManager.default.fileExists(atPath: arg) {
                forced = try ProfileParser.load(path: arg)
            } else if let t = CanonicalTable(rawValue: arg.lowercased()) {
                forced = Profile.canonical(t)
            } else if let p = profiles.first(where: { $0.name == arg || (($0.source as NSString).lastPathComponent as NSString).deletingPathExtension == arg }) {
                forced = p
            } else {
                let names = profiles.map { (($0.source as NSString).lastPathComponent as NSString).deletingPathExtension } + CanonicalTable.allCases.map(\.rawValue)
                throw ImportFailure(Diagnostic(id: "import.unknown-profile", location: nil, message: "профиль «\(arg)» не найден",
                    hint: Suggestions.closest(to: arg, among: names).map { "возможно, «\($0)»?" } ?? "профили: " + names.joined(separator: ", ")))
            }
        }
        session = ImportSession(importer: FileImporter(profiles: profiles, forced: forced))
    }

    /// `$ZHURNAL_PROFILES`, then `templates/import/profiles` under each resource root
    /// (`ResourceLocator`: the current folder, the share folder beside the installed program,
    /// the checkout it was built in).
    static func profileDirectories() -> [String] {
        var dirs: [String] = []
        if let env = ProcessInfo.processInfo.environment["ZHURNAL_PROFILES"] { dirs.append(env) }
        dirs += ResourceLocator.roots.map { ($0 as NSString).appendingPathComponent("templates/import/profiles") }
        return dirs
    }

    /// Files named directly, and the `.csv` files of folders (sorted, recursively).
    static func collectFiles(_ paths: [String]) throws -> [ImportSession.File] {
        var out: [ImportSession.File] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                throw ImportFailure(Diagnostic(id: "import.unreadable", location: nil, message: "файл или папка «\(p)» не найдены"))
            }
            if isDir.boolValue {
                let listing = FolderListing.csvFiles(in: p)
                for full in listing.files { out.append(.init(path: full, displayName: full)) }
                for skipped in listing.ignored {
                    printError("пропущено по \(FolderListing.ignoreFileName): \((p as NSString).appendingPathComponent(skipped))")
                }
            } else {
                out.append(.init(path: p, displayName: p))
            }
        }
        if out.isEmpty { throw ImportFailure(Diagnostic(id: "import.no-files", location: nil, message: "не найдено ни одного CSV-файла")) }
        return out
    }

    /// Maps an import error to Russian diagnostics on stderr and exit code 2.
    static func exit(for error: Error) -> ExitCode {
        switch error {
        case let f as ImportFailure: return UserFacingError.fail([f.diagnostic])
        case let e as StoreError: return UserFacingError.fail("ошибка базы данных: \(e.message)")
        case let e as ExitCode: return e
        default: return UserFacingError.fail("\(error)")
        }
    }
}
/// The Russian accounting table and disagreements summary `zhurnal import` prints.
enum ImportReportText {
    static let maxListed = 50

    static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        let c = s.count
        if c >= n { return s }
        let fill = String(repeating: " ", count: n - c)
        return right ? fill + s : s + fill
    }

    static func render(_ s: ImportSession.Summary, database: String) -> String {
        var out = ""
        if let b = s.outcome?.batch { out += "Импорт в базу \(database), пакет № \(b)\n\n" } else {
            out += "База \(database): все файлы уже были импортированы, изменений нет\n\n"
        }
        let nameWidth = min(48, max(4, s.files.map { ($0.path as NSString).lastPathComponent.count }.max() ?? 4))
        let profWidth = max(7, s.files.map { $0.profile.count }.max() ?? 7)
        out += pad("Файл", nameWidth) + "  " + pad("Профиль", profWidth) + "  " + pad("Кодировка", 12)
            + pad("Прочитано", 10, right: true) + pad("Принято", 9, right: true) + pad("Отклонено", 11, right: true) + "\n"
        for f in s.files {
            let name = (f.path as NSString).lastPathComponent
            if let b = f.alreadyImportedInBatch {
                out += pad(name, nameWidth) + "  уже импортирован в пакете № \(b) — без изменений\n"
                continue
            }
            let enc = (f.encoding?.rawValue ?? "") + (f.delimiter.isEmpty ? "" : " «\(f.delimiter)»")
            out += pad(name, nameWidth) + "  " + pad(f.profile, profWidth) + "  " + pad(enc, 12)
                + pad("\(f.read)", 10, right: true) + pad("\(f.accepted)", 9, right: true) + pad("\(f.rejected)", 11, right: true) + "\n"
        }
        out += pad("Итого", nameWidth + profWidth + 16) + pad("\(s.read)", 10, right: true)
            + pad("\(s.accepted)", 9, right: true) + pad("\(s.rejected)", 11, right: true) + "\n"

        let rejections = s.files.flatMap(\.rejections)
        if !rejections.isEmpty {
            out += "\nОтклонённые строки (\(s.rejected)):\n"
            for r in rejections.prefix(maxListed) { out += "  \(r.location): \(r.reason)\n" }
            if s.rejected > maxListed { out += "  … и ещё \(s.rejected - maxListed) (полный список — в файле --rejects)\n" }
        }
        if let o = s.outcome {
            if o.disagreements.isEmpty {
                out += "\nРасхождений между файлами нет.\n"
            } else {
                out += "\nРасхождения между файлами (\(o.disagreements.count)):\n"
                var counts: [Disagreement.Kind: Int] = [:]
                for d in o.disagreements { counts[d.kind, default: 0] += 1 }
                for k in Disagreement.Kind.allCases where counts[k] != nil { out += "  \(k.rawValue): \(counts[k]!)\n" }
                out += "\n"
                for d in o.disagreements.prefix(maxListed) {
                    out += "  \((d.file as NSString).lastPathComponent)\(d.line.map { ":\($0)" } ?? ""): \(d.message)\n"
                }
                if o.disagreements.count > maxListed {
                    out += "  … и ещё \(o.disagreements.count - maxListed) (все расхождения сохранены в базе)\n"
                }
            }
            if o.changes > 0 { out += "\nЗаписано в историю изменений: \(o.changes)\n" }
        }
        return out
    }
}

/// `--rejects`: every listed rejection as CSV (UTF-8, `;`).
enum RejectsFile {
    static func write(_ files: [FileReport], to path: String) throws {
        var text = "Файл;Строка;Столбец;Причина;Исходная строка\n"
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        for f in files {
            for r in f.rejections {
                text += [q(r.location.file), "\(r.location.line)", "\(r.location.column)", q(r.reason), q(r.sourceLine ?? "")].joined(separator: ";") + "\n"
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
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
