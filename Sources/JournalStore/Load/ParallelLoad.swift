import Dispatch

/// The cells read on a second, read-only connection while the first loads the lessons (two
/// cores: the two largest tables at once). Both connections must read the same state of the
/// database: the first holds the write lock (`BEGIN IMMEDIATE`, taken without waiting) from
/// before the second starts reading until the second is done, so no import can commit in
/// between; the first reads everything else inside that transaction and ends it without
/// writing. When the lock cannot be had at once (an import is running, a read-only file) or
/// the database is in memory (a second connection would see another, empty database), the
/// cells are read after the lessons on the one connection, inside one read transaction.
final class ParallelCells: @unchecked Sendable {
    // `result` is written once by the worker before `group.leave()` and read only after
    // `group.wait()` by the thread that made this object: the group orders the two.
    private let group = DispatchGroup()
    private var result: Result<CellReader, Error>?

    init(path: String, students: [Int32], teachers: [Int32], all: Bool) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            // Under `ZHURNAL_TIMING`: how long the cells took here, against the lessons there.
            var timer = PhaseTimer(indent: "    загрузка, второе соединение: ")
            result = Result {
                let db = try Database(path: path, readOnly: true)
                try db.execute("BEGIN")
                defer { try? db.execute("COMMIT") }
                return try CellReader(db: db, students: students, teachers: teachers, all: all)
            }
            timer.mark("клетки")
            group.leave()
        }
    }

    /// The cells as read (waits for the worker).
    func wait() throws -> CellReader {
        group.wait()
        guard let result else { throw StoreError(code: 1, message: "cells not read", sql: nil) }
        return try result.get()
    }
}

extension JournalLoader {
    /// The transaction a load reads in.
    enum Reading {
        /// The write lock, taken at once: the cells are read on a second connection.
        case locked
        /// A read transaction of this load's own.
        case own
        /// The caller's transaction (the connection was already inside one).
        case callers
    }

    /// Starts the transaction the load reads in: the write lock when the cells can be read on
    /// a second connection (`ParallelCells`), else a read transaction.
    static func beginRead(_ db: Database, parallel: Bool) throws -> Reading {
        guard db.isAutocommit else { return .callers }
        if parallel, !db.isMemory {
            db.setBusyTimeout(seconds: 0)
            defer { db.setBusyTimeout(seconds: Database.defaultBusySeconds) }
            if (try? db.execute("BEGIN IMMEDIATE")) != nil { return .locked }
        }
        try db.execute("BEGIN")
        return .own
    }
}
