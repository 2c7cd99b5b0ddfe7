import JournalModel

/// Builds, for each row, the row `ColumnPlan` maps: the file's fields, then one extra field per
/// joined, split or translated column. One owner of the buffer the rows are built in.
final class RowTransform {
    let plan: ColumnPlan
    private var batch = RowBatch()

    init(plan: ColumnPlan) { self.plan = plan }

    /// Calls `body` with the row the mapping reads; the row is valid only inside `body`.
    /// Throws `RowRejection` (a value map that does not know a value, a range without its
    /// separator) or `ImportFailure` (bytes that are not UTF-8).
    func withRow<R>(_ row: CSVRow, _ body: (CSVRow) throws -> R) throws -> R {
        batch.removeAll()
        let width = plan.width
        for i in 0..<width {
            if i < row.count { batch.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: row.all[row.range(i)])) }
            batch.fieldEnds.append(batch.bytes.count)
            batch.kinds.append(row.kind(i))
        }
        for (column, source, map) in plan.extras {
            var text: String
            var kind = CellKind.text
            switch source {
            case .field(let i):
                text = try row.trimmedText(i)
            case .join(let fields):
                var parts: [String] = []
                for f in fields { let t = try row.trimmedText(f); if !t.isEmpty { parts.append(t) } }
                text = parts.joined(separator: " ")
                // Typed date and time cells joined are still in the reader's form (a date alone:
                // known to the day only).
                if !parts.isEmpty && fields.allSatisfy({ row.isTyped($0) || row.byteCount($0) == 0 }) { kind = .dateTime }
            case .part(let i, let k, let separator):
                text = try Self.part(try row.trimmedText(i), k, separator, column: column, table: plan.table)
            }
            if !text.isEmpty, let map {
                switch map.outcome(text) {
                case .value(let v): text = v
                case .problem(let why): throw RowRejection(column: column, reason: why)
                }
            }
            batch.bytes.append(contentsOf: Array(text.utf8))
            batch.fieldEnds.append(batch.bytes.count)
            batch.kinds.append(kind)
        }
        batch.rowEnds.append(batch.fieldEnds.count)
        batch.rowLines.append(row.line)
        return try batch.withRows { ptr, all, ends in
            try body(CSVRow(line: row.line, batch: ptr, all: all, ends: ends, firstField: 0, endField: ptr.pointee.fieldEnds.count,
                            file: row.file, delimiter: row.delimiter, lettered: row.lettered))
        }
    }

    /// Part `k` (0 or 1) of a range `text` split at `separator`. A separator with spaces around
    /// it is preferred («2025-09-01 - 2025-10-24»); otherwise the occurrence that halves the
    /// text most evenly. A hyphen also matches the en and em dashes.
    static func part(_ text: String, _ k: Int, _ separator: String, column: Int, table: CanonicalTable) throws -> String {
        if text.isEmpty { return "" }
        let seps = separator == "-" ? ["-", "–", "—"] : [separator]
        var best: Range<String.Index>?
        for s in seps {
            if let r = text.range(of: " \(s) ") { best = r; break }
        }
        if best == nil {
            var candidates: [Range<String.Index>] = []
            for s in seps {
                var from = text.startIndex
                while let r = text.range(of: s, range: from..<text.endIndex) { candidates.append(r); from = r.upperBound }
            }
            best = candidates.min { a, b in
                abs(text.distance(from: text.startIndex, to: a.lowerBound) - text.distance(from: a.upperBound, to: text.endIndex))
                    < abs(text.distance(from: text.startIndex, to: b.lowerBound) - text.distance(from: b.upperBound, to: text.endIndex))
            }
        }
        guard let r = best else {
            let names = table.columns[column].name
            throw RowRejection(column: column, reason: "в «\(text)» нет разделителя «\(separator)»: столбец «\(names)» берётся из диапазона вида «начало\(separator)окончание»")
        }
        return String(k == 0 ? text[..<r.lowerBound] : text[r.upperBound...]).trimmingSpaces()
    }
}
