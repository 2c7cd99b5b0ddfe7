import Dispatch

/// Two independent pieces of work at once: on two threads when `ThreadSetting.several`, else
/// one after the other on the calling thread (`ZHURNAL_THREADS=1`).
///
///     var a: [Int32] = [], b: [Int64: Int32] = [:]
///     ParallelPair.run({ a = cellsPart() }, { b = lessonsPart() })
///
/// Each closure must write only state the other neither reads nor writes (its own local
/// variables); both may read what neither writes. `run` returns when both have finished.
public enum ParallelPair {
    public static func run(_ first: () -> Void, _ second: () -> Void) {
        guard ThreadSetting.several else {
            first()
            second()
            return
        }
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let both = Both(first, second)
                DispatchQueue.concurrentPerform(iterations: 2) { both.run($0) }
            }
        }
    }

    /// The two closures handed to the two threads. Unchecked: each closure is called once, on
    /// one thread, and `run`'s contract keeps what they write apart.
    private final class Both: @unchecked Sendable {
        let first: () -> Void, second: () -> Void
        init(_ first: @escaping () -> Void, _ second: @escaping () -> Void) {
            self.first = first
            self.second = second
        }
        func run(_ i: Int) { if i == 0 { first() } else { second() } }
    }
}
