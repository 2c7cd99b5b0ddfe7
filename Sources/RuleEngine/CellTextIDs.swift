import JournalModel

/// Numbers the distinct texts of a field of the journal's cells (the text, the work type): two
/// cells get the same number exactly when the field has the same bytes (`JournalIndex.cellTextID`,
/// `cellWorkTypeID`; `ValueMemo` evaluates an expression of the field once per number).
///
/// A college has 700,000 cells and a few dozen distinct texts, most of them short. A look-up by
/// bytes per cell would cost more than the rules it saves, so a cell's String is first looked
/// for by its representation — the String's own 16 bytes: the text itself when it is short,
/// else its buffer's address. Equal representations are equal texts while both Strings are
/// alive, and every String looked up here is held by the journal for as long as the numbering
/// runs (`values(of:)`, `workTypes(of:)`: one pass over it). A representation not yet seen falls back to the
/// bytes, so texts in different buffers with the same bytes share a number.
struct CellTextIDs {
    private struct Seen {
        var rep: (UInt64, UInt64)
        var id: Int32
    }

    private var recent = [Seen?](repeating: nil, count: 256)
    private var byBytes: [TextBytes: Int32] = [:]

    /// How many numbers have been given (they are 0 ..< distinct).
    private(set) var distinct = 0

    /// A number no text gets (for cells without the field).
    mutating func reserve() -> Int32 {
        distinct += 1
        return Int32(distinct - 1)
    }

    /// The number of each cell's text, in the journal's cell order.
    static func values(of cells: [Cell]) -> (ids: [Int32], distinct: Int) {
        var t = CellTextIDs()
        var ids = [Int32](repeating: 0, count: cells.count)
        for ci in cells.indices { ids[ci] = t.id(cells[ci].value.raw) }
        return (ids, t.distinct)
    }

    /// The number of each cell's work type; cells without one share a number of their own.
    static func workTypes(of cells: [Cell]) -> (ids: [Int32], distinct: Int) {
        var none: Int32?
        var t = CellTextIDs()
        var ids = [Int32](repeating: 0, count: cells.count)
        for ci in cells.indices {
            if let w = cells[ci].workType { ids[ci] = t.id(w) } else {
                if none == nil { none = t.reserve() }
                ids[ci] = none!
            }
        }
        return (ids, t.distinct)
    }

    /// The number of `text` (held by the caller while this value is used: see above).
    mutating func id(_ text: String) -> Int32 {
        let rep = withUnsafeBytes(of: text) { ($0.load(as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self)) }
        let slot = Int(truncatingIfNeeded: ((rep.0 ^ rep.1 &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9) >> 56)
        if let s = recent[slot], s.rep == rep { return s.id }
        let key = TextBytes(text)
        let id: Int32
        if let known = byBytes[key] { id = known } else {
            id = reserve()
            byBytes[key] = id
        }
        recent[slot] = Seen(rep: rep, id: id)
        return id
    }
}
