import Foundation

/// Room made ahead for rows a file is about to add (`ImportBatch.expectLessonRows`): a college's
/// lessons table adds 90,000 lessons, and the structures that hold them, grown by doubling, were
/// copied — and their dictionaries rehashed — a dozen times, each time into fresh pages: a fifth
/// of the import writer's time on that table.
///
/// Never less than doubling: asked once per file, several files in a row still grow
/// geometrically, not by exactly what each asked for.
enum RoomFor {
    static func more<T>(_ n: Int, in a: inout [T]) {
        let want = a.count + n
        if want > a.capacity { a.reserveCapacity(max(want, 2 * a.capacity)) }
    }

    static func more<K, V>(_ n: Int, in d: inout [K: V]) {
        let want = d.count + n
        if want > d.capacity { d.reserveCapacity(max(want, 2 * d.capacity)) }
    }

    /// The rows a table of `bytes` is expected to hold: at least one per 256 bytes (a lessons
    /// table row with a topic and homework is about 400 bytes; without them, about 120: there
    /// the structures still double once or twice).
    static func rows(inBytes bytes: Int64) -> Int { Int(min(bytes / 256, 4_000_000)) }

    /// `rows(inBytes:)` of the file at `path` (none when its size is unknown).
    static func rows(inFile path: String) -> Int {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        return rows(inBytes: size)
    }
}
