import JournalImport

/// The staging tables an import fills while it reads (`s_lesson`, `s_cell`, `s_pmark`), a block
/// of rows to a statement (`BlockInsert`): SQLite's cost per statement was most of the writer's
/// time there — a marks table imported into a journal that has cells (a weekly re-export)
/// stages every cell, and a lessons table stages every lesson. Nothing reads these tables before
/// the merge; the batch flushes them before anything could, or could roll back past waiting
/// rows: at each file's start (a direct file opens a savepoint) and before the merge. A direct
/// file stages nothing today (its records are cells, written directly); should one stage rows,
/// abandoning it discards those still waiting, as the savepoint's rollback undoes the written
/// ones. Each cell is its own `INSERT OR IGNORE`, as before: a grid that repeats a date
/// column gives the same cell twice on one line, and the second is ignored.
/// A first import's lesson rows may be held in this process instead (`holdLessons`) and never
/// written, when the merge would read nothing from them (`ImportBatch.lessonRowsUnread`); a
/// first import's period marks into a journal in memory go to `MemoryPeriodMarks`.
final class StagedRows {
    struct Cell {
        var file: Int64, line: Int64, lesson: Int64, student: Int64, value: String, workType: Int64?, enteredAt: Int64?, enteredBy: Int64?
    }

    struct Lesson {
        var file: Int64, line: Int64, lesson: Int64, attributes: LessonAttributes
    }

    struct PeriodMark {
        var file: Int64, line: Int64, student: Int64, subject: Int64, period: String, value: String, enteredAt: Int64?, enteredBy: Int64?
    }

    private let cells: BlockInsert<Cell>
    private let lessons: BlockInsert<Lesson>
    private let periodMarks: BlockInsert<PeriodMark>
    /// Lesson rows kept here instead of `s_lesson` (`holdLessons`): in order, written by
    /// `releaseLessons` or dropped by `dropHeldLessons`; nil once released (rows then go to the
    /// table as they come).
    @exclusivity(unchecked) private var heldLessons: [Lesson]?
    /// How many held rows came before the current file (`markFileStart`): abandoning a direct
    /// file forgets only its own.
    private var heldBeforeFile = 0
    /// The period names of every period-mark row staged (`ImportBatch.unlinkedPeriods`): all
    /// those in `s_pmark` and perhaps more (rows later discarded, unstaged or dropped as repeats
    /// stay named), so that "each names a calendar period" is decided without reading the table.
    /// By bytes, as the table tells names apart: two spellings of one name are both here.
    @exclusivity(unchecked) private(set) var periodNames = Set<ByteKey>()
    /// The last name added to `periodNames`: a file's rows mostly repeat it.
    @exclusivity(unchecked) private var lastPeriodName: ByteKey?
    /// Period-mark rows kept there instead of `s_pmark` (`holdPeriodMarks`), and how many came
    /// before the current file (abandoning a direct file forgets only its own).
    @exclusivity(unchecked) private var heldPeriodMarks: MemoryPeriodMarks?
    private var periodMarksBeforeFile = 0

    init(db: Database) throws {
        cells = try BlockInsert(db: db, head: "INSERT OR IGNORE INTO s_cell VALUES ", tuple: "(?, ?, ?, ?, ?, ?, ?, ?)", columns: 8) { r, s, k in
            s.bindInt(r.file, at: k + 1); s.bindInt(r.line, at: k + 2); s.bindInt(r.lesson, at: k + 3); s.bindInt(r.student, at: k + 4)
            s.bindText(r.value, at: k + 5); s.bindOptInt(r.workType, at: k + 6); s.bindOptInt(r.enteredAt, at: k + 7)
            s.bindOptInt(r.enteredBy, at: k + 8)
        }
        // The attributes in `Merge.lessonAttributes`' order, after the file, line and lesson.
        let lessonColumns = Int32(3 + Merge.lessonAttributes.count)
        lessons = try BlockInsert(db: db, head: "INSERT INTO s_lesson VALUES ",
                                  tuple: "(" + Array(repeating: "?", count: Int(lessonColumns)).joined(separator: ", ") + ")",
                                  columns: lessonColumns) { r, s, k in
            s.bindInt(r.file, at: k + 1); s.bindInt(r.line, at: k + 2); s.bindInt(r.lesson, at: k + 3)
            r.attributes.bind(to: s, from: k + 4)
        }
        periodMarks = try BlockInsert(db: db, head: "INSERT INTO s_pmark VALUES ", tuple: "(?, ?, ?, ?, ?, ?, ?, ?)", columns: 8) { r, s, k in
            s.bindInt(r.file, at: k + 1); s.bindInt(r.line, at: k + 2); s.bindInt(r.student, at: k + 3); s.bindInt(r.subject, at: k + 4)
            s.bindText(r.period, at: k + 5); s.bindText(r.value, at: k + 6); s.bindOptInt(r.enteredAt, at: k + 7)
            s.bindOptInt(r.enteredBy, at: k + 8)
        }
    }

    /// Makes room for about `n` more held lesson rows (`RoomFor`).
    func expectLessons(_ n: Int) {
        if heldLessons != nil { RoomFor.more(n, in: &heldLessons!) }
    }

    func add(_ row: Cell) throws { try cells.add(row) }
    func add(_ row: Lesson) throws {
        if heldLessons != nil { heldLessons!.append(row) } else { try lessons.add(row) }
    }
    func add(_ row: PeriodMark) throws {
        let name = ByteKey(row.period)
        if name != lastPeriodName {
            periodNames.insert(name)
            lastPeriodName = name
        }
        if let m = heldPeriodMarks { m.add(row) } else { try periodMarks.add(row) }
    }

    /// Stages the rows still waiting.
    func flush() throws {
        try lessons.flush()
        try cells.flush()
        try periodMarks.flush()
    }

    /// Forgets the rows still waiting (those of a direct file being undone; of the held lesson
    /// rows, those of the current file).
    func discard() {
        lessons.discard()
        cells.discard()
        periodMarks.discard()
        heldLessons?.removeSubrange(heldBeforeFile...)
        heldPeriodMarks?.forget(from: periodMarksBeforeFile)
    }

    /// From here lesson rows are held, not written (`ImportBatch.lessonRowsUnread`).
    func holdLessons() {
        heldLessons = []
        heldBeforeFile = 0
    }

    /// A file starts: the held rows so far are earlier files' (see `discard`).
    func markFileStart() {
        heldBeforeFile = heldLessons?.count ?? 0
        periodMarksBeforeFile = heldPeriodMarks?.stagedCount ?? 0
    }

    /// From here period-mark rows go to `m`, not `s_pmark` (`ImportBatch.memoryPeriodMarks`);
    /// nil: to the table again (before any row came).
    func holdPeriodMarks(in m: MemoryPeriodMarks?) {
        heldPeriodMarks = m
        periodMarksBeforeFile = 0
    }

    /// Writes the held lesson rows, in the order they came, and stops holding. Called only
    /// between files or at the merge, never inside a direct file's savepoint: rows of earlier
    /// files written there would be undone with it.
    func releaseLessons() throws {
        guard let held = heldLessons else { return }
        heldLessons = nil
        heldBeforeFile = 0
        for row in held { try lessons.add(row) }
    }

    /// Forgets the held lesson rows: the merge reads none of them (`ImportBatch.lessonRowsUnread`).
    func dropHeldLessons() {
        heldLessons = nil
        heldBeforeFile = 0
    }
}
