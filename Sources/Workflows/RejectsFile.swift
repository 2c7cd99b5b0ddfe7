import FileAccess
import Foundation
import JournalImport
import JournalModel

/// `--rejects`: every listed rejection as CSV (UTF-8, `;`); for files imported before, the
/// rejections that import stored in the database.
public enum RejectsFile {
    /// Fails (exit 2, before the import touches the database) when `path` cannot be written:
    /// its folder cannot be made or written to (a file stands in its way), or it names a folder
    /// or a read-only file. A missing folder is made.
    public static func validate(_ path: String) throws {
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

    public static func write(_ files: [FileReport], to path: String) throws {
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
