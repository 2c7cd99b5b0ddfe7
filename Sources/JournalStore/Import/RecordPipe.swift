import Foundation
import JournalImport
import JournalModel

/// Hands the records of an import to a writer thread in blocks, so that parsing the next rows
/// and writing the previous ones to SQLite overlap (two cores). The writer is the only thread
/// that touches the batch from the first hand-over until `drain` returns (it waits until the
/// writer is idle).
///
/// A file's start goes down the queue with its records (`nextFile`, then `beginFile`): the
/// reading thread does not wait for the writer at a file's end and reads the next file while
/// the writer catches up — a college's lessons table kept the writer busy for 0.8 s while the
/// reader had nothing to do. Up to `maxBlocks` blocks wait (with them the college's import
/// peaks at 153–162 MB; 115 MB with 8).
/// A write error stops the writer and reaches the reading thread at its next hand-over (or at
/// `drain`), as the `ImportFailure` the sequential import gives (same file and line); the
/// session drains before it reports an error of its own reading, so an earlier file's write
/// error is the one reported.
///
/// Because exactly one thread uses the batch (and its name tables, lessons and direct cells) at
/// a time, and none of their per-row accesses overlaps another, those properties are declared
/// `@exclusivity(unchecked)`: the run-time exclusivity check would find nothing, and on a
/// million cells it cost about a tenth of the writer's time.
final class RecordPipe: RecordSink, @unchecked Sendable {
    /// What the batch needs to know of a file before its first record (set by the session on
    /// the reading thread, applied by the writer in order).
    struct FileStart {
        var path = "", profile = ""
        /// The file's place in the order the user named the files (`ImportBatch.nextUserPlace`).
        var userPlace = 0
        var isGrid = false
        /// The file's cells go straight into the journal (`ImportBatch.beginDirectCells`).
        var direct = false
    }

    private struct Block {
        var start: FileStart?
        var records: [(Record, Int)] = []
    }

    /// Released by `close`: the thread object may outlive the import, the batch must not.
    private var target: ImportBatch?
    private let cond = NSCondition()
    private var queue: [Block] = []
    private var current = Block()
    private var busy = false
    private var closed = false
    private var failure: Error?
    /// CPU seconds the writer thread has spent on records, in all and per file path in the
    /// order the files were written (read after `drain`; `ZHURNAL_TIMING`).
    private var writerCPU = 0.0
    private var writerCPUByFile: [(path: String, seconds: Double)] = []
    private let finished = DispatchSemaphore(value: 0)
    static let blockSize = 1024
    static let maxBlocks = 128
    /// The file the next `beginFile` starts (its path and profile are the importer's).
    var nextFile = FileStart()
    /// The id `beginFile` gives the next file (the batch's count of files, as the writer will
    /// have it).
    private var nextFileID = 0

    let symbols: NameSymbols

    init(target: ImportBatch) {
        self.target = target
        symbols = target.symbols
        current.records.reserveCapacity(Self.blockSize)
        let t = Thread { [self] in writerLoop() }
        t.name = "zhurnal-import-writer"
        t.start()
    }

    func beginFile(path: String, profile: String) throws -> Int {
        if !current.records.isEmpty || current.start != nil { try push() }
        var start = nextFile
        start.path = path
        start.profile = profile
        current.start = start
        nextFileID += 1
        return nextFileID - 1
    }

    func accept(_ record: Record, line: Int) throws {
        current.records.append((record, line))
        if current.records.count >= Self.blockSize { try push() }
    }

    private func push() throws {
        cond.lock()
        defer { cond.unlock() }
        while queue.count >= Self.maxBlocks, failure == nil { cond.wait() }
        if let f = failure { throw f }
        queue.append(current)
        current = Block()
        current.records.reserveCapacity(Self.blockSize)
        cond.broadcast()
    }

    /// Waits until every record handed over is written; throws the writer's error, if any.
    func drain() throws {
        if !current.records.isEmpty || current.start != nil { try push() }
        cond.lock()
        defer { cond.unlock() }
        while !queue.isEmpty || busy, failure == nil { cond.wait() }
        if let f = failure { throw f }
        nextFileID = target?.files.count ?? 0
    }

    /// The writer thread's CPU seconds so far (after `drain`).
    var writerSeconds: Double {
        cond.lock()
        defer { cond.unlock() }
        return writerCPU
    }

    /// The writer thread's CPU seconds per file (after `drain`); a file read twice (its direct
    /// path abandoned) is listed twice.
    var writerSecondsByFile: [(path: String, seconds: Double)] {
        cond.lock()
        defer { cond.unlock() }
        return writerCPUByFile
    }

    /// Forgets a write error (after the session dealt with it) and records not yet written.
    func reset() {
        cond.lock()
        defer { cond.unlock() }
        while busy { cond.wait() }
        queue.removeAll()
        current = Block()
        failure = nil
        nextFileID = target?.files.count ?? 0
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
        // The file the writer is in (the path of its last `FileStart`).
        var fileName = ""
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
            let target = self.target
            cond.unlock()
            var stop: Error?
            let cpu = PhaseTimer.enabled ? PhaseTimer.threadCPU() : 0
            if let start = block.start, let target {
                fileName = start.path
                target.nextUserPlace = start.userPlace
                target.nextFileIsGrid = start.isGrid
                if start.direct { target.beginDirectCells() }
                do { _ = try target.beginFile(path: start.path, profile: start.profile) } catch { stop = error }
            }
            for (record, line) in block.records where stop == nil {
                do { try target?.accept(record, line: line) } catch {
                    stop = Self.failure(error, file: fileName, line: line)
                }
            }
            let spent = PhaseTimer.enabled ? PhaseTimer.threadCPU() - cpu : 0
            cond.lock()
            writerCPU += spent
            if PhaseTimer.enabled {
                if block.start != nil || writerCPUByFile.isEmpty { writerCPUByFile.append((fileName, 0)) }
                writerCPUByFile[writerCPUByFile.count - 1].seconds += spent
            }
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
