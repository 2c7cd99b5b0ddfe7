import FileAccess
import Foundation
import JournalImport
import JournalModel
import JournalStore

/// The files an import reads, from the paths a user named: files as named (a workbook: each of
/// its sheets; `книга.xlsx[Лист]`: that sheet), folders through `FolderListing`. Files found
/// in a folder that hold no table (a `.txt` note, a title sheet) are skipped and listed.
public enum ImportInputs {
    public static func collect(_ paths: [String], importer: FileImporter, report: (String) -> Void) throws -> [ImportSession.File] {
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
                } else if let problem = InputFile.problem(p) {
                    // Named on the command line but not a regular file (a FIFO, /dev/zero): listed, not read.
                    report("пропущено: \(p) — \(problem.reason)")
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
    public static func sheetReference(_ p: String) -> (String, String)? {
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
