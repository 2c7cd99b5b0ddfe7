/// The order people expect for class and group names: numbers inside a name compare as
/// numbers, so «2а» comes before «10а» and «ИС-9» before «ИС-21»; letters compare
/// alphabetically, «ё» with «е», case-insensitively.
///
///     ["11в", "2а", "10а", "2б"].sorted(by: NaturalOrder.less)   // ["2а", "2б", "10а", "11в"]
public enum NaturalOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        let c = compare(a, b)
        return c != 0 ? c < 0 : a < b
    }

    /// -1, 0 or 1; 0 only for names that differ in case or «ё»/«е» at most.
    static func compare(_ a: String, _ b: String) -> Int {
        var i = Array(a.unicodeScalars)[...], j = Array(b.unicodeScalars)[...]
        while let x = i.first, let y = j.first {
            if isDigit(x) && isDigit(y) {
                let n = i.prefix(while: isDigit), m = j.prefix(while: isDigit)
                let nv = n.drop { $0 == "0" }, mv = m.drop { $0 == "0" }
                if nv.count != mv.count { return nv.count < mv.count ? -1 : 1 }
                for (p, q) in zip(nv, mv) where p != q { return p.value < q.value ? -1 : 1 }
                i = i.dropFirst(n.count)
                j = j.dropFirst(m.count)
                continue
            }
            let p = fold(x), q = fold(y)
            if p != q { return p < q ? -1 : 1 }
            i = i.dropFirst()
            j = j.dropFirst()
        }
        if i.isEmpty && j.isEmpty { return 0 }
        return i.isEmpty ? -1 : 1
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// Lower case, «ё» sorted right after «е» (between «е» and «ж»).
    private static func fold(_ s: Unicode.Scalar) -> Double {
        var v = s.value
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        if v >= 0x410 && v <= 0x42F { v += 0x20 }
        if v == 0x401 { v = 0x451 }
        if v == 0x451 { return Double(0x435) + 0.5 }
        return Double(v)
    }
}
