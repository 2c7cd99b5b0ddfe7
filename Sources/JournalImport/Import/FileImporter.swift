import Foundation
import JournalModel

/// Imports one file: finds its header row and profile, streams its rows into records for a
/// `RecordSink`, and accounts for every row. A file is a delimited text file (`.csv`, `.tsv`,
/// `.txt`) or one sheet of a workbook (`.xlsx`); both are read through the same profiles.
public struct FileImporter {
    public var profiles: [Profile]
    public var forced: Profile?
    public var options: ImportOptions
    /// Rows searched for a header before giving up.
    static let headerSearchRows = 40
    /// Cells of the rows above and at the header longer than this are not read as column names
    /// or header lines (a title or a column name is a few dozen characters).
    static let maxHeaderCellBytes = 1024

    public init(profiles: [Profile], forced: Profile? = nil, options: ImportOptions = ImportOptions()) {
        self.profiles = profiles
        self.forced = forced
        self.options = options
    }

    /// Reads `path` (sheet `sheet` of a workbook) into `sink`. Throws `ImportFailure` for
    /// problems that stop the import (unreadable file, encoding, quotes, no header, missing
    /// required column).
    public func run(path: String, displayName: String, sheet: String? = nil, sink: RecordSink,
                    progress: (Int64, Int64) -> Void = { _, _ in }) throws(ImportFailure) -> FileReport {
        try run(path: path, displayName: displayName, sheet: sheet, sink: sink, chunkSize: CSVFileReader.chunkSize, progress: progress)
    }

    /// The reader of `path`: a workbook's sheet or a text file.
    func source(path: String, displayName: String, sheet: String?, chunkSize: Int = CSVFileReader.chunkSize) throws(ImportFailure) -> RowSource {
        switch InputKind.of(path: path) {
        case .unsupported(let why):
            throw ImportFailure(Diagnostic(id: "import.format", location: SourceLocation(file: displayName, line: 1, column: 1),
                                           message: why, hint: InputKind.saveHint))
        case .workbook:
            var name = sheet
            if name == nil {
                let readable = try Workbook.sheets(path: path, displayName: displayName).filter { $0.skipReason == nil }
                guard readable.count == 1 else {
                    throw ImportFailure(Diagnostic(id: "import.sheet", location: SourceLocation(file: displayName, line: 1, column: 1),
                        message: "в книге несколько листов: укажите лист (книга.xlsx[Лист]) или папку с книгой",
                        hint: "листы: " + readable.map { "«\($0.name)»" }.joined(separator: ", ")))
                }
                name = readable[0].name
            }
            return try XlsxSheetReader(path: path, sheet: name ?? "", displayName: displayName)
        case .text:
            return try CSVFileReader(path: path, displayName: displayName, chunkSize: chunkSize)
        }
    }

    func run(path: String, displayName: String, sheet: String? = nil, sink: RecordSink, chunkSize: Int,
             progress: (Int64, Int64) -> Void = { _, _ in }) throws(ImportFailure) -> FileReport {
        var sniffed: (TextEncoding?, UInt8) = (nil, 0)
        do {
            return try read(path: path, displayName: displayName, sheet: sheet, sink: sink, chunkSize: chunkSize,
                            encoding: forced?.encoding, delimiter: forced?.delimiter, sniffed: &sniffed, progress: progress)
        } catch {
            // No header with the encoding and delimiter found by sniffing: a profile that declares
            // others may read the file (a `|` or a `,` among many `;` in the text, say).
            guard error.diagnostic.id == "import.no-header", forced == nil, let enc = sniffed.0 else { throw error }
            var tried = Set([Pair(encoding: enc, delimiter: sniffed.1)])
            for p in profiles where p.encoding != nil || p.delimiter != nil {
                let pair = Pair(encoding: p.encoding ?? enc, delimiter: p.delimiter ?? sniffed.1)
                guard tried.insert(pair).inserted else { continue }
                var ignored: (TextEncoding?, UInt8) = (nil, 0)
                do {
                    return try read(path: path, displayName: displayName, sheet: sheet, sink: sink, chunkSize: chunkSize,
                                    encoding: pair.encoding, delimiter: pair.delimiter, sniffed: &ignored, progress: progress)
                } catch let retry {
                    // Read this way, the file has a header: what stopped it is the file's problem.
                    if !["import.no-header", "import.encoding", "import.quotes"].contains(retry.diagnostic.id) { throw retry }
                }
            }
            throw error
        }
    }

    private struct Pair: Hashable { var encoding: TextEncoding; var delimiter: UInt8 }

    private func read(path: String, displayName: String, sheet: String?, sink: RecordSink, chunkSize: Int,
                      encoding: TextEncoding?, delimiter: UInt8?, sniffed: inout (TextEncoding?, UInt8),
                      progress: (Int64, Int64) -> Void) throws(ImportFailure) -> FileReport {
        let reader = try source(path: path, displayName: displayName, sheet: sheet, chunkSize: chunkSize)
        defer { sniffed = (reader.sourceEncoding, reader.sourceDelimiter) }
        let sheetName = (reader as? XlsxSheetReader)?.sheetName
        var state = FileState(importer: self, file: displayName, sheet: sheetName,
                              fileName: ((path as NSString).lastPathComponent as NSString).deletingPathExtension,
                              isText: sheetName == nil)
        try reader.read(forcedEncoding: encoding, forcedDelimiter: delimiter,
                        progress: { progress($0, reader.fileSize) }) { (row: CSVRow) throws(ImportFailure) in
            do { try state.handle(row, sink: sink) } catch let f as ImportFailure { throw f } catch {
                throw ImportFailure(Diagnostic(id: "import.store", location: SourceLocation(file: displayName, line: row.line, column: 1),
                                               message: "ошибка записи: \(error)"))
            }
        }
        guard var report = state.report else {
            throw state.noHeaderFailure(file: displayName)
        }
        report.encoding = reader.sourceEncoding
        report.decimalMarks += state.cache.decimalMarks
        let d = reader.sourceDelimiter
        report.delimiter = d == 0 ? "" : d == 0x09 ? "таб" : String(UnicodeScalar(d))
        report.sheet = sheetName
        report.bytes = reader.bytesRead
        if case .grid = state.layout, state.grid?.dayRowSeen != true {
            throw ImportFailure(Diagnostic(id: "import.grid-days", location: SourceLocation(file: displayName, line: 1, column: 1),
                                           message: "в сетке журнала нет строки с числами месяца («\(state.profile?.gridSpec?.dayRowLabel ?? "Число")»)"))
        }
        return report
    }
}

extension Profile {
    var gridSpec: GridSpec? { if case .grid(let g) = layout { g } else { nil } }
}
