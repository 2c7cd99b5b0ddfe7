import JournalModel

/// The cells read on another thread while the lessons load (two cores: the two largest tables
/// at once), from one of two places:
///
/// - a file's `cell` table, on a second, read-only connection (`secondConnection`). Both
///   connections must read the same state of the database: the first holds the write lock
///   (`BEGIN IMMEDIATE`, taken without waiting) from before the second starts reading until the
///   second is done, so no import can commit in between; the first reads everything else inside
///   that transaction and ends it without writing. When the lock cannot be had at once (an
///   import is running, a read-only file) the cells are read after the lessons on the one
///   connection, inside one read transaction.
/// - the cells a database in memory keeps out of its table (`memory`; a second connection would
///   see another, empty database): immutable `MemoryCells`, read with no connection at all —
///   the work types they name are read on the loader's connection before the thread starts.
final class ParallelCells: @unchecked Sendable {
    private let job: BackgroundJob<Result<CellReader, Error>>

    private init(label: String, _ read: @escaping @Sendable () throws -> CellReader) {
        job = BackgroundJob {
            // Under `ZHURNAL_TIMING`: how long the cells took here, against the lessons there.
            var timer = PhaseTimer(indent: label)
            defer { timer.mark("клетки") }
            return Result { try read() }
        }
    }

    /// The `cell` table of the database file at `path`, on a connection of its own.
    static func secondConnection(path: String, students: [Int32], teachers: [Int32], all: Bool) -> ParallelCells {
        ParallelCells(label: "    загрузка, второе соединение: ") {
            let db = try Database(path: path, readOnly: true)
            try db.execute("BEGIN")
            defer { try? db.execute("COMMIT") }
            return try CellReader(db: db, students: students, teachers: teachers, all: all)
        }
    }

    /// The cells a database in memory keeps (`MemoryCells`), with the work types of its table.
    static func memory(_ cells: MemoryCells, workTypes: [String?], students: [Int32], teachers: [Int32], all: Bool) -> ParallelCells {
        ParallelCells(label: "    загрузка, второй поток: ") {
            CellReader(memory: cells, workTypes: workTypes, students: students, teachers: teachers, all: all)
        }
    }

    /// The cells as read (waits for the worker).
    func wait() throws -> CellReader { try job.wait().get() }
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
