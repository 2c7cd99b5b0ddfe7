import Foundation

/// Parses a text file on a thread of its own, a few chunks ahead of the thread that turns the
/// rows into records: libcsv's scan (a third of an import's time) and the records overlap on
/// two cores. The parse itself stays sequential — one parser sees the bytes in order — so line
/// numbers, quote errors and the rows delivered are exactly those of the one-thread read.
///
/// The parsing thread owns the parser, the file and its chunk buffer until it ends; the reading
/// thread sees only the `RowBatch` values it is handed (each a copy of complete rows). The queue
/// is the only shared state, under `cond`.
final class ChunkPipeline: @unchecked Sendable {
    enum Item {
        /// Complete rows of the chunks parsed so far, and the file's bytes read by then.
        case rows(RowBatch, bytesRead: Int64)
        /// What stopped the parse (after the rows before it were handed over).
        case failure(ImportFailure)
        case end
    }

    /// Chunks parsed ahead of the reader at most (each about a chunk's size in memory).
    static let depth = 4

    private let cond = NSCondition()
    private var queue: [Item] = []
    private var cancelled = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `produce` on a new thread; it hands items over with `put` and returns when
    /// `put` says the reader has gone. What `produce` captures (the reader, its parser and file)
    /// is used by that thread alone until `close` returns, hence not `@Sendable`.
    init(_ produce: @escaping (ChunkPipeline) -> Void) {
        let work = Unchecked(produce)
        let t = Thread { [self] in
            work.value(self)
            finished.signal()
        }
        t.name = "zhurnal-csv-parse"
        t.start()
    }

    /// Hands `item` to the reader, waiting while `depth` items are unread. False when the reader
    /// stopped (the producer then returns without parsing further).
    func put(_ item: Item) -> Bool {
        cond.lock()
        defer { cond.unlock() }
        while queue.count >= Self.depth, !cancelled { cond.wait() }
        if cancelled { return false }
        queue.append(item)
        cond.broadcast()
        return true
    }

    /// The next item, waiting for the parser.
    func next() -> Item {
        cond.lock()
        defer { cond.unlock() }
        while queue.isEmpty { cond.wait() }
        let item = queue.removeFirst()
        cond.broadcast()
        return item
    }

    /// The reader is done (at the end, or stopped by an error): the producer stops at its next
    /// hand-over; returns once its thread has let go of the file and the parser.
    func close() {
        cond.lock()
        cancelled = true
        queue.removeAll()
        cond.broadcast()
        cond.unlock()
        finished.wait()
    }
}

/// A value handed to exactly one other thread, which alone uses it until the hand-back.
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension RowBatch {
    /// The complete rows, taken out without copying them; what stays is a copy of the fields of
    /// the row that continues in the next chunk (those fields also remain past the last row of
    /// the batch taken out, where no row reaches them).
    mutating func takeCompleteRows() -> RowBatch {
        let done = rowEnds.last ?? 0
        var rest = RowBatch()
        if done < fieldEnds.count {
            let byteStart = done == 0 ? 0 : fieldEnds[done - 1]
            rest.bytes = Array(bytes[byteStart...])
            rest.fieldEnds = fieldEnds[done...].map { $0 - byteStart }
            if kinds.count > done { rest.kinds = Array(kinds[done...]) }
        }
        // The next chunk's rows take about as much room: grown by doubling from nothing, the
        // arrays were copied a dozen times per chunk.
        rest.bytes.reserveCapacity(bytes.count)
        rest.fieldEnds.reserveCapacity(fieldEnds.count)
        rest.rowEnds.reserveCapacity(rowEnds.count)
        rest.rowLines.reserveCapacity(rowLines.count)
        let out = self
        self = rest
        return out
    }
}
