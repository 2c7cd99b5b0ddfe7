import Foundation

/// Objects kept until the process ends, never freed. A command-line run ends right after its
/// one check: freeing what its import kept in memory (a college's lessons, plan, period marks
/// and database in memory) took the main thread 0.05–0.1 s between the load and the rules, and
/// freeing it on another thread slowed the journal's index and the rules as much (both threads
/// then take the allocator's lock) — work the system does anyway, at once, when the process
/// exits. Only for what a run makes once: a long-lived process (the web page) must not use it.
public enum UntilExit {
    // Appended under `lock`, never read: the array only holds the references.
    nonisolated(unsafe) private static var kept: [AnyObject] = []
    private static let lock = NSLock()

    public static func keep(_ object: AnyObject) {
        lock.lock()
        defer { lock.unlock() }
        kept.append(object)
    }

    /// How many objects are kept (for tests).
    public static var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return kept.count
    }
}
