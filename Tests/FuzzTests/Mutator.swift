/// A seeded mutator for byte inputs: the same seed gives the same sequence of inputs, so a run
/// that found a problem can be repeated (`ZHURNAL_FUZZ_SEED`).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct Mutator {
    var rng: SplitMix64
    let corpus: [[UInt8]]
    /// Fragments that reach the corners of the formats: nesting, huge numbers, quotes,
    /// separators, encodings, control characters.
    let tokens: [[UInt8]]
    /// Inputs are kept below this many bytes (a long run must not grow them without end).
    let maxBytes: Int

    init(corpus: [[UInt8]], tokens: [String], seed: UInt64, maxBytes: Int = 64 << 10) {
        rng = SplitMix64(seed: seed)
        self.corpus = corpus.isEmpty ? [[]] : corpus
        self.tokens = (tokens + Self.commonTokens).map { Array($0.utf8) } + Self.byteTokens
        self.maxBytes = maxBytes
    }

    static let commonTokens = ["\n", "\r\n", "\"", ";", ",", "\t", " ", "(", ")", "{", "}", "[", "]", "-", "=",
                               "99999999999999999999", "-9223372036854775808", "1e308", "0", "1,5", "NaN",
                               "31.02.2025", "2025-13-45", "24:00", "\u{1B}[2J", "\u{FEFF}", "ё", "№", "«", "»"]
    static let byteTokens: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x00], [0xE2, 0x80, 0xAE]]

    mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }

    /// A new input: a corpus entry with 1–4 mutations.
    mutating func next() -> [UInt8] {
        var b = corpus[int(corpus.count)]
        for _ in 0..<(1 + int(4)) { mutate(&b) }
        if b.count > maxBytes { b.removeLast(b.count - maxBytes) }
        return b
    }

    mutating func mutate(_ b: inout [UInt8]) {
        let at = int(b.count + 1)
        switch int(10) {
        case 0 where !b.isEmpty:   // flip a bit
            let i = int(b.count); b[i] ^= UInt8(1 << int(8))
        case 1 where !b.isEmpty:   // a random byte
            b[int(b.count)] = UInt8(truncatingIfNeeded: rng.next())
        case 2 where !b.isEmpty:   // delete a run
            let len = min(1 + int(32), b.count - min(at, b.count))
            if len > 0 { b.removeSubrange(min(at, b.count - 1)..<min(at, b.count - 1) + len) }
        case 3, 4:                 // insert a token
            b.insert(contentsOf: tokens[int(tokens.count)], at: at)
        case 5 where !b.isEmpty:   // duplicate a run
            let start = int(b.count), len = min(1 + int(64), b.count - start)
            b.insert(contentsOf: b[start..<start + len], at: at)
        case 6:                    // a token repeated many times (nesting, long lines)
            let t = tokens[int(tokens.count)]
            let times = [10, 100, 1000, 5000][int(4)]
            var run: [UInt8] = []
            for _ in 0..<times where run.count < maxBytes / 2 { run += t }
            b.insert(contentsOf: run, at: at)
        case 7:                    // splice in part of another entry
            let other = corpus[int(corpus.count)]
            guard !other.isEmpty else { return }
            let start = int(other.count), len = min(1 + int(256), other.count - start)
            b.insert(contentsOf: other[start..<start + len], at: at)
        case 8 where !b.isEmpty:   // swap two lines
            let lines = b.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard lines.count > 2 else { return }
            var ls = lines.map(Array.init)
            ls.swapAt(int(ls.count), int(ls.count))
            b = Array(ls.joined(separator: [0x0A]))
        default:                   // a digit run changed into a big number
            if let i = b.indices.dropFirst(int(b.count)).first(where: { (0x30...0x39).contains(b[$0]) }) {
                b.insert(contentsOf: Array("0000000000".utf8), at: i + 1)
            } else {
                b.insert(contentsOf: Array("1000000000000".utf8), at: at)
            }
        }
    }
}
