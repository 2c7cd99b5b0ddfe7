/// What a journal database in memory (`JournalStore.inMemory`) keeps out of its tables after its
/// first import: each part nil when its rows are in the table. One import makes it
/// (`ImportBatch.commit` hands it to the store), the loader reads it, and the store writes it
/// into the tables before any other SQL reads them (`JournalStore.writeKeptInMemory`).
struct KeptInMemory {
    var plan: MemoryPlan?
    var lessons: MemoryLessons?
    var cells: MemoryCells?
    var periodMarks: MemoryPeriodMarks?

    var isEmpty: Bool { plan == nil && lessons == nil && cells == nil && periodMarks == nil }

    /// Inserts every part into its table, inside the caller's transaction: the plan, the lessons,
    /// then the cells (their keys name the lessons) and the period marks.
    func write(to db: Database) throws {
        try plan?.write(to: db)
        try lessons?.write(to: db)
        try cells?.write(to: db)
        try periodMarks?.write(to: db)
    }
}
