import Foundation

/// Case-insensitive text equality that avoids `lowercased()` on the hot path: equal bytes are
/// equal; two texts with no capital letters (ASCII or Russian) and different bytes differ;
/// otherwise ASCII and Russian letters are folded scalar by scalar, and any other letter falls
/// back to `lowercased()`.
enum TextFold {
    static func equal(_ a: String, _ b: String) -> Bool {
        if bytesEqual(a, b) { return true }
        if hasNoCapitals(a) && hasNoCapitals(b) { return false }
        var ia = a.unicodeScalars.makeIterator(), ib = b.unicodeScalars.makeIterator()
        while true {
            let x = ia.next(), y = ib.next()
            guard let x, let y else { return x == nil && y == nil }
            guard let fx = fold(x.value), let fy = fold(y.value) else { return a.lowercased() == b.lowercased() }
            if fx != fy { return false }
        }
    }

    /// The UTF-8 bytes of `s`: borrowed where the string keeps them contiguous (native and small
    /// strings — every text of a journal), else from a copy made contiguous. `withUTF8` needs a
    /// `var`, and copying a text to call it cost a retain and a release per record of every rule
    /// that compares or matches a text.
    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return copy.withUTF8(body)
    }

    /// The same UTF-8 bytes (stricter than `==`, which compares canonical equivalents).
    static func bytesEqual(_ a: String, _ b: String) -> Bool {
        withBytes(a) { pa in
            withBytes(b) { pb in
                guard pa.count == pb.count else { return false }
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return true }
                return memcmp(x, y, pa.count) == 0
            }
        }
    }

    /// True when the text certainly has no capital letter: only ASCII and Russian letters, none capital.
    static func hasNoCapitals(_ s: String) -> Bool {
        withBytes(s) { p in
            var i = 0
            while i < p.count {
                let c = p[i]
                if c < 0x80 {
                    if c >= 0x41 && c <= 0x5A { return false }
                    i += 1
                } else if c == 0xD0, i + 1 < p.count {
                    let n = p[i + 1]
                    if n == 0x81 || (n >= 0x90 && n <= 0xAF) { return false }
                    i += 2
                } else if c == 0xD1 {
                    i += 2
                } else if c == 0xC2 || c == 0xE2 {
                    // nbsp, « », dashes, № : punctuation without case
                    i += c == 0xC2 ? 2 : 3
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Lower-case scalar for ASCII and Russian letters, the scalar itself for caseless ASCII and
    /// common punctuation, nil when unknown.
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x41...0x5A: return v + 0x20
        case 0...0x7F: return v
        case 0x0410...0x042F: return v + 0x20
        case 0x0401: return 0x0451
        case 0x0430...0x044F, 0x0451: return v
        case 0x00A0, 0x00AB, 0x00BB, 0x2013, 0x2014, 0x2116: return v
        default: return nil
        }
    }

    /// Byte search for a required literal (case-sensitive, as the regex itself is).
    static func containsBytes(_ s: String, _ needle: [UInt8]) -> Bool {
        withBytes(s) { p in
            guard let first = needle.first else { return true }
            guard needle.count <= p.count else { return false }
            var i = 0
            let last = p.count - needle.count
            outer: while i <= last {
                if p[i] == first {
                    for k in 1..<needle.count where p[i + k] != needle[k] { i += 1; continue outer }
                    return true
                }
                i += 1
            }
            return false
        }
    }
}
