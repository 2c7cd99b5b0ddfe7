/// A hash of a text's bytes for the tables that intern texts by their bytes (`NameSymbols` on
/// the reading thread, `TextInterner` in the loader): eight bytes at a time, each step
/// multiplied and folded, the rest in one last step — a student's name (30–40 bytes) hashed byte
/// by byte cost a third of interning it. The tables probe by the low bits: the last steps fold
/// the high half into them.
public enum ByteHash {
    public static func of(_ buf: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(buf.count)
        guard let p = buf.baseAddress else { return h }
        let raw = UnsafeRawPointer(p)
        var k = 0
        while k + 8 <= buf.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            k += 8
        }
        if k < buf.count {
            var tail: UInt64 = 0
            for j in k..<buf.count { tail = tail << 8 | UInt64(p[j]) }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 29
        h = h &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 32)
    }
}
