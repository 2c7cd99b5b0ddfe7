import JournalModel
#if canImport(Glibc)
import Glibc
#endif

/// Where a canonical column's value comes from in one file: a field of the row, or a fixed
/// value (from the header block or the profile).
struct TableMapping {
    let table: CanonicalTable
    var fieldIndex: [Int?]
    var fixed: [String?]
}

/// Why a row is rejected: the canonical column at fault (nil: the row as a whole) and a Russian reason.
struct RowRejection: Error {
    var column: Int?
    var reason: String
}

/// Reads canonical columns of one row: trimmed text (nil when empty), dates, numbers.
struct RowAccess {
    let row: CSVRow
    /// The file's table (`RowContext`: one reference, not a copy per row).
    let file: RowContext

    /// The field index of canonical column `c`, for locations.
    func fieldIndex(_ c: Int) -> Int? { file.mapping.fieldIndex[c] }

    func text(_ c: Int) throws -> String? {
        if let i = file.mapping.fieldIndex[c] {
            try checkLength(c, i)
            let s = try file.cache.text(row, i, column: c)
            if !s.isEmpty { return s }
            return file.mapping.fixed[c]
        }
        return file.mapping.fixed[c]
    }

    private func checkLength(_ c: Int, _ i: Int) throws {
        // A character takes at least one byte: most values are decided without counting.
        guard row.byteCount(i) > file.maxFieldCharacters, let why = row.tooLong(i, limit: file.maxFieldCharacters) else { return }
        throw RowRejection(column: c, reason: why)
    }

    private func missing(_ c: Int) -> RowRejection {
        RowRejection(column: c, reason: "не заполнен обязательный столбец «\(file.mapping.table.columns[c].name)»")
    }

    func required(_ c: Int) throws -> String {
        guard let s = try text(c) else { throw missing(c) }
        return s
    }

    /// Column `c` as an interned `Name` (see `CellRecord`); nil when empty and not fixed.
    func name(_ c: Int) throws -> Name? {
        if let i = file.mapping.fieldIndex[c] {
            try checkLength(c, i)
            if let n = try file.cache.name(row, i, column: c) { return n }
        }
        return file.mapping.fixed[c].map { file.cache.fixedName(c, $0) }
    }

    func requiredName(_ c: Int) throws -> Name {
        guard let n = try name(c) else { throw missing(c) }
        return n
    }

    /// A group name, normalised («7б (7б)» is «7б»).
    func groupName(_ c: Int) throws -> Name { file.cache.normalizedGroup(try requiredName(c)) }

    /// The value of column `c` parsed straight from the field's bytes, or the previous row's
    /// value when the bytes are the same. nil asks for the String path: an absent or empty
    /// field (a fixed value may apply), or bytes `parse` does not take (the String path words
    /// the rejection).
    private func parsedInPlace(_ c: Int, _ parse: (UnsafeBufferPointer<UInt8>) -> ParseCache.Parsed?) throws -> ParseCache.Parsed? {
        guard let i = file.mapping.fieldIndex[c] else { return nil }
        try checkLength(c, i)
        return row.withTrimmedBytes(i) { b -> ParseCache.Parsed? in
            if b.isEmpty { return nil }
            let m = file.cache.remembered(c, b)
            if case .none = m {} else { return m }
            guard let v = parse(b) else { return nil }
            file.cache.remember(c, b, v)
            return v
        }
    }

    /// ASCII digits (at most 18) as a number.
    private static func digits(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count <= 18 else { return nil }
        var v = 0
        for c in b {
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    func group(_ c: Int) throws -> String { file.cache.group(try required(c)) }

    /// The cell value of column `c` (parsed once per distinct text).
    func cellValue(_ c: Int) throws -> CellValue { file.cache.cellValue(try required(c)) }

    func date(_ c: Int) throws -> LocalDate? {
        let pattern = datePattern(c)
        if pattern == nil, case .date(let d)? = try parsedInPlace(c, { DateParsing.date(bytes: $0).map { .date($0) } }) {
            return d
        }
        guard let s = try text(c) else { return nil }
        if let d = parsedDate(s, pattern: pattern) { return d }
        throw RowRejection(column: c, reason: DateText.problem(s, expected: pattern?.text))
    }

    func requiredDate(_ c: Int) throws -> LocalDate {
        guard let d = try date(c) else { throw missing(c) }
        return d
    }

    func timestamp(_ c: Int) throws -> LocalDateTime? {
        let pattern = timestampPattern(c), zone = file.timeZone
        if pattern == nil,
           case .timestamp(let t)? = try parsedInPlace(c, { file.cache.timestamp(c, $0).map { .timestamp(zone.local($0)) } }) {
            return t
        }
        guard let s = try text(c) else { return nil }
        if let t = parsedTimestamp(s, pattern: pattern) { return t }
        throw RowRejection(column: c, reason: DateText.problem(s, expected: pattern?.text, timestamp: true))
    }

    func time(_ c: Int) throws -> TimeOfDay? {
        guard let s = try text(c) else { return nil }
        if let t = DateParsing.time(s) { return t }
        throw RowRejection(column: c, reason: "«\(s)» — не время (ожидается ЧЧ:ММ или ЧЧ.ММ)")
    }

    func int(_ c: Int) throws -> Int? {
        if case .int(let n)? = try parsedInPlace(c, { Self.digits($0).map { .int($0) } }) { return n }
        guard let s = try text(c) else { return nil }
        guard let n = Int(s), n >= 0 else { throw RowRejection(column: c, reason: "«\(s)» — не целое число") }
        return n
    }

    func number(_ c: Int) throws -> Double? {
        guard let s = try text(c) else { return nil }
        // A decimal comma as a point (byte for byte: Foundation's replacingOccurrences cost 1 % of
        // a college check, called for every КТП row).
        let point = s.utf8.contains(UInt8(ascii: ",")) ? String(decoding: s.utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self) : s
        guard let n = Double(point), n >= 0 else {
            throw RowRejection(column: c, reason: "«\(s)» — не число")
        }
        return n
    }
}

/// Explains why a text is not a date.
enum DateText {
    static func problem(_ s: String, expected: String?, timestamp: Bool = false) -> String {
        if let e = expected, DateParsing.timestamp(s) != nil {
            return "«\(s)» — дата не в формате профиля (\(e))" + (timestamp ? " и не в формате дд.мм.гггг ЧЧ:ММ или ISO 8601" : "")
        }
        let parts = s.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "/" || $0 == " " || $0 == "T" || $0 == ":" })
        if parts.count >= 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return "дата «\(s)» невозможна: такого дня или времени нет в календаре"
        }
        guard timestamp else { return "«\(s)» — не дата (ожидается \(expected ?? "дд.мм.гггг, дд.мм.гг или гггг-мм-дд"))" }
        let forms = "дд.мм.гггг ЧЧ:ММ[:СС] или ISO 8601 (гггг-мм-ддTЧЧ:ММ:СС, можно с Z или смещением +05:00); можно и дату без времени"
        return "«\(s)» — не дата и время (ожидается \(expected.map { "\($0) либо " + forms } ?? forms))"
    }
}

/// Group names as exports print them: «7б (7б)» is «7б».
public enum GroupName {
    public static func normalize(_ s: String) -> String {
        let t = s.trimmingSpaces()
        guard t.hasSuffix(")"), let open = t.lastIndex(of: "(") else { return t }
        let outer = String(t[..<open]).trimmingSpaces()
        let inner = String(t[t.index(after: open)..<t.index(before: t.endIndex)]).trimmingSpaces()
        return outer.lowercased() == inner.lowercased() && !outer.isEmpty ? outer : t
    }
}
