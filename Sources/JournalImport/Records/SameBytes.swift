#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether two byte runs of one length are equal. A journal's fields are short (a mark, a
/// date, a name): up to 16 bytes are compared inline, with two possibly overlapping 8-byte
/// loads, instead of calling `memcmp` — the record builder compares every field with the
/// previous row's, and the calls were 8 % of its time on a college's folder.
enum SameBytes {
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count n: Int) -> Bool {
        if n >= 8 {
            guard n <= 16 else { return memcmp(a, b, n) == 0 }
            let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
            return ra.loadUnaligned(as: UInt64.self) == rb.loadUnaligned(as: UInt64.self)
                && ra.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == rb.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
        var k = 0
        while k < n {
            if a[k] != b[k] { return false }
            k += 1
        }
        return true
    }
}
