import JournalModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One parsed CSV row: its physical line and fields, read from the current chunk's buffer.
/// Valid only inside the row handler that receives it.
public struct CSVRow {
    public let line: Int
    let batch: UnsafePointer<RowBatch>
    /// The batch's bytes, taken once for all of its rows (`RowBatch.withRows`): reaching them
    /// through the batch's array retained and released its storage for every field read.
    let all: UnsafeBufferPointer<UInt8>
    /// The batch's field ends, taken once in the same way (each field read had loaded the
    /// array's storage and count through the batch, then checked the index).
    let ends: UnsafeBufferPointer<Int>
    let firstField: Int
    let endField: Int
    let file: String
    let delimiter: UInt8
    /// A row of a workbook sheet: locations name the column by its letter (`книга.xlsx[Лист]:12:D`).
    var lettered = false

    public var count: Int { endField - firstField }

    /// What field `i` held in a workbook (text for a CSV field; see `RowBatch.kinds`).
    func kind(_ i: Int) -> CellKind {
        let f = firstField + i
        return i < count && f < batch.pointee.kinds.count ? batch.pointee.kinds[f] : .text
    }

    /// Field `i` is a workbook cell typed as a date or time.
    func isTyped(_ i: Int) -> Bool { kind(i) == .dateTime }

    /// Why field `i`, which should hold a mark, holds what a spreadsheet made of one: a date
    /// («5/4» read as the 5th of April) or a negative number («4-» read as -4); nil otherwise.
    func spreadsheetConversion(_ i: Int, column: String) -> String? {
        switch kind(i) {
        case .dateTime:
            return "в столбце «\(column)» дата «\((try? trimmedText(i)) ?? "")», а не отметка: табличный редактор, вероятно, "
                + "превратил отметку (например, «5/4») в дату — задайте столбцу текстовый формат и введите отметку заново"
        case .number:
            let text = (try? trimmedText(i)) ?? ""
            guard text.hasPrefix("-") else { return nil }
            return "в столбце «\(column)» отрицательное число «\(text)», а не отметка: табличный редактор, вероятно, "
                + "превратил отметку «\(text.dropFirst())-» в число — задайте столбцу текстовый формат и введите отметку заново"
        case .text:
            return nil
        }
    }

    func range(_ i: Int) -> Range<Int> {
        let f = firstField + i
        let start = f == 0 ? 0 : ends[f - 1]
        return start..<ends[f]
    }

    /// Why field `i` is too long to import (more than `limit` characters), or nil.
    func tooLong(_ i: Int, limit: Int) -> String? {
        let r = range(i)
        // Characters: bytes that do not continue a UTF-8 sequence.
        let chars = all[r].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        guard chars > limit else { return nil }
        return "значение длиннее \(NumberText.grouped(limit)) знаков (в нём \(NumberText.grouped(chars))): столько не вмещает и клетка Excel — "
            + "сократите запись или проверьте, не поглотило ли значение соседние строки (незакрытая кавычка)"
    }

    /// Byte length of field `i` (0 when the row is shorter).
    public func byteCount(_ i: Int) -> Int { i < count ? range(i).count : 0 }

    /// Field `i` as text ("" when the row is shorter). Throws on bytes that are not UTF-8.
    public func text(_ i: Int) throws(ImportFailure) -> String {
        guard i < count else { return "" }
        let r = range(i)
        if r.isEmpty { return "" }
        guard let s = UTF8Text.string(UnsafeBufferPointer(rebasing: all[r])) else { throw encodingFailure(column: i) }
        return s
    }

    /// The byte range of field `i` without surrounding spaces, tabs, non-breaking spaces and
    /// line breaks (empty when the row is shorter).
    func trimmedRange(_ i: Int) -> Range<Int> {
        guard i < count else { return 0..<0 }
        let r = range(i)
        let bytes = all
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi {
            let b = bytes[lo]
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { lo += 1 }
            else if b == 0xC2, lo + 1 < hi, bytes[lo + 1] == 0xA0 { lo += 2 }
            else { break }
        }
        while lo < hi {
            let b = bytes[hi - 1]
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { hi -= 1 }
            else if b == 0xA0, hi - lo >= 2, bytes[hi - 2] == 0xC2 { hi -= 2 }
            else { break }
        }
        return lo..<hi
    }

    /// The trimmed bytes of field `i` (see `trimmedRange`), valid only inside `body`.
    func withTrimmedBytes<R, E: Error>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(rebasing: all[trimmedRange(i)]))
    }

    /// Field `i` without surrounding spaces, tabs, non-breaking spaces and line breaks,
    /// trimmed on bytes before a String is made ("" when the row is shorter).
    public func trimmedText(_ i: Int) throws(ImportFailure) -> String {
        let r = trimmedRange(i)
        if r.isEmpty { return "" }
        guard let s = UTF8Text.string(UnsafeBufferPointer(rebasing: all[r])) else { throw encodingFailure(column: i) }
        return s
    }

    /// The failure for a field whose bytes are not UTF-8: at the bad byte's own column, naming it.
    func encodingFailure(column i: Int) -> ImportFailure {
        var loc = location(column: i)
        var byte: UInt8?
        let r = range(i)
        let field = Array(all[r])
        var k = 0
        while k < field.count {
            let len = UTF8Text.sequenceLength(field, at: k)
            if len == 0 { byte = field[k]; break }
            k += len
        }
        if byte != nil, loc.columnLabel == nil {
            loc.column += String(decoding: field[..<k], as: UTF8.self).count
        }
        let what = byte.map { "байт 0x" + String($0, radix: 16, uppercase: true) } ?? "последовательность байтов"
        return ImportFailure(Diagnostic(id: "import.encoding", location: loc,
            message: "\(what) не относится к кодировке UTF-8: файл не в UTF-8 целиком (повреждён или склеен из файлов в разных кодировках)",
            sourceLine: sourceLine,
            hint: "сохраните файл заново в UTF-8 или в Windows-1251 целиком"))
    }

    /// All fields as text.
    public func texts() throws(ImportFailure) -> [String] {
        var out: [String] = []
        out.reserveCapacity(count)
        for i in 0..<count { out.append(try text(i)) }
        return out
    }

    /// True when every field is empty or spaces.
    public var isBlank: Bool {
        for i in 0..<count {
            for b in all[range(i)] where b != 0x20 && b != 0x09 { return false }
        }
        return true
    }

    /// The row as a line of text (fields joined by the delimiter), for diagnostics.
    public var sourceLine: String {
        var parts: [String] = []
        for i in 0..<count {
            let r = range(i)
            parts.append(String(decoding: all[r].prefix(200), as: UTF8.self))
        }
        return parts.joined(separator: String(UnicodeScalar(delimiter)))
    }

    /// 1-based character column where field `i` starts in `sourceLine`.
    public func column(_ field: Int) -> Int {
        var col = 1
        for i in 0..<min(field, count) {
            let r = range(i)
            col += String(decoding: all[r].prefix(200), as: UTF8.self).count + 1
        }
        return col
    }

    public func location(column field: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column(field), columnLabel: lettered ? CellReference.letters(field) : nil)
    }
}

/// UTF-8 bytes → String, nil when they are not valid UTF-8. Validates with a plain byte loop
/// (ASCII words skipped eight bytes at a time), then builds the String without a second
/// generic validation pass — `String(validating:)` cost more than the rest of a field.
enum UTF8Text {
    /// For a lead byte of a multi-byte sequence: its length and the range its second byte must
    /// fall in (Unicode Table 3-7: no overlongs, no surrogates, nothing past U+10FFFF); nil for a
    /// byte that cannot lead one.
    @inline(__always)
    static func lead(_ c: UInt8) -> (length: Int, lo: UInt8, hi: UInt8)? {
        switch c {
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE, 0xEF: (3, 0x80, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        default: nil
        }
    }

    /// Length of the well-formed UTF-8 sequence at `i` (1 for ASCII), 0 when none starts there.
    static func sequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return 1 }
        guard let l = lead(c), i + l.length <= b.count, (l.lo...l.hi).contains(b[i + 1]) else { return 0 }
        for k in 2..<max(2, l.length) where b[i + k] & 0xC0 != 0x80 { return 0 }
        return l.length
    }

    /// The text of `b`; nil when `b` is not UTF-8. `String(decoding:)` checks the bytes itself and
    /// replaces what is not UTF-8 with U+FFFD, which is UTF-8 and so never replaces itself: the
    /// text's bytes are `b`'s exactly when nothing was replaced (a third cheaper than checking
    /// first, for the texts of every lesson).
    static func string(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var s = String(decoding: b, as: UTF8.self)
        let same = s.withUTF8 { u in u.count == b.count && (u.isEmpty || memcmp(u.baseAddress!, b.baseAddress!, u.count) == 0) }
        return same ? s : nil
    }

    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard let base = b.baseAddress else { return true }
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let c = base[i]
            if c < 0x80 { i += 1; continue }
            guard let l = lead(c), i + l.length <= n, (l.lo...l.hi).contains(base[i + 1]) else { return false }
            for k in 2..<max(2, l.length) where base[i + k] & 0xC0 != 0x80 { return false }
            i += l.length
        }
        return true
    }
}

/// A problem that stops the import of a file (and of the whole batch): exit code 2.
public struct ImportFailure: Error, Sendable {
    public var diagnostic: Diagnostic
    public init(_ d: Diagnostic) { diagnostic = d }
}
