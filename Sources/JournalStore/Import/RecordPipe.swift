import Foundation
import JournalImport
import JournalModel

/// Hands the records of an import to a writer thread in blocks, so that parsing the next rows
/// and writing the previous ones to SQLite overlap (two cores). The writer is the only thread
/// that touches the batch between `beginFile` and `drain`; both wait until it is idle.
/// A write error stops the writer and reaches the reading thread at its next hand-over, as the
/// `ImportFailure` the sequential import gives (same file and line).
///
/// Because exactly one thread uses the batch (and its name tables, lessons and direct cells) at
/// a time, and none of their per-row accesses overlaps another, those properties are declared
/// `@exclusivity(unchecked)`: the run-time exclusivity check would find nothing, and on a
/// million cells it cost about a tenth of the writer's time.
final class RecordPipe: RecordSink, @unchecked Sendable {
    /// Released by `close`: the thread object may outlive the import, the batch must not.
    private var target: ImportBatch?
    private let cond = NSCondition()
    private var queue: [[(Record, Int)]] = []
    private var current: [(Record, Int)] = []
    private var busy = false
    private var closed = false
    private var failure: Error?
    private var file = ""
    private let finished = DispatchSemaphore(value: 0)
    static let blockSize = 1024
    static let maxBlocks = 8

    let symbols: NameSymbols

    init(target: ImportBatch) {
        self.target = target
        symbols = target.symbols
        current.reserveCapacity(Self.blockSize)
        let t = Thread { [self] in writerLoop() }
        t.name = "zhurnal-import-writer"
        t.start()
    }

    func beginFile(path: String, profile: String) throws -> Int {
        try drain()
        file = path
        guard let target else { preconditionFailure("record pipe used after close") }
        return try target.beginFile(path: path, profile: profile)
    }

    func accept(_ record: Record, line: Int) throws {
        current.append((record, line))
        if current.count >= Self.blockSize { try push() }
    }

    private func push() throws {
        cond.lock()
        defer { cond.unlock() }
        while queue.count >= Self.maxBlocks, failure == nil { cond.wait() }
        if let f = failure { throw f }
        queue.append(current)
        current = []
        current.reserveCapacity(Self.blockSize)
        cond.broadcast()
    }

    /// Waits until every record handed over is written; throws the writer's error, if any.
    func drain() throws {
        if !current.isEmpty { try push() }
        cond.lock()
        defer { cond.unlock() }
        while !queue.isEmpty || busy, failure == nil { cond.wait() }
        if let f = failure { throw f }
    }

    /// Forgets a write error (after the session dealt with it) and records not yet written.
    func reset() {
        cond.lock()
        defer { cond.unlock() }
        while busy { cond.wait() }
        queue.removeAll()
        current.removeAll(keepingCapacity: true)
        failure = nil
    }

    /// Stops the writer thread (after `drain`, or to abandon the import).
    func close() {
        cond.lock()
        closed = true
        cond.broadcast()
        cond.unlock()
        finished.wait()
        target = nil
    }

    private func writerLoop() {
        while true {
            cond.lock()
            while queue.isEmpty, !closed { cond.wait() }
            if queue.isEmpty, closed {
                cond.unlock()
                finished.signal()
                return
            }
            let block = queue.removeFirst()
            busy = true
            let fileName = file
            let target = self.target
            cond.unlock()
            var stop: Error?
            for (record, line) in block {
                do { try target?.accept(record, line: line) } catch {
                    stop = Self.failure(error, file: fileName, line: line)
                    break
                }
            }
            cond.lock()
            busy = false
            if let stop {
                failure = stop
                queue.removeAll()
            }
            cond.broadcast()
            cond.unlock()
        }
    }

    /// The error as `FileImporter` reports a sink's error on the row that caused it.
    private static func failure(_ error: Error, file: String, line: Int) -> Error {
        if error is ImportFailure || error is DirectCells.Abandon { return error }
        return ImportFailure(Diagnostic(id: "import.store", location: SourceLocation(file: file, line: line, column: 1),
                                        message: "ошибка записи: \(error)"))
    }
}
