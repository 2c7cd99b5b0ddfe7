import Foundation
import JournalImport
import JournalModel
import JournalStore
#if canImport(Glibc)
import Glibc
#endif

/// The files of a folder given to `import`, `check`, `memo` or `inspection`: every delimited
/// text file (`.csv`, `.tsv`, `.txt`) and workbook (`.xlsx`, `.xlsm`), in name order,
/// recursively. Everything else is listed with the reason it is skipped, never only counted.
///
/// A folder may hold a `.zhurnal-ignore` file: one pattern per line (`*` and `?` wildcards,
/// `#` comments), naming files or subfolders (with a trailing `/`) relative to that folder
/// that are not journal tables — e.g. the generator's `ground_truth.csv` and `legacy/`.
///
///     # .zhurnal-ignore
///     ground_truth.csv
///     legacy/
enum FolderListing {
    static let ignoreFileName = ".zhurnal-ignore"
    static let textExtensions = ["csv", "tsv", "txt"]
    static let workbookExtensions = ["xlsx", "xlsm"]

    struct Listing {
        var files: [String]
        /// Relative paths skipped because `.zhurnal-ignore` names them.
        var ignored: [String]
        /// Relative paths skipped for another reason, with it (Russian).
        var skipped: [(path: String, reason: String)] = []
    }

    /// The table files below `folder` in name order, minus what `.zhurnal-ignore` excludes.
    static func tableFiles(in folder: String) -> Listing {
        let patterns = ignorePatterns(in: folder)
        var listing = Listing(files: [], ignored: [])
        let items = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        var ignoredFolders: [String] = []
        for item in items.sorted() {
            if ignoredFolders.contains(where: { item.hasPrefix($0 + "/") }) { continue }
            let full = (folder as NSString).appendingPathComponent(item)
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
            if isDir.boolValue {
                if patterns.contains(where: { $0.hasSuffix("/") && matches(String($0.dropLast()), item) }) {
                    ignoredFolders.append(item)
                    listing.ignored.append(item + "/")
                }
                continue
            }
            let name = (item as NSString).lastPathComponent
            if name == ignoreFileName { continue }
            if patterns.contains(where: { !$0.hasSuffix("/") && matches($0, item) }) {
                listing.ignored.append(item)
                continue
            }
            if let reason = skipReason(name) { listing.skipped.append((item, reason)); continue }
            listing.files.append(full)
        }
        return listing
    }

    /// Why a file of a folder is not read, by its name; nil for a table file.
    static func skipReason(_ name: String) -> String? {
        let ext = (name as NSString).pathExtension.lowercased()
        if name.hasPrefix("~$") || name.hasPrefix(".~lock.") { return "временный файл открытой книги" }
        if name.hasPrefix(".") { return "скрытый файл" }
        if textExtensions.contains(ext) || workbookExtensions.contains(ext) { return nil }
        switch ext {
        case "xls", "xlsb", "ods", "numbers":
            return "формат .\(ext) не читается — \(Workbook.saveHint)"
        case "":
            return "не таблица (файл без расширения)"
        default:
            return "не таблица (расширение .\(ext))"
        }
    }

    static func ignorePatterns(in folder: String) -> [String] {
        let path = (folder as NSString).appendingPathComponent(ignoreFileName)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, 0) == 0
    }
}

/// The files an import reads, from the paths a user named: files as named (a workbook: each of
/// its sheets; `книга.xlsx[Лист]`: that sheet), folders through `FolderListing`. Files found
/// in a folder that hold no table (a `.txt` note, a title sheet) are skipped and listed.
enum ImportInputs {
    static func collect(_ paths: [String], importer: FileImporter, report: (String) -> Void) throws -> [ImportSession.File] {
        var out: [ImportSession.File] = []
        for p in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: p, isDirectory: &isDir) {
                if isDir.boolValue {
                    let listing = FolderListing.tableFiles(in: p)
                    for skipped in listing.ignored {
                        report("пропущено по \(FolderListing.ignoreFileName): \((p as NSString).appendingPathComponent(skipped))")
                    }
                    for (path, reason) in listing.skipped { report("пропущено: \((p as NSString).appendingPathComponent(path)) — \(reason)") }
                    for full in listing.files { out += try files(of: full, sheet: nil, fromFolder: true, importer: importer, report: report) }
                } else {
                    out += try files(of: p, sheet: nil, fromFolder: false, importer: importer, report: report)
                }
            } else if let (book, sheet) = sheetReference(p) {
                out += try files(of: book, sheet: sheet, fromFolder: false, importer: importer, report: report)
            } else {
                throw ImportFailure(Diagnostic(id: "import.unreadable", location: nil, message: "файл или папка «\(p)» не найдены"))
            }
        }
        if out.isEmpty {
            throw ImportFailure(Diagnostic(id: "import.no-files", location: nil, message: "не найдено ни одного файла с таблицами журнала",
                                           hint: "читаются .csv, .tsv, .txt (текст с разделителями) и .xlsx"))
        }
        return out
    }

    /// `книга.xlsx[Лист]` naming an existing workbook.
    static func sheetReference(_ p: String) -> (String, String)? {
        guard p.hasSuffix("]"), let open = p.lastIndex(of: "[") else { return nil }
        let book = String(p[..<open])
        let sheet = String(p[p.index(after: open)..<p.index(before: p.endIndex)])
        guard !sheet.isEmpty, FileManager.default.fileExists(atPath: book), Workbook.isWorkbook(book) else { return nil }
        return (book, sheet)
    }

    private static func files(of path: String, sheet: String?, fromFolder: Bool, importer: FileImporter,
                              report: (String) -> Void) throws -> [ImportSession.File] {
        if let why = Workbook.unsupportedReason(path) {
            if fromFolder { report("пропущено: \(path) — \(why); \(Workbook.saveHint)"); return [] }
            throw ImportFailure(Diagnostic(id: "import.format", location: SourceLocation(file: path, line: 1, column: 1),
                                           message: why, hint: Workbook.saveHint))
        }
        guard Workbook.isWorkbook(path) else {
            let file = ImportSession.File(path: path, displayName: path)
            // A note among the tables (`прочти.txt`): listed, not imported.
            if fromFolder, (path as NSString).pathExtension.lowercased() == "txt",
               case .noHeader = importer.probeResult(path: path, displayName: path) {
                report("пропущено: \(path) — не похоже на таблицу журнала (нет строки заголовков)")
                return []
            }
            return [file]
        }
        let sheets = try Workbook.sheets(path: path, displayName: path)
        if let sheet {
            guard sheets.contains(where: { $0.name == sheet }) else {
                throw ImportFailure(Diagnostic(id: "import.sheet", location: SourceLocation(file: path, line: 1, column: 1),
                    message: "в книге нет листа «\(sheet)»", hint: "листы: " + sheets.map { "«\($0.name)»" }.joined(separator: ", ")))
            }
            return [ImportSession.File(path: path, displayName: Workbook.displayName(file: path, sheet: sheet), sheet: sheet)]
        }
        var out: [ImportSession.File] = []
        for s in sheets {
            let name = Workbook.displayName(file: path, sheet: s.name)
            if let why = s.skipReason { report("пропущен лист: \(name) — \(why)"); continue }
            if case .noHeader = importer.probeResult(path: path, displayName: name, sheet: s.name) {
                report("пропущен лист: \(name) — не похоже на таблицу журнала (нет строки заголовков)")
                continue
            }
            out.append(ImportSession.File(path: path, displayName: name, sheet: s.name))
        }
        if out.isEmpty { report("пропущено: \(path) — ни один лист книги не похож на таблицу журнала") }
        return out
    }
}
