/// A set of row ids, as bits: the ids an import adds and looks up for every lesson row are
/// 1, 2, … in the order it adds them (`Set<Int64>` hashed each one: a tenth of the import
/// writer's time on a college's lessons table went to hashing, inserting and growing such sets).
/// An id outside `0..<Self.bitLimit` (a rowid of a large old journal) is kept in a `Set`.
struct IDSet {
    private var words: [UInt64] = []
    private var others = Set<Int64>()
    /// Ids below this are bits (at most 8 MB of them).
    static let bitLimit: Int64 = 1 << 26

    /// Adds `id`; whether it was not there.
    @discardableResult
    mutating func insert(_ id: Int64) -> Bool {
        guard id >= 0, id < Self.bitLimit else { return others.insert(id).inserted }
        let w = Int(id >> 6), bit = UInt64(1) << UInt64(id & 63)
        if w >= words.count { words.append(contentsOf: repeatElement(0, count: max(w + 1 - words.count, words.count))) }
        if words[w] & bit != 0 { return false }
        words[w] |= bit
        return true
    }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0, id < Self.bitLimit else { return others.contains(id) }
        let w = Int(id >> 6)
        return w < words.count && words[w] & (UInt64(1) << UInt64(id & 63)) != 0
    }

    mutating func removeAll() {
        words.removeAll()
        others.removeAll()
    }
}
