internal import CSQLite

private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One owner of a prepared statement: prepared in `init`, finalized in `deinit`.
final class Statement {
    private let handle: OpaquePointer
    private unowned let db: Database
    let sql: String

    init(db: Database, sql: String) throws {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(db.handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw StoreError(code: rc, message: String(cString: sqlite3_errmsg(db.handle)), sql: sql)
        }
        handle = stmt
        self.db = db
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ values: [SQLValue]) throws {
        sqlite3_reset(handle)
        for (i, v) in values.enumerated() { try bind(v, at: Int32(i + 1)) }
    }

    func bind(_ v: SQLValue, at i: Int32) throws {
        let rc: Int32
        switch v {
        case .null: rc = sqlite3_bind_null(handle, i)
        case .int(let x): rc = sqlite3_bind_int64(handle, i, x)
        case .double(let x): rc = sqlite3_bind_double(handle, i, x)
        case .text(let s): rc = bindUTF8(s, at: i)
        }
        try db.check(rc, sql)
    }

    func bindInt(_ x: Int64, at i: Int32) { sqlite3_bind_int64(handle, i, x) }
    func bindNull(at i: Int32) { sqlite3_bind_null(handle, i) }
    func bindText(_ s: String?, at i: Int32) {
        guard let s else { sqlite3_bind_null(handle, i); return }
        bindUTF8(s, at: i)
    }

    /// Binds the string's own UTF-8 bytes with their length (SQLite copies them). Passing a
    /// `String` where C wants a `char *` would first copy it into a new NUL-terminated buffer —
    /// an allocation per bound text, about a twentieth of the import writer's time on a lessons
    /// table. A text with a NUL byte is bound whole (a C string ended at it); an import has none
    /// (a file with NUL bytes is refused as not text).
    @discardableResult
    private func bindUTF8(_ s: String, at i: Int32) -> Int32 {
        var text = s
        return text.withUTF8 { buf in
            // An empty buffer may have no address: bind "" rather than NULL.
            guard let p = buf.baseAddress, !buf.isEmpty else { return sqlite3_bind_text(handle, i, "", 0, transient) }
            return sqlite3_bind_text(handle, i, UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self), Int32(buf.count), transient)
        }
    }
    func bindOptInt(_ x: Int64?, at i: Int32) { if let x { bindInt(x, at: i) } else { bindNull(at: i) } }
    func bindDouble(_ x: Double, at i: Int32) { sqlite3_bind_double(handle, i, x) }

    /// Runs to completion with the values bound since the last `reset`, then resets: for the
    /// statements an import runs for each row, bound one by one (`bindInt`, `bindText`, …)
    /// rather than through an array of boxed values.
    func runBound() throws {
        defer { reset() }
        while try step() {}
    }

    /// Binds `args`, reads the first row with `read` (nil when there is none), resets.
    func firstRow<T>(_ args: [SQLValue], _ read: (Statement) -> T) throws -> T? {
        try bind(args)
        defer { reset() }
        return try step() ? read(self) : nil
    }

    func reset() { sqlite3_reset(handle) }

    /// Steps once and returns SQLite's extended result code (for callers that tell errors apart).
    func stepCode() -> Int32 {
        let rc = sqlite3_step(handle)
        return rc == SQLITE_ROW || rc == SQLITE_DONE ? rc : sqlite3_extended_errcode(db.handle)
    }

    /// Steps once: true when a row is available.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw StoreError(code: rc, message: String(cString: sqlite3_errmsg(db.handle)), sql: sql)
    }

    /// Runs to completion with `values` bound.
    func run(_ values: [SQLValue] = []) throws {
        try bind(values)
        while try step() {}
        reset()
    }

    func isNull(_ c: Int32) -> Bool { sqlite3_column_type(handle, c) == SQLITE_NULL }
    func int(_ c: Int32) -> Int64 { sqlite3_column_int64(handle, c) }
    func optInt(_ c: Int32) -> Int64? { isNull(c) ? nil : int(c) }
    func double(_ c: Int32) -> Double { sqlite3_column_double(handle, c) }
    func optDouble(_ c: Int32) -> Double? { isNull(c) ? nil : double(c) }
    func text(_ c: Int32) -> String {
        guard let p = sqlite3_column_text(handle, c) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, c))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
    func optText(_ c: Int32) -> String? { isNull(c) ? nil : text(c) }
    /// Whether text column `c` is empty (or NULL).
    func isEmptyText(_ c: Int32) -> Bool { sqlite3_column_bytes(handle, c) == 0 }

    /// The bytes of text column `c` (valid only inside `body`).
    func withTextBytes<R>(_ c: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let p = sqlite3_column_text(handle, c)
        let n = Int(sqlite3_column_bytes(handle, c))
        return body(UnsafeBufferPointer(start: p, count: p == nil ? 0 : n))
    }
}
