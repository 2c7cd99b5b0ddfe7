import Foundation
import JournalImport
import Synchronization

/// The SHA-256 of each file of an import, computed on a thread of its own while the files are
/// read: a first import (or a folder checked in memory) does not wait for them before it starts.
/// The digests are read in order; `value(i)` waits for file `i`'s.
final class FileDigests: Sendable {
    private struct State {
        var done: [Result<String, ImportFailure>] = []
        var stopped = false
    }
    private let state = Mutex(State())
    private let ready = NSCondition()
    private let finished = DispatchSemaphore(value: 0)
    private let count: Int

    init(_ files: [ImportSession.File]) {
        count = files.count
        let t = Thread { [self] in
            for f in files {
                if state.withLock({ $0.stopped }) { break }
                let r = Result { () throws(ImportFailure) in try FileHash.sha256(path: f.path, sheet: f.sheet, displayName: f.displayName) }
                ready.lock()
                state.withLock { $0.done.append(r) }
                ready.broadcast()
                ready.unlock()
            }
            finished.signal()
        }
        t.name = "zhurnal-sha256"
        t.start()
    }

    /// File `i`'s digest, or the error reading it.
    func value(_ i: Int) throws(ImportFailure) -> String {
        precondition(i < count, "no such file")
        ready.lock()
        while state.withLock({ $0.done.count <= i }) { ready.wait() }
        ready.unlock()
        return try state.withLock { $0.done[i] }.get()
    }

    /// Stops hashing (files not yet hashed are not) and waits for the thread to let go of them.
    func finish() {
        state.withLock { $0.stopped = true }
        finished.wait()
    }
}

extension ImportBatch {
    /// The database holds files of earlier imports (their digests skip a file imported twice).
    func hasImportedFiles() throws -> Bool { try db.scalar("SELECT EXISTS (SELECT 1 FROM source_file)") == 1 }
}
