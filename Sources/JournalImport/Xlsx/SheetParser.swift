import Foundation
import JournalModel

/// Turns a worksheet part, as it inflates, into rows of text fields — the same `RowBatch` the
/// CSV parser fills, so that every profile reads a sheet as it reads a CSV file. A row's
/// fields are its columns from A, empty where the sheet has no cell; rows with no text are
/// left out (their numbers are not reused: a row keeps its sheet row number).
///
/// Cell text: shared and inline strings as written; numbers as the shortest decimal
/// («5», «4.5»); booleans «ИСТИНА»/«ЛОЖЬ»; errors («#N/A») as written; a number in a date or
/// time style as `дд.мм.гггг`, `ЧЧ:ММ[:СС]` or both (marked as such, see `RowBatch.kinds`).
struct SheetParser {
    let strings: SharedStrings
    let formats: [CellFormat]
    let date1904: Bool
    let file: String
    var merges: MergedCells

    private var xml = XMLTokenizer()
    private(set) var finished = false
    private var rowNumber = 0
    private var nextColumn = 0
    // The cell being read.
    private var column = 0
    private var style = 0
    private var type: CellType = .number
    private var collecting = false
    private var phoneticDepth = 0
    private var value: [UInt8] = []
    // The row being read: cells as (column, range in `rowBytes`, kind).
    private var cells: [(column: Int, range: Range<Int>, kind: CellKind)] = []
    private var rowBytes: [UInt8] = []
    /// Per column: the last formatted number (style, raw text, text, kind).
    private var numberMemo: [(style: Int, raw: [UInt8], text: [UInt8], kind: CellKind)?] = []

    enum CellType { case number, shared, inline, formulaText, boolean, error, isoDate }

    init(strings: SharedStrings, formats: [CellFormat], date1904: Bool, file: String, merges: MergedCells) {
        self.strings = strings
        self.formats = formats
        self.date1904 = date1904
        self.file = file
        self.merges = merges
    }

    /// Parses `chunk`, appending finished rows to `batch`. After `</sheetData>` `finished` is set
    /// and the rest is not read.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, into batch: inout RowBatch, final: Bool) throws(ImportFailure) {
        xml.append(chunk)
        do {
            while !finished, let t = try xml.next(final: final) { try handle(t, &batch) }
        } catch let f as ImportFailure { throw f } catch {
            throw ImportFailure(Diagnostic(id: "import.xlsx", location: SourceLocation(file: file, line: max(rowNumber, 1), column: 1),
                                           message: "лист книги повреждён: \(error)"))
        }
        xml.compact()
    }

    private mutating func handle(_ t: XMLTokenizer.Token, _ batch: inout RowBatch) throws {
        switch t {
        case .start(let name, let attrs, let selfClosing):
            if xml.is(name, "c") {
                // One pass over `r`, `s` and `t`.
                var ref: CellReference?
                style = 0
                type = .number
                xml.forEachAttribute(in: attrs) { b, name, value in
                    guard name.count == 1 else { return }
                    switch b[name.lowerBound] {
                    case 0x72: ref = CellReference(bytes: UnsafeBufferPointer(rebasing: b[value]))          // r
                    case 0x73: style = Self.digits(UnsafeBufferPointer(rebasing: b[value])) ?? 0              // s
                    case 0x74: type = Self.cellType(UnsafeBufferPointer(rebasing: b[value]))                  // t
                    default: break
                    }
                }
                column = ref?.column ?? nextColumn
                nextColumn = column + 1
                value.removeAll(keepingCapacity: true)
                if selfClosing { endCell() }
            } else if xml.is(name, "v") {
                collecting = !selfClosing && type != .inline
            } else if xml.is(name, "t") {
                collecting = !selfClosing && type == .inline && phoneticDepth == 0
            } else if xml.is(name, "rPh") {
                if !selfClosing { phoneticDepth += 1 }
            } else if xml.is(name, "row") {
                rowNumber = xml.attributeInt("r", in: attrs) ?? rowNumber + 1
                nextColumn = 0
                cells.removeAll(keepingCapacity: true)
                rowBytes.removeAll(keepingCapacity: true)
                if selfClosing { endRow(&batch) }
            }
        case .end(let name):
            if xml.is(name, "v") || xml.is(name, "t") { collecting = false }
            else if xml.is(name, "rPh") { phoneticDepth = max(0, phoneticDepth - 1) }
            else if xml.is(name, "c") { try finishCell() }
            else if xml.is(name, "row") { endRow(&batch) }
            else if xml.is(name, "sheetData") { finished = true }
        case .text(let r):
            if collecting { xml.buffer.withUnsafeBufferPointer { XMLText.unescape(UnsafeBufferPointer(rebasing: $0[r]), into: &value) } }
        case .cdata(let r):
            if collecting { xml.buffer.withUnsafeBufferPointer { value.append(contentsOf: UnsafeBufferPointer(rebasing: $0[r])) } }
        }
    }

    private static func cellType(_ t: UnsafeBufferPointer<UInt8>) -> CellType {
        switch t.count {
        case 1:
            switch t[0] {
            case 0x73: return .shared        // s
            case 0x62: return .boolean       // b
            case 0x65: return .error         // e
            case 0x64: return .isoDate       // d
            default: return .number
            }
        case 3 where Array(t) == Array("str".utf8): return .formulaText
        case 9 where Array(t) == Array("inlineStr".utf8): return .inline
        default: return .number
        }
    }

    private mutating func endCell() {
        value.removeAll(keepingCapacity: true)
    }

    /// The text of the cell just read, appended to the row.
    private mutating func finishCell() throws {
        defer { collecting = false; phoneticDepth = 0 }
        guard !value.isEmpty else { return }
        var kind = CellKind.text
        let start = rowBytes.count
        switch type {
        case .shared:
            guard let i = Self.digits(value), strings.withBytes(i, { rowBytes.append(contentsOf: $0) }) != nil else {
                throw ImportFailure(Diagnostic(id: "import.xlsx", location: cellLocation(),
                    message: "лист книги повреждён: клетка ссылается на строку «\(String(decoding: value, as: UTF8.self))» общей таблицы строк, а в ней \(strings.count) строк"))
            }
        case .inline:
            XMLText.unescapeOOXML(&value)
            rowBytes.append(contentsOf: value)
        case .formulaText, .error:
            rowBytes.append(contentsOf: value)
        case .boolean:
            rowBytes.append(contentsOf: Array((value == [0x31] ? "ИСТИНА" : value == [0x30] ? "ЛОЖЬ" : String(decoding: value, as: UTF8.self)).utf8))
        case .isoDate:
            // An ISO date cell (`t="d"`) in the reader's form, as a date cell in a date format.
            let iso = String(decoding: value, as: UTF8.self)
            if let t = DateParsing.timestamp(iso), t.offsetSeconds == nil {
                let text = t.local.time.seconds == 0 && !iso.contains("T") ? t.local.date.description : t.local.description
                rowBytes.append(contentsOf: Array(text.utf8))
                kind = .dateTime
            } else {
                rowBytes.append(contentsOf: value)
            }
        case .number:
            let format = style < formats.count ? formats[style] : .general
            kind = .number
            if format == .general, Self.digits(value) != nil {
                rowBytes.append(contentsOf: value)   // the usual integer: as written
                break
            }
            // A column repeats its dates row after row: the last text of each column is kept.
            if column < numberMemo.count, let m = numberMemo[column], m.style == style, m.raw == value {
                rowBytes.append(contentsOf: m.text)
                kind = m.kind
                break
            }
            let (text, isDate) = number(format)
            let bytes = Array(text.utf8)
            rowBytes.append(contentsOf: bytes)
            if isDate { kind = .dateTime }
            if column < 1 << 14 {
                while numberMemo.count <= column { numberMemo.append(nil) }
                numberMemo[column] = (style, value, bytes, kind)
            }
        }
        cells.append((column, start..<rowBytes.count, kind))
    }

    /// ASCII digits (at most 15) as a number.
    static func digits(_ b: [UInt8]) -> Int? { b.withUnsafeBufferPointer { digits($0) } }

    static func digits(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty, b.count <= 15 else { return nil }
        var v = 0
        for c in b { guard c >= 0x30, c <= 0x39 else { return nil }; v = v * 10 + Int(c - 0x30) }
        return v
    }

    private func cellLocation() -> SourceLocation {
        SourceLocation(file: file, line: rowNumber, column: 1, columnLabel: CellReference.letters(column))
    }

    /// A number's text in `format`, and whether it is a date or time.
    private func number(_ format: CellFormat) -> (String, Bool) {
        var start = 0, end = value.count
        while start < end, value[start] == 0x20 { start += 1 }
        while end > start, value[end - 1] == 0x20 { end -= 1 }
        let raw = String(decoding: value[start..<end], as: UTF8.self)
        if format.isDateOrTime, let v = Double(raw), let text = ExcelSerial.text(v, format: format, date1904: date1904) {
            switch format {
            case .date, .time, .dateTime: return (text, true)
            default: return (text, false)
            }
        }
        if raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 || $0 == 0x2D }) {
            if case .zeroPadded(let width) = format, raw.count < width, !raw.hasPrefix("-") {
                return (String(repeating: "0", count: width - raw.count) + raw, false)
            }
            return (raw, false)
        }
        guard let v = Double(raw), v.isFinite else { return (raw, false) }
        if v == v.rounded(), abs(v) < 1e15 { return (String(Int64(v)), false) }
        var text = String(format: "%.15g", v)
        if text.contains("e") { return (text, false) }
        if text.contains(".") { while text.hasSuffix("0") { text.removeLast() }; if text.hasSuffix(".") { text.removeLast() } }
        return (text, false)
    }

    /// Appends the row (with the values of areas merged down into it) to `batch`, unless it
    /// has no text.
    private mutating func endRow(_ batch: inout RowBatch) {
        if !merges.isEmpty {
            let (rowCells, bytes) = (cells, rowBytes)
            let added = merges.fill(row: rowNumber) { col in
                guard let c = rowCells.last(where: { $0.column == col }) else { return nil }
                return (Array(bytes[c.range]), c.kind)
            }
            for a in added {
                let start = rowBytes.count
                rowBytes.append(contentsOf: a.bytes)
                cells.removeAll { $0.column == a.column }
                cells.append((a.column, start..<rowBytes.count, a.kind))
            }
        }
        let hasText = rowBytes.withUnsafeBufferPointer { b in
            cells.contains { c in
                for i in c.range where b[i] != 0x20 && b[i] != 0x09 && b[i] != 0x0A && b[i] != 0x0D { return true }
                return false
            }
        }
        guard hasText else { return }
        if !zip(cells, cells.dropFirst()).allSatisfy({ $0.column < $1.column }) {
            // Out of order or repeated references: the last cell of a column counts.
            var byColumn: [Int: (column: Int, range: Range<Int>, kind: CellKind)] = [:]
            for c in cells { byColumn[c.column] = c }
            cells = byColumn.values.sorted { $0.column < $1.column }
        }
        var col = 0
        for c in cells {
            while col < c.column { batch.fieldEnds.append(batch.bytes.count); batch.kinds.append(.text); col += 1 }
            batch.bytes.append(contentsOf: rowBytes[c.range])
            batch.fieldEnds.append(batch.bytes.count)
            batch.kinds.append(c.kind)
            col += 1
        }
        batch.rowEnds.append(batch.fieldEnds.count)
        batch.rowLines.append(rowNumber)
    }
}
