/// Text of workbook XML as UTF-8 bytes: the five XML entities and character references, and
/// the `_xHHHH_` escapes OOXML uses for control characters in strings.
///
///     XMLText.unescape("Дроби &amp; доли") // "Дроби & доли"
///     XMLText.unescapeOOXML("a_x000D_b")   // "a\rb"
enum XMLText {
    /// Appends `b` with entities decoded to `out`. An unknown entity stays as written.
    static func unescape(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            guard c == 0x26 else {   // fast path: copy up to the next '&'
                var j = i + 1
                while j < n, b[j] != 0x26 { j += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
                i = j
                continue
            }
            var j = i + 1
            while j < n, j - i <= 12, b[j] != 0x3B { j += 1 }
            guard j < n, b[j] == 0x3B else { out.append(c); i += 1; continue }
            let name = UnsafeBufferPointer(rebasing: b[(i + 1)..<j])
            if let scalar = entity(name) {
                append(scalar, to: &out)
                i = j + 1
            } else {
                out.append(c)
                i += 1
            }
        }
    }

    private static func entity(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        switch Array(name) {
        case Array("lt".utf8): return 0x3C
        case Array("gt".utf8): return 0x3E
        case Array("amp".utf8): return 0x26
        case Array("quot".utf8): return 0x22
        case Array("apos".utf8): return 0x27
        default: break
        }
        guard name.count >= 2, name[0] == 0x23 else { return nil }   // &#…;
        var v: UInt32 = 0
        if name[1] == 0x78 || name[1] == 0x58 {   // &#x…;
            guard name.count > 2, name.count <= 8 else { return nil }
            for c in name[2...] { guard let d = hexDigit(c) else { return nil }; v = v * 16 + d }
        } else {
            guard name.count <= 9 else { return nil }
            for c in name[1...] { guard c >= 0x30, c <= 0x39 else { return nil }; v = v * 10 + UInt32(c - 0x30) }
        }
        return Unicode.Scalar(v) == nil ? nil : v
    }

    static func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x41...0x46: UInt32(c - 0x41 + 10)
        case 0x61...0x66: UInt32(c - 0x61 + 10)
        default: nil
        }
    }

    static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        guard let u = Unicode.Scalar(scalar) else { return }
        out.append(contentsOf: Array(String(Character(u)).utf8))
    }

    /// Replaces `_xHHHH_` escapes in `bytes` (already entity-decoded) in place.
    static func unescapeOOXML(_ bytes: inout [UInt8], from start: Int = 0) {
        guard bytes[start...].contains(0x5F) else { return }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - start)
        var i = start
        let n = bytes.count
        while i < n {
            if bytes[i] == 0x5F, i + 6 < n, bytes[i + 1] == 0x78, bytes[i + 6] == 0x5F {
                var v: UInt32 = 0
                var ok = true
                for k in 2...5 { if let d = hexDigit(bytes[i + k]) { v = v * 16 + d } else { ok = false; break } }
                if ok {
                    append(v, to: &out)
                    i += 7
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        bytes.replaceSubrange(start..<n, with: out)
    }
}
