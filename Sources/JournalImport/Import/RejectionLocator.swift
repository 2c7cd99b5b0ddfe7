import JournalModel

extension FileImporter {
    /// Gives rejections their exact place once a file is read:
    ///
    /// - in a text file, the line and column where the faulty field starts in the file's own
    ///   line — quotes, doubled quotes and line breaks inside quotes counted — and that line as
    ///   the text shown (while reading, only the parsed fields are at hand);
    /// - rows the store rejected after reading (a repeated cell, a row that names no lesson)
    ///   carry only their line and canonical column: they get the field, its column and the
    ///   row's text, as rows rejected while reading have (in a sheet, the column letter).
    ///
    /// Only files with rejections are read again, and only up to the last rejected line.
    public func locate(_ report: inout FileReport, path: String, sheet: String? = nil) {
        guard !report.rejections.isEmpty else { return }
        let fields = report.fields
        for k in report.rejections.indices where report.rejections[k].field == nil {
            report.rejections[k].field = report.rejections[k].column.flatMap { fields[$0] }
        }
        if report.encoding != nil {
            locateInText(&report, path: path)
            return
        }
        let wanted = report.rejections.indices.filter { report.rejections[$0].sourceLine == nil }
        guard !wanted.isEmpty else { return }
        var byLine: [Int: [Int]] = [:]
        for k in wanted { byLine[report.rejections[k].location.line, default: []].append(k) }
        let last = byLine.keys.max() ?? 0
        let name = report.rejections[wanted[0]].location.file
        guard let reader = try? source(path: path, displayName: name, sheet: sheet ?? report.sheet) else { return }
        var found: [(Int, SourceLocation, String)] = []
        do {
            try reader.read(forcedEncoding: nil, forcedDelimiter: nil, progress: { _ in }) { (row: CSVRow) throws(ImportFailure) in
                for k in byLine[row.line] ?? [] {
                    let r = report.rejections[k]
                    found.append((k, r.field.map { row.location(column: $0) } ?? r.location, row.sourceLine))
                }
                if row.line >= last { throw ImportFailure(Diagnostic(id: "import.located", location: nil, message: "")) }
            }
        } catch {}
        for (k, location, text) in found {
            report.rejections[k].location = location
            report.rejections[k].sourceLine = text
        }
    }

    /// Text files: the raw rows of rejected lines (see `RawRows`).
    private func locateInText(_ report: inout FileReport, path: String) {
        let delimiter: UInt8 = report.delimiter == "таб" ? 0x09 : report.delimiter.utf8.first ?? UInt8(ascii: ";")
        let lines = Set(report.rejections.map(\.location.line))
        guard let rows = RawRows.read(path: path, encoding: report.encoding ?? .utf8, lines: lines) else { return }
        for k in report.rejections.indices {
            let r = report.rejections[k]
            guard let raw = rows[r.location.line] else { continue }
            // A rejection of the row as a whole keeps its place; one at a field gets the field's.
            guard let field = r.field else {
                if r.sourceLine == nil { report.rejections[k].sourceLine = RawRows.place(of: 0, in: raw, delimiter: delimiter).2 }
                continue
            }
            let (lineOffset, column, text) = RawRows.place(of: field, in: raw, delimiter: delimiter)
            report.rejections[k].location = SourceLocation(file: r.location.file, line: r.location.line + lineOffset, column: column)
            report.rejections[k].sourceLine = text
        }
    }
}

/// Rows of a text file as the file spells them: from the start of a line to the line break
/// that ends the row (line breaks inside quotes belong to the row), UTF-8.
enum RawRows {
    /// Longest row kept (a broken quote can make a «row» of the rest of the file).
    static let limit = 1 << 20

    /// The raw rows starting at `lines` (1-based physical lines).
    static func read(path: String, encoding: TextEncoding, lines: Set<Int>) -> [Int: [UInt8]]? {
        guard let file = try? RawFile(path: path), let last = lines.max() else { return nil }
        var out: [Int: [UInt8]] = [:]
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var utf8: [UInt8] = []
        var line = 1
        var prevCR = false
        var capturing: [UInt8]? = nil
        var captureLine = 0
        var inQuotes = false
        var atLineStart = true
        var first = true
        while let n = file.read(into: &chunk), n > 0 {
            var bytes = chunk[..<n]
            if first, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            first = false
            if encoding == .cp1251 {
                utf8.removeAll(keepingCapacity: true)
                bytes.withUnsafeBufferPointer { CP1251.transcode($0, into: &utf8) }
            }
            let text = encoding == .cp1251 ? utf8[...] : bytes
            for b in text {
                if atLineStart, capturing == nil, lines.contains(line) {
                    capturing = []
                    captureLine = line
                    inQuotes = false
                }
                atLineStart = false
                let isBreak = b == 0x0A || b == 0x0D
                if capturing != nil {
                    if b == 0x22 { inQuotes.toggle() }
                    if isBreak && !inQuotes || capturing!.count >= limit {
                        out[captureLine] = capturing
                        capturing = nil
                    } else {
                        capturing!.append(b)
                    }
                }
                if b == 0x0A { if !prevCR { line += 1 }; atLineStart = true }
                else if b == 0x0D { line += 1; atLineStart = true }
                prevCR = b == 0x0D
                if line > last && capturing == nil { return out }
            }
        }
        if let c = capturing { out[captureLine] = c }
        return out
    }

    /// Where field `field` starts in `row`: lines below the row's first, 1-based character
    /// column in that line, and that line's text.
    static func place(of field: Int, in row: [UInt8], delimiter: UInt8) -> (Int, Int, String) {
        var index = 0, lineOffset = 0, lineStart = 0
        var inQuotes = false
        var start = 0
        var i = 0
        var prevCR = false
        while i < row.count, index < field {
            let b = row[i]
            if b == 0x22 { inQuotes.toggle() }
            else if b == delimiter && !inQuotes { index += 1; if index == field { start = i + 1; break } }
            else if b == 0x0A || b == 0x0D {
                if !(b == 0x0A && prevCR) { lineOffset += 1 }
                lineStart = i + 1
            }
            prevCR = b == 0x0D
            i += 1
        }
        if index < field { start = row.count }
        var lineEnd = lineStart
        while lineEnd < row.count, row[lineEnd] != 0x0A, row[lineEnd] != 0x0D { lineEnd += 1 }
        let column = String(decoding: row[lineStart..<min(start, lineEnd)], as: UTF8.self).count + 1
        let text = String(String(decoding: row[lineStart..<lineEnd], as: UTF8.self).prefix(2000))
        return (lineOffset, column, text)
    }
}
