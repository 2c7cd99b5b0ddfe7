#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Merged cell ranges of a sheet, and how the import reads them: a range merged down several
/// rows repeats its value in every row of its first column (a header cell spanning two header
/// rows, a date written once for a block of lessons); across columns the value stays in the
/// first column only (a month over its days, a title over several columns).
///
/// A sheet lists its merges after its rows, so `scan` reads the part once before the rows are.
struct MergedCells {
    struct Area: Equatable {
        var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
    }

    /// Areas spanning more than one row, by first row.
    private(set) var downward: [Area] = []
    private var next = 0
    /// Areas being filled: the area and its value (bytes and what the cell held).
    private var active: [(area: Area, value: [UInt8], kind: CellKind)] = []

    init(_ areas: [Area] = []) {
        downward = areas.filter { $0.lastRow > $0.firstRow }.sorted { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }
    }

    var isEmpty: Bool { downward.isEmpty }

    /// `A1:C2` as an area (0-based columns, 1-based rows); nil when not a range.
    static func area(_ ref: String) -> Area? {
        let parts = ref.split(separator: ":")
        guard parts.count == 2, let a = CellReference(parts[0]), let b = CellReference(parts[1]) else { return nil }
        return Area(firstRow: min(a.row, b.row), firstColumn: min(a.column, b.column),
                    lastRow: max(a.row, b.row), lastColumn: max(a.column, b.column))
    }

    /// Fills row `row`'s cells from the areas above it. `cells` are (column, value) pairs of
    /// the row; returns the cells to add.
    mutating func fill(row: Int, cell: (Int) -> (bytes: [UInt8], kind: CellKind)?) -> [(column: Int, bytes: [UInt8], kind: CellKind)] {
        guard !downward.isEmpty else { return [] }
        while next < downward.count, downward[next].firstRow <= row {
            let a = downward[next]
            next += 1
            // The top row may have no cells at all (then the area has no value to repeat).
            let v = a.firstRow == row ? cell(a.firstColumn) : nil
            active.append((a, v?.bytes ?? [], v?.kind ?? .text))
        }
        var out: [(column: Int, bytes: [UInt8], kind: CellKind)] = []
        for e in active where e.area.firstRow < row && row <= e.area.lastRow && !e.value.isEmpty {
            if cell(e.area.firstColumn)?.bytes.isEmpty ?? true { out.append((e.area.firstColumn, e.value, e.kind)) }
        }
        active.removeAll { $0.area.lastRow <= row }
        return out
    }

    /// Collects the `<mergeCell ref="…"/>` areas of a sheet part as it inflates (a byte search,
    /// not a parse: the rest of the part is not looked at).
    struct Scanner {
        private var pending: [UInt8] = []
        private(set) var areas: [Area] = []
        private static let marker = Array("mergeCell".utf8)

        /// The next «mergeCell» at or after `from` (memchr for its first letter, then the rest).
        static func find(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
            guard let base = b.baseAddress else { return nil }
            var i = from
            let m = marker.count
            while i + m <= b.count {
                guard let p = memchr(base + i, 0x6D, b.count - i - m + 1) else { return nil }
                let at = UnsafePointer(p.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + at, marker, m) == 0 { return at }
                i = at + 1
            }
            return nil
        }

        mutating func feed(_ chunk: UnsafeRawBufferPointer) {
            pending.append(contentsOf: chunk.bindMemory(to: UInt8.self))
            var keep = max(0, pending.count - Self.marker.count)
            var found: [Area] = []
            pending.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress else { return }
                let n = b.count, m = Self.marker.count
                var i = 0
                while i + m < n {
                    guard let at = Self.find(b, from: i) else { break }
                    guard at + m < n else { keep = min(keep, max(0, at - 1)); break }
                    let before = at > 0 ? b[at - 1] : 0, after = b[at + m]
                    guard before == 0x3C || before == 0x3A, after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D || after == 0x2F else {
                        i = at + m
                        continue
                    }
                    guard let close = memchr(base + at, 0x3E, n - at) else { keep = min(keep, max(0, at - 1)); break }
                    let end = UnsafePointer(close.assumingMemoryBound(to: UInt8.self)) - base
                    let tag = String(decoding: UnsafeBufferPointer(rebasing: b[at..<end]), as: UTF8.self)
                    if let r = tag.range(of: "ref=\"") ?? tag.range(of: "ref='"),
                       let q = tag[r.upperBound...].firstIndex(where: { $0 == "\"" || $0 == "'" }),
                       let a = MergedCells.area(String(tag[r.upperBound..<q])) {
                        found.append(a)
                    }
                    i = end + 1
                    keep = max(keep, min(i, n))
                }
            }
            areas += found
            pending.removeFirst(min(keep, pending.count))
        }
    }
}

/// A cell reference `B12`: 0-based column, 1-based row.
struct CellReference: Equatable {
    var column: Int
    var row: Int

    init?<S: StringProtocol>(_ s: S) {
        var text = String(s)
        guard let r = text.withUTF8({ CellReference(bytes: $0) }) else { return nil }
        self = r
    }

    init?(bytes: UnsafeBufferPointer<UInt8>) {
        var col = 0, row = 0, letters = 0, digits = 0
        for u in bytes {
            switch u {
            case 0x24: continue   // `$A$1`
            case 0x41...0x5A where digits == 0: col = col * 26 + Int(u - 0x40); letters += 1
            case 0x61...0x7A where digits == 0: col = col * 26 + Int(u - 0x60); letters += 1
            case 0x30...0x39: row = row * 10 + Int(u - 0x30); digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        column = col - 1
        self.row = row
    }

    /// The letters of 0-based column `index` (0 → «A», 27 → «AB»).
    static func letters(_ index: Int) -> String {
        var n = index + 1
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }
}
