import JournalModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsed values of one file. Journal columns repeat the same few dates, group names, subjects
/// and teachers row after row, so each canonical column remembers the previous row's bytes and
/// what they parsed to (`Memo`); other texts are parsed once per distinct text.
final class ParseCache {
    private var dates: [ByteKey: LocalDate] = [:]
    private var timestamps: [ByteKey: LocalDateTime] = [:]
    private var values: [ByteKey: CellValue] = [:]
    private var groups: [ByteKey: String] = [:]
    static let limit = 100_000
    /// Where cell records' texts are interned (the sink's, set when the file's header is found).
    var names = NameSymbols()
    /// Per canonical column: the previous row's trimmed bytes and their value (`memoCount` of
    /// them). Raw memory: read for every field of every row, where an array of arrays cost a
    /// retain and a release of the column's bytes and an exclusivity check per look-up.
    @exclusivity(unchecked) private var memos: UnsafeMutablePointer<Memo>
    @exclusivity(unchecked) private var memoCount = 0

    /// `DateParsing.timestamp(bytes:)`, the date taken from the column's previous timestamp
    /// when the bytes begin with the same date.
    func timestamp(_ c: Int, _ b: UnsafeBufferPointer<UInt8>) -> DateParsing.Timestamp? {
        DateParsing.timestamp(bytes: b, datePrefix: &memo(c).pointee.datePrefix)
    }

    /// Raw group name → normalised group name (`GroupName.normalize`), by `Name.index`.
    private var normalizedGroups: [Int32] = []
    private var fixedNames: [Int: Name] = [:]

    enum Parsed {
        case none
        case text(String)
        case name(Name)
        case date(LocalDate)
        case timestamp(LocalDateTime)
        case int(Int)
    }

    /// A column's previous bytes (`count` of `capacity`, owned) and what they parsed to; for a
    /// column of timestamps, the date its previous one began with.
    struct Memo {
        var bytes: UnsafeMutablePointer<UInt8>?
        var count = 0
        var capacity = 0
        var value = Parsed.none
        var datePrefix = DateParsing.DatePrefix()
    }

    init() {
        memos = .allocate(capacity: 0)
    }

    deinit {
        for c in 0..<memoCount { memos[c].bytes?.deallocate() }
        memos.deinitialize(count: memoCount)
        memos.deallocate()
    }

    /// The previous row's value of column `c` when its bytes were `b`.
    func remembered(_ c: Int, _ b: UnsafeBufferPointer<UInt8>) -> Parsed {
        guard c < memoCount else { return .none }
        let m = memos + c
        guard m.pointee.count == b.count, b.count > 0, SameBytes.equal(m.pointee.bytes!, b.baseAddress!, count: b.count) else { return .none }
        return m.pointee.value
    }

    /// Column `c`'s memo (made, with those before it, on first use).
    private func memo(_ c: Int) -> UnsafeMutablePointer<Memo> {
        if c >= memoCount {
            let grown = UnsafeMutablePointer<Memo>.allocate(capacity: c + 1)
            grown.moveInitialize(from: memos, count: memoCount)
            (grown + memoCount).initialize(repeating: Memo(), count: c + 1 - memoCount)
            memos.deallocate()
            memos = grown
            memoCount = c + 1
        }
        return memos + c
    }

    func remember(_ c: Int, _ b: UnsafeBufferPointer<UInt8>, _ value: Parsed) {
        let m = memo(c)
        if m.pointee.capacity < b.count {
            m.pointee.bytes?.deallocate()
            let capacity = max(b.count, 2 * m.pointee.capacity, 32)
            m.pointee.bytes = .allocate(capacity: capacity)
            m.pointee.capacity = capacity
        }
        if let base = b.baseAddress, b.count > 0 { m.pointee.bytes!.update(from: base, count: b.count) }
        m.pointee.count = b.count
        m.pointee.value = value
    }

    /// Field `i` of `row`, trimmed; the previous row's String when the bytes are the same.
    /// (Not interned: topics and homework are long and mostly distinct.)
    func text(_ row: CSVRow, _ i: Int, column c: Int) throws(ImportFailure) -> String {
        try row.withTrimmedBytes(i) { (b) throws(ImportFailure) -> String in
            if b.isEmpty { return "" }
            if case .text(let s) = remembered(c, b) { return s }
            guard let s = UTF8Text.string(b) else { throw row.encodingFailure(column: i) }
            remember(c, b, .text(s))
            return s
        }
    }

    /// Field `i` of `row` as a `Name`; nil when it is empty.
    func name(_ row: CSVRow, _ i: Int, column c: Int) throws(ImportFailure) -> Name? {
        try row.withTrimmedBytes(i) { (b) throws(ImportFailure) -> Name? in
            if b.isEmpty { return nil }
            if case .name(let n) = remembered(c, b) { return n }
            guard let n = names.intern(b) else { throw row.encodingFailure(column: i) }
            remember(c, b, .name(n))
            return n
        }
    }

    /// A fixed value (from the header block or the profile) as a `Name`.
    func fixedName(_ c: Int, _ text: String) -> Name {
        if let n = fixedNames[c] { return n }
        let n = names.intern(text)
        fixedNames[c] = n
        return n
    }

    /// A mark written as a decimal read as the mark (`DecimalMark`), by `Name.index` (-1: not
    /// asked yet); and how many rows' marks were read so.
    private var integralMarks: [Int32] = []
    private(set) var decimalMarks = 0

    /// The mark `raw` writes (`DecimalMark`: «5.0» is «5»); counts the rows whose mark changed.
    func mark(_ raw: Name) -> Name {
        let k = Int(raw.index)
        if k >= integralMarks.count || integralMarks[k] < 0 {
            while integralMarks.count <= k { integralMarks.append(-1) }
            integralMarks[k] = DecimalMark.integral(names.text(raw)).map { names.intern($0).index } ?? raw.index
        }
        let m = integralMarks[k]
        if m != raw.index { decimalMarks += 1 }
        return Name(index: m)
    }

    /// A period mark's value, a decimal read as the mark (`DecimalMark`).
    func markValue(_ s: String) -> CellValue {
        guard let i = DecimalMark.integral(s) else { return cellValue(s) }
        decimalMarks += 1
        return cellValue(i)
    }

    /// The normalised group name of `raw` (see `GroupName`).
    func normalizedGroup(_ raw: Name) -> Name {
        let k = Int(raw.index)
        if k < normalizedGroups.count, normalizedGroups[k] >= 0 { return Name(index: normalizedGroups[k]) }
        let n = names.intern(GroupName.normalize(names.text(raw)))
        while normalizedGroups.count <= k { normalizedGroups.append(-1) }
        normalizedGroups[k] = n.index
        return n
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
