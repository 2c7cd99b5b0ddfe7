import JournalModel

/// Where a file's rows come from: a delimited text file (`CSVFileReader`) or a sheet of a
/// workbook (`XlsxSheetReader`). Both deliver `CSVRow`s, so profiles, records and rejections
/// are the same for either.
protocol RowSource: AnyObject {
    /// Text encoding and delimiter as found (nil and 0 for a workbook sheet).
    var sourceEncoding: TextEncoding? { get }
    var sourceDelimiter: UInt8 { get }
    var bytesRead: Int64 { get }
    var fileSize: Int64 { get }
    /// Calls `row` for every non-empty row; `forcedEncoding`/`forcedDelimiter` apply to text files.
    func read(forcedEncoding: TextEncoding?, forcedDelimiter: UInt8?, progress: (Int64) -> Void,
              row: (CSVRow) throws(ImportFailure) -> Void) throws(ImportFailure)
}

extension CSVFileReader: RowSource {
    var sourceEncoding: TextEncoding? { encoding }
    var sourceDelimiter: UInt8 { delimiter }
}

/// What a file to import is, by its first bytes (and name).
enum InputKind {
    case text
    case workbook
    /// A format the import does not read, with a Russian reason.
    case unsupported(String)

    /// A ZIP archive is read as a workbook; an OLE2 compound file is an `.xls` (or an encrypted
    /// workbook); `.ods` is a ZIP too but says so in its `mimetype`.
    static func of(path: String) -> InputKind {
        guard let f = try? RawFile(path: path) else { return .text }
        var head = [UInt8](repeating: 0, count: 96)
        let n = f.read(into: &head) ?? 0
        let b = head.prefix(n)
        if b.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return .unsupported("это книга Excel 97–2003 (.xls) или книга, защищённая паролем: такие файлы не читаются")
        }
        if b.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if String(decoding: b, as: UTF8.self).contains("opendocument") {
                return .unsupported("это таблица OpenDocument (.ods): такие файлы не читаются")
            }
            return .workbook
        }
        return .text
    }

    static let saveHint = "сохраните файл в Excel или LibreOffice как «Книга Excel (.xlsx)» или как CSV"
}
