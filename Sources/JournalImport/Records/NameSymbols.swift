import Synchronization

/// A text of a journal cell record (a group, subject, student, value, work type or teacher),
/// as the index of its text in the import's `NameSymbols`. Cell records hold these instead of
/// Strings, so that handing a million of them from the reading thread to the writing one
/// costs no allocation or reference counting, and the store maps each name to its table id
/// once by index instead of hashing the text on every row.
public struct Name: Hashable, Sendable {
    public let index: Int32
}

/// The texts of one import's cell records, interned: each distinct byte sequence gets a `Name`
/// once. The reading thread interns, any thread reads texts back; both under one lock, which
/// is taken once per field that differs from the previous row's (see `ParseCache`).
public final class NameSymbols: Sendable {
    private let state = Mutex(State())

    public init() {}

    /// Number of distinct texts so far.
    public var count: Int { state.withLock { $0.texts.count } }

    /// The text of `name`.
    public func text(_ name: Name) -> String { state.withLock { $0.texts[Int(name.index)] } }

    /// The texts from `start` on (the store copies them once instead of locking per row).
    public func texts(from start: Int) -> [String] {
        state.withLock { s in start < s.texts.count ? Array(s.texts[start...]) : [] }
    }

    /// The name of `bytes`; nil when they are new and not valid UTF-8 (known bytes were valid
    /// when first seen).
    public func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Name? {
        state.withLock { $0.intern(bytes) }
    }

    public func intern(_ text: String) -> Name {
        var t = text
        // A Swift String is valid UTF-8.
        return t.withUTF8 { intern($0) }!
    }

    /// Open addressing over the texts' bytes (linear probing); no String is made to look a
    /// text up.
    struct State: ~Copyable {
        var texts: [String] = []
        var arena: [UInt8] = []
        var starts: [Int] = [0]
        var slots = [Int32](repeating: -1, count: 1024)
        var hashes: [UInt64] = []

        func equal(_ k: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
            let s = starts[k], n = starts[k + 1] - s
            guard n == b.count else { return false }
            return arena.withUnsafeBufferPointer { a in
                n == 0 || SameBytes.equal(a.baseAddress! + s, b.baseAddress!, count: n)
            }
        }

        mutating func intern(_ b: UnsafeBufferPointer<UInt8>) -> Name? {
            let h = ByteHash.of(b)
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 {
                let k = Int(slots[i])
                if hashes[k] == h, equal(k, b) { return Name(index: Int32(k)) }
                i = (i + 1) & mask
            }
            guard UTF8Text.isValid(b) else { return nil }
            let k = texts.count
            texts.append(String(decoding: b, as: UTF8.self))
            arena.append(contentsOf: b)
            starts.append(arena.count)
            hashes.append(h)
            slots[i] = Int32(k)
            if texts.count * 2 > slots.count { grow() }
            return Name(index: Int32(k))
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for k in hashes.indices {
                var i = Int(truncatingIfNeeded: hashes[k]) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(k)
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
