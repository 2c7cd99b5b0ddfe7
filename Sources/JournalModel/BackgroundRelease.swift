import Dispatch

/// Lets go of a large object graph on another thread. Freeing what an import kept in memory
/// (a college's lessons, plan and period marks, the database in memory) took the main thread
/// about 0.05–0.1 s between the journal's load and the rules, while the second core had
/// nothing to do.
///
///     var store: JournalStore? = …
///     let journal = try store!.load()
///     BackgroundRelease.release(&store)   // `store` is nil here; its deinit runs elsewhere
///
/// Only for an object nothing else uses once released: no other reference may remain (else
/// it is freed wherever that one goes, which is correct, only not faster), and its deinit
/// must touch nothing another thread uses. With `ZHURNAL_THREADS=1` it is freed here.
public enum BackgroundRelease {
    public static func release<T: AnyObject>(_ object: inout T?) {
        guard ThreadSetting.several, object != nil else {
            object = nil
            return
        }
        // The box takes the caller's reference (no copy is left behind in this frame).
        let box = Box(object.take())
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    /// Unchecked: after `release` only the queued block touches `value`.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
        init(_ value: T?) { self.value = value }
    }
}
