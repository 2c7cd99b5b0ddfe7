import Foundation
import JournalModel

/// Streams a CSV file row by row in fixed-size chunks: sniffs the encoding and the delimiter
/// from the first chunk, transcodes Windows-1251 to UTF-8, parses with libcsv and counts the raw
/// bytes for progress. Memory stays at one chunk plus the longest field.
public final class CSVFileReader {
    public let path: String
    public let displayName: String
    public private(set) var encoding: TextEncoding = .utf8
    public private(set) var delimiter: UInt8 = UInt8(ascii: ";")
    public private(set) var bytesRead: Int64 = 0
    public let fileSize: Int64
    public static let chunkSize = 1 << 20
    /// Bytes read (and parsed) at a time; the first chunk is also what the sniffing sees.
    let chunkSize: Int

    private let file: RawFile

    /// Files at least this large are parsed on a thread of their own (`readPipelined`).
    let pipelineFrom: Int64

    /// Opens `path`; `encoding`/`delimiter` override sniffing when given.
    public convenience init(path: String, displayName: String? = nil, chunkSize: Int = CSVFileReader.chunkSize) throws(ImportFailure) {
        try self.init(path: path, displayName: displayName, chunkSize: chunkSize,
                      pipelineFrom: Self.pipelined ? Int64(Self.pipelineThreshold) : .max)
    }

    init(path: String, displayName: String?, chunkSize: Int, pipelineFrom: Int64) throws(ImportFailure) {
        self.path = path
        self.chunkSize = chunkSize
        self.pipelineFrom = pipelineFrom
        self.displayName = displayName ?? path
        do { file = try RawFile(path: path) } catch {
            throw ImportFailure(Diagnostic(id: error.id == "file.not-regular" ? "import.not-regular" : "import.unreadable",
                                           location: SourceLocation(file: displayName ?? path, line: 1, column: 1),
                                           message: "не удалось открыть файл для чтения: \(error.reason)"))
        }
        // The file's own size, a link followed: the link's would turn the parsing thread off.
        fileSize = file.size
    }


    private func fail(_ id: String, _ message: String, line: Int = 1) -> ImportFailure {
        ImportFailure(Diagnostic(id: id, location: SourceLocation(file: displayName, line: line, column: 1), message: message))
    }

    /// Reads the whole file, calling `row` for every non-empty row, and `progress` with the
    /// bytes read so far after each chunk.
    public func read(forcedEncoding: TextEncoding? = nil, forcedDelimiter: UInt8? = nil,
                     progress: (Int64) -> Void = { _ in },
                     row: (CSVRow) throws(ImportFailure) -> Void) throws(ImportFailure) {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        guard var n = file.read(into: &chunk) else { throw fail("import.unreadable", "ошибка чтения файла") }
        if n == 0 { throw fail("import.empty", "файл пуст") }
        let firstBytes = Array(chunk[..<n])
        switch TextEncoding.sniff(firstBytes) {
        case .encoding(let e): encoding = forcedEncoding ?? e
        case .unsupported(let why): throw fail("import.encoding", why)
        }
        if forcedEncoding == .utf8, firstBytes.starts(with: [0xEF, 0xBB, 0xBF]) { encoding = .utf8BOM }
        var skip = encoding == .utf8BOM && firstBytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // A BOM written twice (a program that adds one to a file that has one): all are skipped,
        // or the first header would read «\u{FEFF}Группа» and not be found.
        while skip > 0, firstBytes.dropFirst(skip).starts(with: [0xEF, 0xBB, 0xBF]) { skip += 3 }
        delimiter = forcedDelimiter ?? Delimiter.sniff(firstBytes.dropFirst(skip))
        let parser = CSVParser(delimiter: delimiter)
        if fileSize >= pipelineFrom {
            try readPipelined(parser: parser, chunk: chunk, first: n, skip: skip, progress: progress, row: row)
            return
        }
        var utf8Buffer: [UInt8] = []
        while n > 0 {
            bytesRead += Int64(n)
            let ok = parse(chunk, n, skip: skip, with: parser, utf8Buffer: &utf8Buffer)
            skip = 0
            if parser.rowTooLong { throw rowTooLongError(parser) }
            try deliver(parser, row: row)
            if !ok { throw quoteError(parser) }
            progress(bytesRead)
            guard let next = file.read(into: &chunk) else { throw fail("import.unreadable", "ошибка чтения файла") }
            n = next
        }
        let finished = parser.finish()
        if parser.rowTooLong { throw rowTooLongError(parser) }
        try deliver(parser, row: row)
        if !finished { throw quoteError(parser) }
    }

    /// Files at least this large are parsed on a thread of their own (`ChunkPipeline`); a
    /// smaller one is read before a thread would have started.
    static let pipelineThreshold = 4 << 20
    /// `ZHURNAL_THREADS=1` reads every file on the calling thread (`ThreadSetting`).
    static var pipelined: Bool { ThreadSetting.several }

    /// Parses `chunk[skip..<n]` (transcoded when the file is Windows-1251); false on a quote error.
    private func parse(_ chunk: [UInt8], _ n: Int, skip: Int, with parser: CSVParser, utf8Buffer: inout [UInt8]) -> Bool {
        chunk.withUnsafeBufferPointer { all in
            let buf = UnsafeBufferPointer(rebasing: all[skip..<n])
            if encoding == .cp1251 {
                utf8Buffer.removeAll(keepingCapacity: true)
                CP1251.transcode(buf, into: &utf8Buffer)
                return utf8Buffer.withUnsafeBufferPointer { parser.parse($0) }
            }
            return parser.parse(buf)
        }
    }

    /// The same read with the parse on a second thread: the same rows in the same order, and
    /// the same error after the same rows.
    private func readPipelined(parser: CSVParser, chunk: [UInt8], first n: Int, skip: Int,
                               progress: (Int64) -> Void,
                               row: (CSVRow) throws(ImportFailure) -> Void) throws(ImportFailure) {
        let pipeline = ChunkPipeline { [self] pipe in
            var chunk = chunk, n = n, skip = skip
            var utf8Buffer: [UInt8] = []
            func rows() -> ChunkPipeline.Item { .rows(parser.state.pointee.batch.takeCompleteRows(), bytesRead: bytesRead) }
            while n > 0 {
                bytesRead += Int64(n)
                let ok = parse(chunk, n, skip: skip, with: parser, utf8Buffer: &utf8Buffer)
                skip = 0
                if parser.rowTooLong { _ = pipe.put(.failure(rowTooLongError(parser))); return }
                guard pipe.put(rows()) else { return }
                if !ok { _ = pipe.put(.failure(quoteError(parser))); return }
                guard let next = file.read(into: &chunk) else {
                    _ = pipe.put(.failure(fail("import.unreadable", "ошибка чтения файла"))); return
                }
                n = next
            }
            let finished = parser.finish()
            if parser.rowTooLong { _ = pipe.put(.failure(rowTooLongError(parser))); return }
            guard pipe.put(rows()) else { return }
            _ = pipe.put(finished ? .end : .failure(quoteError(parser)))
        }
        defer { pipeline.close() }
        while true {
            switch pipeline.next() {
            case .end: return
            case .failure(let f): throw f
            case .rows(var batch, let read):
                try deliver(&batch, row: row)
                progress(read)
            }
        }
    }

    private func rowTooLongError(_ p: CSVParser) -> ImportFailure {
        let st = p.state.pointee
        return fail("import.row-too-long", "строка длиннее \(CSVParser.maxRowBytes >> 20) МБ — это не строка таблицы журнала: "
                    + "возможно, не закрыта кавычка в этой строке (и значение поглотило следующие строки) или файл не текстовая таблица",
                    line: st.fieldsInRow > 0 ? st.rowStartLine : st.line)
    }

    private func quoteError(_ p: CSVParser) -> ImportFailure {
        let st = p.state.pointee
        let line = st.fieldsInRow > 0 ? st.rowStartLine : st.line
        return fail("import.quotes", "нарушены кавычки: поле в кавычках не закрыто или после закрывающей кавычки стоит лишний символ", line: line)
    }

    private func deliver(_ parser: CSVParser, row: (CSVRow) throws(ImportFailure) -> Void) throws(ImportFailure) {
        let state = parser.state
        defer { state.pointee.batch.dropDeliveredRows() }
        // Fields of an unfinished row stay: moved to the front after delivery.
        try deliver(&state.pointee.batch, row: row)
    }

    private func deliver(_ batch: inout RowBatch, row: (CSVRow) throws(ImportFailure) -> Void) throws(ImportFailure) {
        guard batch.rowCount > 0 else { return }
        try batch.withRows { (ptr, all, ends) throws(ImportFailure) -> Void in
            var start = 0
            for r in 0..<ptr.pointee.rowCount {
                let end = ptr.pointee.rowEnds[r]
                let csvRow = CSVRow(line: ptr.pointee.rowLines[r], batch: ptr, all: all, ends: ends, firstField: start, endField: end,
                                    file: displayName, delimiter: delimiter)
                start = end
                if !csvRow.isBlank { try row(csvRow) }
            }
        }
    }
}

/// Which of `;`, `,`, tab and `|` separates the fields.
public enum Delimiter {
    public static let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), 0x09, UInt8(ascii: "|")]

    /// The candidate that splits the most of the first lines into the same number of fields.
    public static func sniff<C: Collection>(_ bytes: C) -> UInt8 where C.Element == UInt8 {
        var lines: [[UInt8: Int]] = []
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for b in bytes {
            if b == 0x22 { quoted.toggle(); continue }
            if quoted { continue }
            if b == 0x0A { lines.append(counts); counts = [:]; if lines.count >= 40 { break }; continue }
            if candidates.contains(b) { counts[b, default: 0] += 1 }
        }
        if !counts.isEmpty { lines.append(counts) }
        var best = candidates[0], bestScore = 0
        for d in candidates {
            var freq: [Int: Int] = [:]
            for l in lines { if let c = l[d], c > 0 { freq[c, default: 0] += 1 } }
            let score = freq.values.max() ?? 0
            if score > bestScore { best = d; bestScore = score }
        }
        return best
    }
}
