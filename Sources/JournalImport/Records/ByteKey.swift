/// A dictionary key that hashes and compares a string's UTF-8 bytes. `String` keys compare by
/// canonical equivalence, which costs a normalisation check for every Cyrillic name; names in
/// one export are byte-identical, so bytes are enough (and several times faster).
public struct ByteKey: Hashable, Sendable {
    public let string: String

    public init(_ s: String) { string = s }

    public func hash(into h: inout Hasher) {
        var s = string
        s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func == (a: ByteKey, b: ByteKey) -> Bool {
        var x = a.string, y = b.string
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
