/// Moves the elements of an array to new places in place: element `i` goes to `place[i]`
/// (`place` a permutation of the indices; used up: each entry is set to its own index as its
/// element lands). Each element moves once, by swaps of its bits — no copies, no retains of
/// the texts it holds, and no second array of the same size.
enum Permutation {
    static func apply<T>(_ place: inout [Int32], to items: inout [T]) {
        precondition(place.count == items.count, "a place for every item")
        place.withUnsafeMutableBufferPointer { p in
            items.withUnsafeMutableBufferPointer { a in
                for start in 0..<a.count {
                    // The element at `start` belongs at `p[start]`: swap it there; what comes back
                    // belongs at its own place, and so on until the cycle closes.
                    var to = Int(p[start])
                    while to != start {
                        a.swapAt(start, to)
                        let next = Int(p[to])
                        p[to] = Int32(to)
                        to = next
                    }
                    p[start] = Int32(start)
                }
            }
        }
    }
}
