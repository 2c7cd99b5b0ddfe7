import JournalModel

extension FileImporter {
    /// Rows the store rejected after the file was read (a repeated cell, a row that names no
    /// lesson) carry their line and the canonical column at fault; this reads the file again
    /// up to the last such line and gives them the column and the row's text, as rows
    /// rejected while reading have. Only files with such rejections are read again.
    public func locate(_ report: inout FileReport, path: String) {
        let wanted = report.rejections.indices.filter { report.rejections[$0].sourceLine == nil }
        guard !wanted.isEmpty else { return }
        var byLine: [Int: [Int]] = [:]
        for k in wanted { byLine[report.rejections[k].location.line, default: []].append(k) }
        let last = byLine.keys.max() ?? 0
        guard let reader = try? CSVFileReader(path: path, displayName: report.rejections[wanted[0]].location.file) else { return }
        let delimiter: UInt8? = report.delimiter == "таб" ? 0x09 : report.delimiter.utf8.first
        let fields = report.fields
        var found: [(Int, SourceLocation, String)] = []
        do {
            try reader.read(forcedEncoding: report.encoding, forcedDelimiter: delimiter) { (row: CSVRow) throws(ImportFailure) in
                if let ks = byLine[row.line] {
                    for k in ks {
                        let r = report.rejections[k]
                        let field = r.column.flatMap { fields[$0] }
                        let location = field.map { row.location(column: $0) } ?? r.location
                        found.append((k, location, row.sourceLine))
                    }
                }
                if row.line >= last { throw ImportFailure(Diagnostic(id: "import.located", location: nil, message: "")) }
            }
        } catch {}
        for (k, location, text) in found {
            report.rejections[k].location = location
            report.rejections[k].sourceLine = text
        }
    }
}
