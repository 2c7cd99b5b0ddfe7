import JournalModel
internal import CXlsxWriter

/// Why the XLSX report could not be written; `message` is what the user reads.
public enum XlsxReportError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The folder for the report does not exist.
    case folderMissing(path: String)
    /// libxlsxwriter could not open the temporary file next to the report.
    case cannotCreate(path: String)
    /// libxlsxwriter failed while writing (disk full, permissions, …).
    case library(code: String, path: String)
    /// The finished temporary file could not be moved over the report's path.
    case cannotReplace(path: String, reason: String)

    public var message: String {
        switch self {
        case .folderMissing(let p):
            "не удалось записать отчёт «\(p)»: папка не существует"
        case .cannotCreate(let p):
            "не удалось создать файл отчёта рядом с «\(p)»: нет прав на запись в папку или диск заполнен"
        case .library(let code, let p):
            "не удалось записать отчёт «\(p)»: ошибка при формировании XLSX (\(code))"
        case .cannotReplace(let p, let reason):
            "не удалось сохранить отчёт «\(p)»: \(reason)"
        }
    }

    public var description: String { message }

    /// The error as the CLI prints it.
    public var diagnostic: Diagnostic {
        Diagnostic(id: "report.xlsx-write", location: nil, message: message)
    }

    static func check(_ err: lxw_error, path: String) throws {
        guard err != LXW_NO_ERROR else { return }
        let text = lxw_strerror(err).map { String(cString: $0) } ?? "код \(err.rawValue)"
        throw XlsxReportError.library(code: text, path: path)
    }
}
