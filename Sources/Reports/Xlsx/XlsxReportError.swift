import JournalModel
internal import CXlsxWriter

/// Why the XLSX report could not be written; `message` is what the user reads.
public enum XlsxReportError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The folder for the report does not exist.
    case folderMissing(path: String)
    /// libxlsxwriter could not open the temporary file next to the report.
    case cannotCreate(path: String)
    /// libxlsxwriter failed while writing (disk full, permissions, …); `code` is the Russian reason.
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
            "не удалось записать отчёт «\(p)»: \(code)"
        case .cannotReplace(let p, let reason):
            "не удалось сохранить отчёт «\(p)»: \(reason)"
        }
    }

    public var description: String { message }

    /// The error as the CLI prints it.
    public var diagnostic: Diagnostic {
        Diagnostic(id: "report.xlsx-write", location: nil, message: message)
    }

    /// Turns a libxlsxwriter error code into `.library` with a Russian reason.
    static func check(_ err: lxw_error, path: String) throws {
        guard err != LXW_NO_ERROR else { return }
        throw XlsxReportError.library(code: reason(err), path: path)
    }

    static func reason(_ err: lxw_error) -> String {
        switch err {
        case LXW_ERROR_MEMORY_MALLOC_FAILED: "не хватило памяти"
        case LXW_ERROR_CREATING_XLSX_FILE: "не удалось создать файл: нет прав на запись в папку или диск заполнен"
        case LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE:
            "не удалось записать или прочитать временный файл: проверьте место во временной папке"
        case LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE, LXW_ERROR_ZIP_BAD_ZIP_FILE,
             LXW_ERROR_ZIP_INTERNAL_ERROR, LXW_ERROR_ZIP_PARAMETER_ERROR:
            "ошибка упаковки файла: возможно, диск заполнен"
        default: "внутренняя ошибка libxlsxwriter № \(err.rawValue)"
        }
    }
}
