import Foundation
import JournalImport

/// Values the loader reads many times but that take few distinct texts (cell values, period
/// names, lesson topics and homework, work types): looked up by the column's bytes, so a
/// repeated text costs a hash and a `memcmp` instead of a new String (an allocation and a
/// UTF-8 check) and, for cell values, a parse. Repeated texts then also share one String's
/// storage in the journal. Open addressing over one byte arena; bounded: past `limit` texts
/// (or 16 MB of them) it stops adding and makes each further new text's value afresh.
struct TextInterner<Value> {
    private var arena: [UInt8] = []
    /// Per entry: where its bytes are in `arena`, its hash, its value.
    private var entries: [(offset: Int, count: Int, hash: UInt64, value: Value)] = []
    /// Entry index + 1 per slot (0: empty); a power of two long, at most half full.
    private var slots: [Int32]
    let limit: Int
    let make: (String) -> Value

    init(limit: Int = 1 << 16, make: @escaping (String) -> Value) {
        self.limit = limit
        self.make = make
        slots = [Int32](repeating: 0, count: 64)
    }

    /// The value for the text in `column` of the statement's current row.
    mutating func value(_ s: Statement, _ column: Int32) -> Value {
        s.withTextBytes(column) { value(bytes: $0) }
    }

    /// The value for a text held as a String (what a database in memory keeps out of its tables).
    mutating func value(_ text: String) -> Value {
        var text = text
        return text.withUTF8 { value(bytes: $0) }
    }

    mutating func value(bytes buf: UnsafeBufferPointer<UInt8>) -> Value {
        let h = ByteHash.of(buf)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[i])
            if e == 0 { break }
            let entry = entries[e - 1]
            if entry.hash == h, entry.count == buf.count, same(entry.offset, buf) { return entry.value }
            i = (i + 1) & mask
        }
        let v = make(String(decoding: buf, as: UTF8.self))
        guard entries.count < limit, arena.count + buf.count <= 16 << 20 else { return v }
        entries.append((arena.count, buf.count, h, v))
        arena.append(contentsOf: buf)
        slots[i] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
        return v
    }

    private func same(_ offset: Int, _ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let b = buf.baseAddress, buf.count > 0 else { return true }
        return arena.withUnsafeBufferPointer { a in memcmp(a.baseAddress! + offset, b, buf.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (k, e) in entries.enumerated() {
            var i = Int(truncatingIfNeeded: e.hash) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(k + 1)
        }
    }
}
