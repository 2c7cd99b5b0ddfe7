internal import CSQLite

/// Values the loader reads millions of times but that take few distinct texts (cell values,
/// period names): looked up by the column's bytes, so a repeated text costs a hash and a
/// compare instead of a new String and a parse. Bounded: past `limit` texts it stops adding.
struct TextInterner<Value> {
    private var slots: [Int: [(bytes: [UInt8], value: Value)]] = [:]
    private var count = 0
    let limit: Int
    let make: (String) -> Value

    init(limit: Int = 4096, make: @escaping (String) -> Value) {
        self.limit = limit
        self.make = make
    }

    /// The value for the text in `column` of the statement's current row.
    mutating func value(_ s: Statement, _ column: Int32) -> Value {
        s.withTextBytes(column) { buf in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325   // FNV-1a
            for b in buf { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            let key = Int(truncatingIfNeeded: h)
            if let bucket = slots[key] {
                for e in bucket where e.bytes.elementsEqual(buf) { return e.value }
            }
            let v = make(String(decoding: buf, as: UTF8.self))
            if count < limit {
                slots[key, default: []].append((Array(buf), v))
                count += 1
            }
            return v
        }
    }
}
