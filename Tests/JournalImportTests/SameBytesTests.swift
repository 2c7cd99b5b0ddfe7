import Testing
@testable import JournalImport

/// `SameBytes.equal` answers as a byte-by-byte comparison does, for every length up to 40 and a
/// difference at every position (the inline paths: under 8 bytes, 8–16 with overlapping words,
/// and `memcmp` beyond), the runs placed at every offset within a word.
@Suite struct SameBytesTests {
    @Test func equalExactlyWhenEveryByteIs() {
        var checked = 0
        for n in 0...40 {
            for offset in 0..<8 {
                var a = [UInt8](repeating: 0, count: n + offset + 8), b = a
                for k in 0..<a.count { a[k] = UInt8(truncatingIfNeeded: k &* 37 &+ 11); b[k] = a[k] }
                // Bytes outside the run differ: they must not count.
                if offset > 0 { b[offset - 1] ^= 0xFF }
                b[offset + n] ^= 0xFF
                func same() -> Bool {
                    a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in
                        SameBytes.equal(pa.baseAddress! + offset, pb.baseAddress! + offset, count: n)
                    } }
                }
                #expect(same(), "length \(n), offset \(offset): equal")
                for d in 0..<n {
                    b[offset + d] ^= 0x01
                    #expect(!same(), "length \(n), offset \(offset): byte \(d) differs")
                    b[offset + d] ^= 0x01
                    checked += 1
                }
            }
        }
        #expect(checked == 8 * (0...40).reduce(0, +))
    }
}
