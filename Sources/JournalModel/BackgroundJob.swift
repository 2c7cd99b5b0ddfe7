import Dispatch

/// Work started on another thread now and waited for later, while the calling thread does
/// something else meanwhile — the cells read while the lessons load (`ParallelCells`), the
/// period marks kept in memory sifted while the merge's SQL runs (`Merge`). With
/// `ZHURNAL_THREADS=1` the work is done at once, on the calling thread.
///
///     let marks = BackgroundJob { m.sift() }
///     try otherWork()
///     let repeats = marks.wait()
///
/// The work must touch nothing the caller touches until `wait` returns.
public final class BackgroundJob<T>: @unchecked Sendable {
    // `result` is written once by the worker before `group.leave()` and read only after
    // `group.wait()` (or, on one thread, written before `init` returns): the group orders the two.
    private let group = DispatchGroup()
    private var result: T?

    public init(_ work: @escaping @Sendable () -> T) {
        guard ThreadSetting.several else {
            result = work()
            return
        }
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = work()
            group.leave()
        }
    }

    /// The work's result (waits for it).
    public func wait() -> T {
        group.wait()
        return result!
    }
}
