/// Counts by day number in a flat array (a dictionary increment per judged record was measurable
/// on a college's 700,000 cells). Grows to cover whatever days it is given.
struct DayCounter: Sendable {
    private var first: Int32 = 0
    private var counts: [Int32] = []
    private(set) var total = 0

    mutating func add(_ day: Int32) { add(day, count: 1) }

    /// Adds another counter's counts, day by day (the parts of one rule's evaluation).
    mutating func add(_ other: DayCounter) {
        for (i, n) in other.counts.enumerated() where n > 0 { add(other.first + Int32(i), count: n) }
    }

    private mutating func add(_ day: Int32, count n: Int32) {
        if counts.isEmpty {
            first = day - 200
            counts = [Int32](repeating: 0, count: 600)
        }
        if day < first {
            let grow = Int(first) - Int(day) + 200
            counts.insert(contentsOf: [Int32](repeating: 0, count: grow), at: 0)
            first -= Int32(grow)
        } else if Int(day) - Int(first) >= counts.count {
            counts += [Int32](repeating: 0, count: Int(day) - Int(first) - counts.count + 200)
        }
        counts[Int(day) - Int(first)] += n
        total += Int(n)
    }

    /// The count of days `from...to` (inclusive).
    func sum(from: Int32, to: Int32) -> Int {
        guard !counts.isEmpty else { return 0 }
        // In Int: an open window ends at a far day, and `to - first` overflows Int32 when the
        // journal has a day of year 25 (found by fuzzing).
        if from <= first && Int(to) - Int(first) >= counts.count - 1 { return total }
        let a = max(Int(from) - Int(first), 0), b = min(Int(to) - Int(first), counts.count - 1)
        guard a <= b else { return 0 }
        var n = 0
        for i in a...b { n += Int(counts[i]) }
        return n
    }
}
