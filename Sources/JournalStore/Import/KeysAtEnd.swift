/// An import into an empty journal checks its foreign keys once, at the end, instead of on
/// every row it writes. Each row's ids come from the import's own name tables, so the check
/// guards against a fault of ours, not of the input; enforced row by row it looked up every
/// parent of every cell and lesson — on the college's import about a third of the writer's time
/// — where `PRAGMA foreign_key_check` over the whole database, which then holds only this
/// import, takes 0.2 s. A broken key still stops the import before its commit with the error
/// SQLite gives for one (nothing is committed). Later imports, which add to a journal, keep the
/// keys enforced row by row: the check would read the whole journal each time.
///
/// `PRAGMA foreign_keys` cannot change inside a transaction: it is switched off before the
/// import's `BEGIN` and on again after its end, whichever end it has.
enum KeysAtEnd {
    /// Switches the keys off; true when they are off (false inside a transaction).
    static func suspend(_ db: Database) -> Bool {
        try? db.execute("PRAGMA foreign_keys = OFF")
        return (try? db.scalar("PRAGMA foreign_keys")) == 0
    }

    static func resume(_ db: Database) { try? db.execute("PRAGMA foreign_keys = ON") }

    /// Throws the error an enforced key gives, naming the first row that breaks one.
    /// `memoryLessons`: the lessons of a journal in memory kept out of the `lesson` table
    /// (`MemoryLessons`); a change-history row naming one of them does not break its key.
    static func check(_ db: Database, memoryLessons: MemoryLessons? = nil) throws {
        let s = try db.prepare("PRAGMA foreign_key_check")
        let lessonOfChange = try db.prepare("SELECT lesson_id FROM change WHERE rowid = ?")
        while try s.step() {
            if let m = memoryLessons, s.text(0) == "change", s.text(2) == "lesson", let rowid = s.optInt(1),
               let lesson = try lessonOfChange.firstRow([.int(rowid)], { $0.int(0) }), m.contains(lesson) { continue }
            try fail(s)
        }
    }

    private static func fail(_ s: Statement) throws {
        let message = "FOREIGN KEY constraint failed: \(s.text(0)), rowid \(s.optInt(1).map(String.init) ?? "—") → \(s.text(2))"
        throw StoreError(code: 787, message: message, sql: "PRAGMA foreign_key_check")   // SQLITE_CONSTRAINT_FOREIGNKEY
    }
}
