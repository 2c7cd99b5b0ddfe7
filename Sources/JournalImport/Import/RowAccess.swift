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

    /// Maps `headers` onto `table` through `profile`'s column map; returns the required columns
    /// that are neither in the header nor fixed.
    static func make(table: CanonicalTable, headers: [String], profile: Profile,
                     fixedValues: [String: String]) -> (TableMapping, missing: [String]) {
        let cols = table.columns
        var m = TableMapping(table: table, fieldIndex: Array(repeating: nil, count: cols.count),
                             fixed: Array(repeating: nil, count: cols.count))
        for (i, h) in headers.enumerated() {
            let name = profile.columnMap[CanonicalTable.normalize(h)] ?? h
            if let c = table.columnIndex(name), m.fieldIndex[c] == nil { m.fieldIndex[c] = i }
        }
        for (k, v) in fixedValues {
            if let c = table.columnIndex(k), m.fieldIndex[c] == nil { m.fixed[c] = v }
        }
        let missing = cols.indices.filter { cols[$0].required && m.fieldIndex[$0] == nil && m.fixed[$0] == nil }
            .map { cols[$0].name }
        return (m, missing)
    }

    /// Number of header cells that name a column of `table`.
    static func score(table: CanonicalTable, headers: [String], profile: Profile) -> Int {
        var seen = Set<Int>()
        for h in headers {
            if let c = table.columnIndex(profile.columnMap[CanonicalTable.normalize(h)] ?? h) { seen.insert(c) }
        }
        return seen.count
    }
}

/// Why a row is rejected: the canonical column at fault (nil: the row as a whole) and a Russian reason.
struct RowRejection: Error {
    var column: Int?
    var reason: String
}

/// Reads canonical columns of one row: trimmed text (nil when empty), dates, numbers.
struct RowAccess {
    let row: CSVRow
    let mapping: TableMapping
    let profile: Profile
    let options: ImportOptions
    let cache: ParseCache

    /// The field index of canonical column `c`, for locations.
    func fieldIndex(_ c: Int) -> Int? { mapping.fieldIndex[c] }

    func text(_ c: Int) throws -> String? {
        if let i = mapping.fieldIndex[c] {
            let n = row.byteCount(i)
            if n > options.maxFieldBytes {
                throw RowRejection(column: c, reason: "значение слишком длинное: \(n) байт (допускается не более \(options.maxFieldBytes))")
            }
            let s = try cache.text(row, i)
            if !s.isEmpty { return s }
            return mapping.fixed[c]
        }
        return mapping.fixed[c]
    }

    func required(_ c: Int) throws -> String {
        guard let s = try text(c) else {
            throw RowRejection(column: c, reason: "не заполнен обязательный столбец «\(mapping.table.columns[c].name)»")
        }
        return s
    }

    func group(_ c: Int) throws -> String { cache.group(try required(c)) }

    /// The cell value of column `c` (parsed once per distinct text).
    func cellValue(_ c: Int) throws -> CellValue { cache.cellValue(try required(c)) }

    func date(_ c: Int) throws -> LocalDate? {
        guard let s = try text(c) else { return nil }
        let pattern = profile.datePattern
        if let d = cache.date(s, parse: { text in pattern.map { $0.timestamp(text)?.date } ?? DateParsing.date(text) }) { return d }
        throw RowRejection(column: c, reason: DateText.problem(s, expected: profile.datePattern?.text))
    }

    func requiredDate(_ c: Int) throws -> LocalDate {
        guard let d = try date(c) else {
            throw RowRejection(column: c, reason: "не заполнен обязательный столбец «\(mapping.table.columns[c].name)»")
        }
        return d
    }

    func timestamp(_ c: Int) throws -> LocalDateTime? {
        guard let s = try text(c) else { return nil }
        let pattern = profile.timestampPattern, zone = options.timeZone
        if let t = cache.timestamp(s, parse: { text in
            if let p = pattern { return p.timestamp(text) }
            return DateParsing.timestamp(text).map { zone.local($0) }
        }) { return t }
        throw RowRejection(column: c, reason: DateText.problem(s, expected: profile.timestampPattern?.text))
    }

    func time(_ c: Int) throws -> TimeOfDay? {
        guard let s = try text(c) else { return nil }
        if let t = DateParsing.time(s) { return t }
        throw RowRejection(column: c, reason: "«\(s)» — не время (ожидается ЧЧ:ММ)")
    }

    func int(_ c: Int) throws -> Int? {
        guard let s = try text(c) else { return nil }
        guard let n = Int(s), n >= 0 else { throw RowRejection(column: c, reason: "«\(s)» — не целое число") }
        return n
    }

    func number(_ c: Int) throws -> Double? {
        guard let s = try text(c) else { return nil }
        guard let n = Double(s.replacingOccurrences(of: ",", with: ".")), n >= 0 else {
            throw RowRejection(column: c, reason: "«\(s)» — не число")
        }
        return n
    }
}

/// Parsed values of one file, by their text: journal columns repeat the same few dates, group
/// names and cell values millions of times.
final class ParseCache {
    private var dates: [ByteKey: LocalDate] = [:]
    private var timestamps: [ByteKey: LocalDateTime] = [:]
    private var values: [ByteKey: CellValue] = [:]
    private var groups: [ByteKey: String] = [:]
    static let limit = 100_000
    private var lastBytes: [[UInt8]] = []
    private var lastText: [String] = []

    /// Field `i` of `row`, trimmed; the previous row's String when the bytes are the same
    /// (exports repeat group, subject, date, teacher on row after row).
    func text(_ row: CSVRow, _ i: Int) throws(ImportFailure) -> String {
        while lastBytes.count <= i { lastBytes.append([]); lastText.append("") }
        let same = row.withTrimmedBytes(i) { buf in
            buf.count == lastBytes[i].count && lastBytes[i].withUnsafeBufferPointer { old in
                buf.count == 0 || memcmp(old.baseAddress!, buf.baseAddress!, buf.count) == 0
            }
        }
        if same, !lastBytes[i].isEmpty { return lastText[i] }
        let s = try row.trimmedText(i)
        row.withTrimmedBytes(i) { buf in
            lastBytes[i].removeAll(keepingCapacity: true)
            lastBytes[i].append(contentsOf: buf)
        }
        lastText[i] = s
        return s
    }

    func date(_ s: String, parse: (String) -> LocalDate?) -> LocalDate? {
        let k = ByteKey(s)
        if let d = dates[k] { return d }
        let d = parse(s)
        if let d, dates.count < Self.limit { dates[k] = d }
        return d
    }

    func timestamp(_ s: String, parse: (String) -> LocalDateTime?) -> LocalDateTime? {
        let k = ByteKey(s)
        if let t = timestamps[k] { return t }
        let t = parse(s)
        if let t, timestamps.count < Self.limit { timestamps[k] = t }
        return t
    }

    func cellValue(_ s: String) -> CellValue {
        let k = ByteKey(s)
        if let v = values[k] { return v }
        let v = CellValue(parsing: s)
        if values.count < 10_000 { values[k] = v }
        return v
    }

    func group(_ s: String) -> String {
        let k = ByteKey(s)
        if let g = groups[k] { return g }
        let g = GroupName.normalize(s)
        if groups.count < 10_000 { groups[k] = g }
        return g
    }
}

/// Explains why a text is not a date.
enum DateText {
    static func problem(_ s: String, expected: String?) -> String {
        if let e = expected, DateParsing.timestamp(s) != nil { return "«\(s)» — дата не в формате профиля (\(e))" }
        let parts = s.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "/" || $0 == " " || $0 == "T" || $0 == ":" })
        if parts.count >= 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return "дата «\(s)» невозможна: такого дня или времени нет в календаре"
        }
        return "«\(s)» — не дата (ожидается \(expected ?? "дд.мм.гггг, дд.мм.гг или гггг-мм-дд, можно со временем ЧЧ:ММ"))"
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
