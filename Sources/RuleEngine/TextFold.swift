/// Case-insensitive text equality without allocating: ASCII and Russian letters are folded
/// directly; any other letter falls back to `lowercased()`.
enum TextFold {
    /// The lower-case scalar for ASCII and Cyrillic А–Я/Ё, the scalar itself for other
    /// non-letters below U+0080, nil when the fast path does not know it.
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x41...0x5A: return v + 0x20
        case 0...0x7F: return v
        case 0x0410...0x042F: return v + 0x20
        case 0x0401: return 0x0451
        case 0x0430...0x044F, 0x0451: return v
        case 0x00A0, 0x00AB, 0x00BB, 0x2013, 0x2014, 0x2116: return v   // nbsp « » – — №
        default: return nil
        }
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        if a.utf8.elementsEqual(b.utf8) { return true }
        var ia = a.unicodeScalars.makeIterator(), ib = b.unicodeScalars.makeIterator()
        while true {
            let x = ia.next(), y = ib.next()
            guard let x, let y else { return x == nil && y == nil }
            guard let fx = fold(x.value), let fy = fold(y.value) else { return a.lowercased() == b.lowercased() }
            if fx != fy { return false }
        }
    }
}
