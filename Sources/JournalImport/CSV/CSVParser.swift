internal import CLibCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rows parsed from one chunk of input: a flat byte buffer with field and row boundaries, so a
/// chunk costs a few array appends rather than one allocation per field.
struct RowBatch {
    var bytes: [UInt8] = []
    /// End offset in `bytes` of each field.
    var fieldEnds: [Int] = []
    /// End index in `fieldEnds` of each row.
    var rowEnds: [Int] = []
    /// 1-based physical line where each row starts.
    var rowLines: [Int] = []
    /// Per field: what a workbook cell held (a date or time, a number: its text is the reader's,
    /// not the file's own spelling). Empty for CSV: all text.
    var kinds: [CellKind] = []

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        rowEnds.removeAll(keepingCapacity: true)
        rowLines.removeAll(keepingCapacity: true)
    }

    var rowCount: Int { rowEnds.count }

    /// Calls `body` with this batch (which must not change meanwhile) and its bytes, for the
    /// `CSVRow`s made of it: valid only inside `body`.
    mutating func withRows<R, E: Error>(_ body: (UnsafePointer<RowBatch>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) throws(E) -> R) throws(E) -> R {
        let bytes = self.bytes, ends = self.fieldEnds
        return try bytes.withUnsafeBufferPointer { (all) throws(E) -> R in
            try ends.withUnsafeBufferPointer { (ends) throws(E) -> R in
                try withUnsafePointer(to: &self) { (ptr) throws(E) -> R in try body(ptr, all, ends) }
            }
        }
    }

    /// Removes the complete rows, keeping the fields of a row that continues in the next chunk.
    mutating func dropDeliveredRows() {
        let done = rowEnds.last ?? 0
        if done == fieldEnds.count { removeAll(); return }
        let byteStart = done == 0 ? 0 : fieldEnds[done - 1]
        bytes.removeSubrange(0..<byteStart)
        fieldEnds.removeSubrange(0..<done)
        for i in fieldEnds.indices { fieldEnds[i] -= byteStart }
        rowEnds.removeAll(keepingCapacity: true)
        rowLines.removeAll(keepingCapacity: true)
    }
}

/// What a field of a workbook row held.
enum CellKind: UInt8 {
    case text
    /// A number in a date or time format (its text is `дд.мм.гггг`, `ЧЧ:ММ` or both).
    case dateTime
    case number
}

/// The state the libcsv callbacks write into; reached through their `void *` argument (a plain
/// struct behind a pointer: no reference counting or exclusivity checks per field).
struct ParseState {
    var batch = RowBatch()
    var line = 1
    var fieldsInRow = 0
    var rowStartLine = 1
    var lastTerminatorWasCR = false
    /// Bytes of the row being read; past `CSVParser.maxRowBytes` the file stops (`rowTooLong`).
    var rowBytes = 0
    var rowTooLong = false
    /// Rows ended so far, empty lines included: whether the last bytes handed to libcsv ended
    /// its row (`QuoteFreeLines`).
    var rowsEnded = 0

    /// A field of `length` bytes at `data` (libcsv's field callback, or a quote-free line's
    /// field). `mayBreakLines`: the field may hold line breaks (a quoted field), which move
    /// the physical line on.
    mutating func addField(_ data: UnsafeRawPointer?, _ length: Int, mayBreakLines: Bool) {
        if fieldsInRow == 0 { rowStartLine = line; rowBytes = 0 }
        lastTerminatorWasCR = false
        rowBytes += length
        if rowBytes > CSVParser.maxRowBytes { rowTooLong = true }
        if let data, length > 0, !rowTooLong {
            let buf = UnsafeRawBufferPointer(start: data, count: length).bindMemory(to: UInt8.self)
            batch.bytes.append(contentsOf: buf)
            // Line breaks inside a quoted field move the physical line on. Almost no field holds
            // one: two `memchr` scans rule that out for the whole field (a loop over every byte
            // of every field was 0.1 s of the college's 208 MB, 40 % of this callback).
            if mayBreakLines, memchr(data, 0x0A, length) != nil || memchr(data, 0x0D, length) != nil {
                var prevCR = false
                for b in buf {
                    if b == 0x0A { if !prevCR { line += 1 }; prevCR = false }
                    else if b == 0x0D { line += 1; prevCR = true }
                    else { prevCR = false }
                }
            }
        }
        batch.fieldEnds.append(batch.bytes.count)
        fieldsInRow += 1
    }

    /// The end of a row, or of an empty line, at `terminator` (CR, LF; negative at the end of
    /// input).
    mutating func endRow(_ terminator: Int32) {
        rowsEnded += 1
        if fieldsInRow == 0 {
            // An empty line, or the LF of a CRLF pair.
            if terminator == 0x0A, lastTerminatorWasCR { lastTerminatorWasCR = false; return }
            if terminator >= 0 { line += 1 }
            lastTerminatorWasCR = terminator == 0x0D
            return
        }
        batch.rowEnds.append(batch.fieldEnds.count)
        batch.rowLines.append(rowStartLine)
        fieldsInRow = 0
        if terminator >= 0 { line += 1 }
        lastTerminatorWasCR = terminator == 0x0D
    }
}

/// One owner of a libcsv parser (strict quotes, every line end reported so that line numbers
/// stay exact). Feed UTF-8 bytes with `parse`, then `finish`; rows land in `state.batch`.
final class CSVParser {
    private let handle: UnsafeMutablePointer<csv_parser>
    let state: UnsafeMutablePointer<ParseState>

    /// The longest row (and so field) read: memory stays bounded whatever the file. No row of
    /// a journal comes near it; a file that does is not a table, or a quote left open swallowed
    /// the lines after it.
    static let maxRowBytes = 16 << 20

    /// The field or row being read grew past `maxRowBytes`: the file cannot be read as a table.
    var rowTooLong: Bool { state.pointee.rowTooLong || csv_error(handle) == CSV_ENOMEM }

    /// The delimiter (libcsv's too).
    let delimiter: UInt8
    /// Lines without a quote are split here rather than by libcsv (`QuoteFreeLines`); off, every
    /// byte goes through libcsv (the reference the tests compare with).
    let splitsQuoteFreeLines: Bool
    /// libcsv holds the beginning of a row: the bytes up to its end go to libcsv too.
    var libcsvHoldsRow = false

    init(delimiter: UInt8, splitQuoteFreeLines: Bool = true) {
        self.delimiter = delimiter
        splitsQuoteFreeLines = splitQuoteFreeLines && QuoteFreeLines.delimiters.contains(delimiter)
        handle = .allocate(capacity: 1)
        state = .allocate(capacity: 1)
        state.initialize(to: ParseState())
        let options = UInt8(CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI)
        // csv_init only fails on allocation of nothing (it allocates lazily): a programmer error.
        precondition(csv_init(handle, options) == 0, "csv_init failed")
        csv_set_delim(handle, delimiter)
        // libcsv grows its field buffer by this much at a time, through `boundedRealloc`.
        csv_set_blk_size(handle, 64 << 10)
        csv_set_realloc_func(handle, boundedRealloc)
    }

    deinit {
        csv_free(handle)
        handle.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Parses `bytes`; returns false on a quoting error (the rows so far stay in the batch).
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        if splitsQuoteFreeLines { return parseLines(base, bytes.count) }
        return libcsv(base, bytes.count)
    }

    /// Hands `count` bytes at `base` to libcsv; false on a quoting error.
    func libcsv(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let ctx = UnsafeMutableRawPointer(state)
        return csv_parse(handle, base, count, fieldCallback, rowCallback, ctx) == count
    }

    /// Flushes the last row; false when the input ended inside a quoted field.
    func finish() -> Bool {
        let ctx = UnsafeMutableRawPointer(state)
        return csv_fini(handle, fieldCallback, rowCallback, ctx) == 0
    }
}

/// libcsv's field buffer may not grow past `CSVParser.maxRowBytes` (libcsv then stops with
/// CSV_ENOMEM, reported as a row too long).
private func boundedRealloc(_ p: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    size > CSVParser.maxRowBytes + (64 << 10) ? nil : realloc(p, size)
}

private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ ctx: UnsafeMutableRawPointer?) {
    ctx?.assumingMemoryBound(to: ParseState.self).pointee.addField(data, length, mayBreakLines: true)
}

private func rowCallback(_ terminator: Int32, _ ctx: UnsafeMutableRawPointer?) {
    ctx?.assumingMemoryBound(to: ParseState.self).pointee.endRow(terminator)
}
