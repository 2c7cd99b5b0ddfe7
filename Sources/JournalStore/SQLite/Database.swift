internal import CSQLite
import FileAccess
import Foundation

/// A SQLite error with the statement that caused it: the one place C result codes become Swift.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var code: Int32
    public var message: String
    public var sql: String?
    public var description: String { "SQLite \(code): \(message)" + (sql.map { " [\($0.prefix(200))]" } ?? "") }
    /// Another connection holds the lock (SQLITE_BUSY, SQLITE_LOCKED and their extended codes).
    public var isBusy: Bool { code & 0xff == 5 || code & 0xff == 6 }
}

/// One owner of a `sqlite3` connection.
final class Database {
    let handle: OpaquePointer
    let path: String

    /// Process-wide SQLite settings, made once before the first connection opens.
    private static let configured: Void = { _ = zhurnal_sqlite3_config_no_memstatus() }()

    /// Opens (creating with mode 0600 when absent) the database at `path`; `Database.memory`
    /// opens a private database that lives in this process's memory only.
    init(path: String, readOnly: Bool = false) throws {
        Self.configured
        self.path = path
        // The in-memory database (a folder checked without a file) has no file to make or tighten.
        if path != Self.memory {
            switch FileKind.of(path) {
            case .missing:
                if !readOnly {
                    let fd = open(path, O_CREAT | O_WRONLY | O_EXCL, 0o600)
                    if fd >= 0 { close(fd) }
                }
            case .regular:
                // Personal data: a database made by an older version, or copied with other
                // permissions, becomes readable by its owner only (its -wal and -shm follow it).
                if !readOnly { PrivateFile.tighten(path) }
            case let kind:
                throw StoreError(code: 14, message: "«\(path)» — \(kind == .directory ? "папка" : "не обычный файл (\(kind.russianName))"): база данных — обычный файл, например journal.sqlite", sql: nil)
            }
        }
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(db)
            throw StoreError(code: rc, message: msg, sql: nil)
        }
        handle = db
        sqlite3_busy_timeout(db, Int32(Self.defaultBusySeconds * 1000))
    }

    /// The path SQLite opens as a database in memory (no file, gone with the connection).
    static let memory = ":memory:"
    var isMemory: Bool { path == Self.memory }

    /// How long a statement waits for another connection's lock before SQLITE_BUSY.
    static let defaultBusySeconds = 5.0

    func setBusyTimeout(seconds: Double) { sqlite3_busy_timeout(handle, Int32(min(seconds, 86_400) * 1000)) }

    deinit { sqlite3_close_v2(handle) }

    func check(_ rc: Int32, _ sql: String? = nil) throws {
        guard rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW else {
            throw StoreError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
        }
    }

    /// Runs one or more statements without results.
    func execute(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? "error"
            sqlite3_free(err)
            throw StoreError(code: rc, message: msg, sql: sql)
        }
    }

    func prepare(_ sql: String) throws -> Statement { try Statement(db: self, sql: sql) }

    /// The single integer a query returns (nil for no row or NULL).
    func scalar(_ sql: String, _ args: [SQLValue] = []) throws -> Int64? {
        let s = try prepare(sql)
        try s.bind(args)
        guard try s.step() else { return nil }
        return s.isNull(0) ? nil : s.int(0)
    }

    /// Outside any transaction (each statement its own).
    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }
    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var changes: Int { Int(sqlite3_changes(handle)) }
}

/// A value bound to a statement parameter.
enum SQLValue {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    static func opt(_ v: Int?) -> SQLValue { v.map { .int(Int64($0)) } ?? .null }
    static func opt(_ v: Int64?) -> SQLValue { v.map { .int($0) } ?? .null }
    static func opt(_ v: Double?) -> SQLValue { v.map { .double($0) } ?? .null }
    static func opt(_ v: String?) -> SQLValue { v.map { .text($0) } ?? .null }
}
