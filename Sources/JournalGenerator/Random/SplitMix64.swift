/// A small, fast, seedable pseudo-random generator (SplitMix64, Steele/Lea/Flood 2014).
/// The generator owns its randomness so that the same seed gives the same journal on every
/// platform and Swift version (Foundation's and the standard library's generators do not
/// promise that).
///
///     var r = SplitMix64(seed: 42)
///     r.int(in: 1...6)        // a die roll, the same for seed 42 everywhere
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for an independent sub-stream (a school, a group) of this seed.
    public static func derived(from seed: UInt64, _ parts: UInt64...) -> SplitMix64 {
        var s = seed
        for p in parts { s = mix(s &+ 0x9E37_79B9_7F4A_7C15 &* (p &+ 1)) }
        return SplitMix64(seed: s)
    }

    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// Uniform in `range` (Lemire's multiply-shift; the tiny bias is irrelevant here and the
    /// result depends only on the seed).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        let r = next().multipliedFullWidth(by: span).high
        return range.lowerBound + Int(r)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        precondition(!items.isEmpty, "pick from an empty list")
        return items[int(in: 0...(items.count - 1))]
    }

    /// An index drawn with the given (non-negative, not all zero) weights.
    public mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "weights must not all be zero")
        var x = int(in: 0...(total - 1))
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// Fisher–Yates, deterministic for the seed.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = int(in: 0...i)
            if i != j { items.swapAt(i, j) }
        }
    }
}
