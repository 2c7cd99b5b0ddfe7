import Foundation
import JournalImport
import JournalModel

/// One import: a transaction on the store. Records of every file are staged (temporary
/// tables), then merged into the journal by `finish`, which also reports duplicates and
/// disagreements between files. Nothing is visible to others until `finish` commits;
/// `rollback` (or a crash, or a kill) leaves the database as it was.
/// Properties read for every cell are `@exclusivity(unchecked)`: see `RecordPipe`.
public final class ImportBatch: RecordSink {
    let db: Database
    public let id: Int64
    let names: NameTables
    /// Where the reader interns the texts of cell records (`RecordSink`).
    public let symbols = NameSymbols()
    let attended: AttendedLessons
    /// Rows accepted by the reader that the store cannot take (a lesson that cannot be told, a
    /// group or student no roster lists), once per line.
    private(set) var storeRejections: [(file: Int64, line: Int, reason: String, column: String)] = []
    var rejectedLines = Set<Int64>()
    /// Files whose lines hold several records (grids): a rejected line unstages the rest of it.
    var gridFiles = Set<Int64>()
    /// Lessons made for numbered cells on days a grid or topics file lists without numbers.
    var provisionalLessons = Set<Int64>()
    let declarations: Declarations
    /// The institution this import's files name (one per import).
    private var institution: OneInstitution
    /// The rejection reason of each unknown group name met (worded once, with a suggestion).
    var unknownGroups: [String: String] = [:]
    /// Set by the session before a grid is read (its rows are a roster, its columns lessons).
    var nextFileIsGrid = false
    /// "group|subject" pairs whose lessons only a grid of this import lists.
    private var gridSourced = Set<String>()
    /// Numbers for lesson rows that have none (bell slot, or the row's place among the day's).
    var unnumbered: UnnumberedLessons
    var files: [String] = []
    /// Per file id, its place in the order the user named the files (the session reads files
    /// that bring cells last).
    private(set) var userOrder: [Int] = []
    /// The place of the next file `beginFile` starts.
    var nextUserPlace = 0
    @exclusivity(unchecked) private(set) var fileID: Int64 = 0
    /// Files that staged cells or lessons: disagreements need at least two.
    @exclusivity(unchecked) var journalFiles = Set<Int64>()
    @exclusivity(unchecked) var cellFiles = Set<Int64>()
    var open = true
    /// The first import of the journal: it runs with a rollback journal (`useRollbackJournal`).
    let rollbackJournal: Bool
    /// The direct path for the next file's cells (`beginDirectCells`), then for that file.
    private var directNext = false
    @exclusivity(unchecked) private(set) var direct: DirectCells?
    /// Receives what a database in memory kept out of its tables (`KeptInMemory`: the cells of
    /// `DirectCells`, the lessons of `NameTables.memoryLessons`, the plan and the period marks
    /// below), once the import has committed.
    var publishKept: ((KeptInMemory) -> Void)?
    /// The plan a first import into a journal in memory keeps out of `plan_item` (`MemoryPlan`).
    private(set) var memoryPlan: MemoryPlan?
    /// The period marks a first import into a journal in memory keeps out of `s_pmark` and
    /// `period_mark` (`MemoryPeriodMarks`).
    private(set) var memoryPeriodMarks: MemoryPeriodMarks?
    /// How many lessons were kept in memory when the direct file began (abandoning it forgets
    /// the ones it made, as its savepoint's rollback would).
    private var lessonsBeforeDirectFile = 0
    private(set) var directAbandoned = false
    /// The journal had no lessons when this import began: a numbered lesson that a lesson row
    /// adds is added with that row's attributes. The merge then finds nothing to write for a
    /// lesson only that row describes (`Merge.mergeLessons` skips a row its update would leave
    /// as it is; growing each row in place moved most of the table), and whatever other rows of
    /// this import describe it, the update gives what it gives a bare row: each attribute is the
    /// largest any row has, this row among them. There are no earlier lessons to compare with
    /// or to pair with; an unnumbered lesson, which pairing may merge into a numbered one, is
    /// still added bare.
    /// Off when the import stages everything (`disableShortcuts`).
    private(set) var describesNewLessons: Bool
    /// Staged lesson rows that did not add their lesson with their own attributes (see
    /// `describesNewLessons`; `Merge.lessonsAsStaged`).
    @exclusivity(unchecked) private(set) var undescribedLessonRows = 0
    /// The file whose lesson rows were staged last (-1: none yet), and whether an earlier file
    /// staged some too (never unset: a file undone may have staged some).
    @exclusivity(unchecked) private var lessonRowFile: Int64 = -1
    /// The last file whose lesson rows room was made for (`expectLessonRows`).
    private var roomMadeFor: Int64 = -1
    @exclusivity(unchecked) private var severalLessonRowFiles = false
    let stageChange: Statement
    let staged: StagedRows
    private let upsertSetting, upsertPeriod, upsertHoliday, upsertBell, upsertGroup, upsertStudent, upsertLoad, upsertPlan: Statement

    /// Starts the import's transaction. Imports into one database are serialised: the write
    /// lock is waited for up to `wait` seconds (another import may be running), then the import
    /// stops with a Russian message, never a raw SQLite one.
    init(db: Database, wait: Double) throws {
        self.db = db
        let empty = try db.scalar("SELECT EXISTS (SELECT 1 FROM batch)") == 0
        // A database in memory keeps its journal in memory whatever is asked (`MemoryStore`).
        let first = empty && !db.isMemory
        rollbackJournal = first
        if first { Self.useRollbackJournal(db) }
        // Another import may begin between here and `BEGIN`: the check at the end reads the
        // whole database, so it still covers every row.
        keysAtEnd = empty && KeysAtEnd.suspend(db)
        db.setBusyTimeout(seconds: wait)
        defer { db.setBusyTimeout(seconds: Database.defaultBusySeconds) }
        do { try db.execute("BEGIN IMMEDIATE") } catch {
            if first { Self.useWAL(db) }
            if keysAtEnd { KeysAtEnd.resume(db) }
            if let e = error as? StoreError, e.isBusy {
                throw ImportFailure(Diagnostic(id: "store.busy", location: nil,
                    message: "база данных «\(db.path)» занята другим импортом: ждали \(Int(wait.rounded())) с, он ещё не закончился; "
                        + "база не изменена — повторите загрузку, когда тот импорт завершится"))
            }
            throw error
        }
        do {
            try db.execute("INSERT INTO batch(imported_at) VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))")
            id = db.lastInsertRowID
            try db.execute(Staging.drop + Staging.create)
            describesNewLessons = try db.scalar("SELECT EXISTS (SELECT 1 FROM lesson)") == 0
            let settings = try db.prepare("SELECT key, value FROM setting")
            var storedName: String?
            while try settings.step() { if OneInstitution.isName(settings.text(0)) { storedName = settings.text(1) } }
            institution = OneInstitution(storedName: storedName, database: db.path)
            names = try NameTables(db: db, batch: id, symbols: symbols)
            names.lessonsComplete = describesNewLessons
            attended = try AttendedLessons(db: db, names: names)
            declarations = try Declarations(db: db)
            unnumbered = try UnnumberedLessons(db: db)
            staged = try StagedRows(db: db)
            if describesNewLessons { staged.holdLessons() }
            if db.isMemory, keysAtEnd, try db.scalar("SELECT EXISTS (SELECT 1 FROM plan_item)") == 0 { memoryPlan = MemoryPlan() }
            if db.isMemory, keysAtEnd, try db.scalar("SELECT EXISTS (SELECT 1 FROM period_mark)") == 0 {
                memoryPeriodMarks = MemoryPeriodMarks(batch: id)
                staged.holdPeriodMarks(in: memoryPeriodMarks)
            }
            stageChange = try db.prepare("INSERT INTO s_change VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
            upsertSetting = try db.prepare("INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            upsertPeriod = try db.prepare("""
                INSERT INTO period(name, kind, start_day, end_day) VALUES (?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, start_day = excluded.start_day, end_day = excluded.end_day
                """)
            upsertHoliday = try db.prepare("""
                INSERT INTO holiday(kind, start_day, end_day, name) VALUES (?, ?, ?, ?)
                ON CONFLICT(kind, start_day, end_day) DO UPDATE SET name = excluded.name
                """)
            upsertBell = try db.prepare("INSERT INTO bell(number, start_sec, end_sec) VALUES (?, ?, ?) ON CONFLICT(number) DO UPDATE SET start_sec = excluded.start_sec, end_sec = excluded.end_sec")
            upsertGroup = try db.prepare("UPDATE grp SET grade = COALESCE(?, grade), curator = COALESCE(?, curator) WHERE id = ?")
            upsertStudent = try db.prepare("""
                UPDATE student SET code = COALESCE(?, code), subgroup = COALESCE(?, subgroup),
                enrolled_day = COALESCE(?, enrolled_day), left_day = COALESCE(?, left_day) WHERE id = ?
                """)
            upsertLoad = try db.prepare("""
                INSERT INTO load_item(group_id, subgroup, subject_id, teacher_id, weekly_hours, year_hours) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(group_id, subgroup, subject_id, teacher_id) DO UPDATE SET weekly_hours = excluded.weekly_hours,
                year_hours = COALESCE(excluded.year_hours, year_hours)
                """)
            upsertPlan = try db.prepare("""
                INSERT INTO plan_item(group_id, subject_id, ordinal, topic, hours, kind, planned_day) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(group_id, subject_id, ordinal) DO UPDATE SET topic = excluded.topic, hours = excluded.hours,
                kind = excluded.kind, planned_day = excluded.planned_day
                """)
        } catch {
            try? db.execute("ROLLBACK")
            if first { Self.useWAL(db) }
            if keysAtEnd { KeysAtEnd.resume(db) }
            throw error
        }
    }

    deinit { if open { rollback() } }

    /// Undoes everything of this import.
    public func rollback() {
        guard open else { return }
        open = false
        try? db.execute("ROLLBACK")
        if rollbackJournal { Self.useWAL(db) }
        if keysAtEnd { KeysAtEnd.resume(db) }
    }

    /// The journal was empty: foreign keys are checked once, before the commit (`KeysAtEnd`).
    let keysAtEnd: Bool

    /// The first import of a journal runs with a rollback journal: the pages it adds are then
    /// written once, straight into the database file, where WAL writes each twice (to the log,
    /// then the checkpoint copies it) — on the college benchmark the commit took 0.40 s in WAL
    /// and 0.13 s so. It is as atomic (a killed import leaves a journal that the next opening
    /// rolls back); `synchronous = FULL` keeps it safe on power loss too. Later imports stay in
    /// WAL: they add less, and a failed one then leaves the file byte for byte as it was (the
    /// switch itself would advance the header's change counter). When another connection holds
    /// the database open, the switch fails and the import runs in WAL, equally correct.
    private static func useRollbackJournal(_ db: Database) {
        try? db.execute("PRAGMA synchronous = FULL; PRAGMA journal_mode = DELETE;")
    }

    /// Back to WAL (readers do not block the next writer) once the import is over.
    static func useWAL(_ db: Database) {
        try? db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
    }

    /// Everything staged and looked up with SQL, no shortcut: the reference that
    /// `DirectPathTests` compares the shortcuts with (`ImportSession.directCells` false).
    func disableShortcuts() {
        describesNewLessons = false
        names.lessonsComplete = false
        try? staged.releaseLessons()   // nothing is held yet: no file has begun
        memoryPlan = nil   // nothing is kept yet either
        memoryPeriodMarks = nil
        staged.holdPeriodMarks(in: nil)
    }

    /// Keeps this import's lessons out of the `lesson` table (`MemoryLessons`): a first import
    /// into a journal in memory, empty, whose one file of cells goes the direct path (the session
    /// knows before the first file). No-op on a file, a journal with lessons or earlier imports,
    /// or the staged reference.
    func useMemoryLessons() {
        // The keys are checked at the end (`KeysAtEnd`, which knows the lessons kept here): enforced
        // row by row, a change naming one of them would be refused.
        guard db.isMemory, keysAtEnd, describesNewLessons, names.lessonsComplete, names.memoryLessons == nil else { return }
        names.memoryLessons = MemoryLessons(batch: id)
    }

    /// Whether the lessons may stay in memory to the end: the merge then reads nothing from the
    /// `lesson` table (see `lessonRowsUnread`; with the cells written directly it merges none, and
    /// it reads the table for provisional lessons, which only unnumbered ones make).
    var lessonsStayInMemory: Bool { lessonRowsUnread && provisionalLessons.isEmpty }

    /// Makes room for about `n` more lesson rows where they will be kept (`RoomFor`).
    private func expectLessonRows(_ n: Int) {
        names.expectLessons(n)
        staged.expectLessons(n)
    }

    /// Writes the lessons kept in memory into the `lesson` table (ids as kept) and keeps no more.
    func writeMemoryLessons() throws {
        guard let m = names.memoryLessons else { return }
        names.memoryLessons = nil
        try m.write(to: db)
    }

    /// Whether the merge reads nothing from this import's lesson rows, so that `s_lesson` can
    /// stay empty (`StagedRows.holdLessons`): every row added its own numbered lesson, with its
    /// attributes, to a journal that had no lessons (`Merge.lessonsAsStaged`: the update is
    /// skipped, and no lesson has two rows, so none repeats another); one file staged them and
    /// at most one file staged cells (`Disagreements` then stops at its first test, which counts
    /// lesson files only up to one and lessons with several rows); and the journal has no
    /// lesson without a number (`LessonPairer`, which reads and moves lesson rows, finds nothing
    /// to pair). Each part, once false, stays false. The first two are what tests show matter
    /// (`HeldLessonRowsTests`, `LoaderPartsTests`); the last two keep the rows wherever the code
    /// that reads them runs, though with the files' phases (lesson tables before cells) no shape
    /// was found where leaving them out would change a result.
    var lessonRowsUnread: Bool {
        describesNewLessons && undescribedLessonRows == 0 && !severalLessonRowFiles && cellFiles.count <= 1
            && !names.addedUnnumberedLesson
    }

    public func beginFile(path: String, profile: String) throws -> Int {
        if !files.isEmpty { try placeHeldMarks() }   // the previous file's (see `UnnumberedMarks`)
        // Between files, outside any savepoint: held lesson rows the merge will read are written.
        if !lessonRowsUnread { try staged.releaseLessons() }
        if !lessonsStayInMemory { try writeMemoryLessons() }
        try staged.flush()   // before a direct file's savepoint (see `StagedRows`)
        staged.markFileStart()
        files.append(path)
        userOrder.append(nextUserPlace)
        fileID = Int64(files.count - 1)
        if nextFileIsGrid { gridFiles.insert(fileID) }
        if directNext {
            directNext = false
            direct = try DirectCells(db: db, batch: id, fileID: fileID, inMemory: db.isMemory)
            lessonsBeforeDirectFile = names.memoryLessons?.count ?? 0
        }
        return files.count - 1
    }

    private func day(_ d: LocalDate?) -> Int64? { d.map { Int64($0.dayNumber) } }
    func ts(_ t: LocalDateTime?) -> Int64? { StoredTime.encode(t) }

    public func accept(_ record: Record, line: Int) throws {
        switch record {
        case .cell(let c):
            try acceptCell(c, line: line)
        case .lesson(var l):
            if roomMadeFor != fileID {
                roomMadeFor = fileID
                expectLessonRows(RoomFor.rows(inFile: files[Int(fileID)]))
            }
            journalFiles.insert(fileID)
            let g = try names.group(l.group)
            try declarations.declare(g, level: 1)
            let subject = try names.subject(l.subject)
            if l.number == nil { l.number = unnumbered.number(of: l, file: fileID, group: g, subject: subject, names: names) }
            // A grid whose class and subject no other file lists lessons of is their source.
            if gridFiles.contains(fileID) {
                let key = "\(g)|\(subject)"
                if !gridSourced.contains(key), try !attended.covers(group: g, subject: subject) { gridSourced.insert(key) }
                if gridSourced.contains(key) { declarations.made[fileID, default: .init()].lessons += 1 }
            }
            let attributes = try LessonAttributes(l, names: names)
            // See `describesNewLessons`.
            let describes = describesNewLessons && (l.number ?? 0) > 0
            let lesson = try names.lesson(group: g, subject: subject, date: l.date, number: l.number, subgroup: l.subgroup, declared: true,
                                          attributes: describes ? attributes : nil)
            if !(describes && names.addedLastLesson) { undescribedLessonRows += 1 }
            if lessonRowFile != fileID {
                if lessonRowFile >= 0 { severalLessonRowFiles = true }
                lessonRowFile = fileID
            }
            attended.noteLesson(group: g, subject: subject, date: l.date, number: l.number, subgroup: l.subgroup, id: lesson,
                                attributes: attributes)
            try staged.add(StagedRows.Lesson(file: fileID, line: Int64(line), lesson: lesson, attributes: attributes))
        case .periodMark(let p):
            try acceptPeriodMark(p, line: line)
        case .change(let c):
            try acceptChange(c, line: line)
        case .institution(let r):
            try institution.note(r)
            try upsertSetting.run([.text(r.key), .text(r.value)])
        case .period(let p):
            try upsertPeriod.run([.text(p.name), .text(p.kind.rawValue), .opt(day(p.start)), .opt(day(p.end))])
            attended.notePeriod(p.start, p.end)
        case .holiday(let h):
            try upsertHoliday.run([.text(h.kind), .opt(day(h.start)), .opt(day(h.end)), .text(h.name)])
        case .bell(let b):
            try upsertBell.run([.int(Int64(b.number)), .int(Int64(b.start.seconds)), .int(Int64(b.end.seconds))])
            unnumbered.noteBell(b)
        case .group(let g):
            let id = try names.group(g.name)
            try names.spell("grp", id, as: g.name)
            try declarations.declare(id, level: 2)
            try upsertGroup.run([.opt(g.grade), .opt(g.curator), .int(id)])
        case .student(let s):
            let g = try names.group(s.group)
            if s.source == .grid {
                // A grid's row adds its student unless a students table lists the group.
                gridFiles.insert(fileID)
                if try names.existingStudent(group: g, name: s.name) == nil {
                    do { try checkNewStudent(group: g, groupName: s.group, source: .grid) } catch let u as Unattached {
                        reject(line: line, reason: u.reason, column: u.column)
                        return
                    }
                    declarations.made[fileID, default: .init()].students += 1
                }
                try declarations.declare(g, level: 1, roster: .grid)
            } else {
                try declarations.declare(g, level: 2, roster: .studentsTable)
            }
            let sid = try names.student(group: g, name: s.name)
            if s.source != .grid { try names.spell("student", sid, as: s.name) }
            attended.noteStudent(sid, subgroup: s.subgroup)
            if s.code != nil || s.subgroup != nil || s.enrolled != nil || s.left != nil {
                try upsertStudent.run([.opt(s.code), .opt(s.subgroup), .opt(day(s.enrolled)), .opt(day(s.left)), .int(sid)])
            }
        case .load(let l):
            let g = try names.group(l.group)
            try declarations.declare(g, level: 1)
            let teacher = try names.teacher(l.teacher)
            if let teacher { try names.spell("teacher", teacher, as: l.teacher) }
            try upsertLoad.run([.int(g), .text(l.subgroup ?? ""), .int(try names.subject(l.subject)),
                                .opt(teacher), .double(l.weeklyHours), .opt(l.yearHours)])
        case .plan(let p):
            let g = try names.group(p.group)
            try declarations.declare(g, level: 1)
            if let m = memoryPlan {
                // A direct file takes cells only: a plan row there gives it up (read again staged,
                // outside its savepoint, where the plan kept here is not undone with it).
                if let d = direct, d.fileID == fileID {
                    directAbandoned = true
                    throw DirectCells.Abandon()
                }
                m.upsert(MemoryPlan.Row(group: g, subject: try names.subject(p.subject), ordinal: Int64(p.ordinal), topic: p.topic,
                                        hours: p.hours, kind: p.lessonKind, plannedDay: day(p.plannedDate)))
                return
            }
            let s = upsertPlan
            s.bindInt(g, at: 1); s.bindInt(try names.subject(p.subject), at: 2); s.bindInt(Int64(p.ordinal), at: 3)
            s.bindText(p.topic, at: 4); s.bindDouble(p.hours, at: 5); s.bindText(p.lessonKind, at: 6)
            s.bindOptInt(day(p.plannedDate), at: 7)
            try s.runBound()
        }
    }

    /// Stages a cell (or writes it directly, see `DirectCells`).
    /// `placed`: a mark without a number on a numbered lesson — its day's only one, or one of
    /// several `UnnumberedMarks` chose (no lesson of its own for the merge to join).
    func stage(_ c: CellRecord, lesson: Int64, student: Int64, line: Int, provisional: Bool, placed: Bool = false) throws {
        if let d = direct, d.fileID == fileID {
            do {
                // A lesson without a number, or one made for a day a grid lists without numbers,
                // may be joined to another by the merge.
                guard (c.number ?? 0) > 0 || placed, !provisional else { throw DirectCells.Abandon() }
                try d.add(lesson: lesson, student: student, value: c.value, names: names,
                          workType: try names.workType(c.workType), enteredAt: StoredTime.encode(c.enteredAt),
                          enteredBy: try names.teacher(c.enteredBy), line: Int64(line))
            } catch let e as DirectCells.Abandon {
                directAbandoned = true
                throw e
            }
            return
        }
        try staged.add(StagedRows.Cell(file: fileID, line: Int64(line), lesson: lesson, student: student, value: names.text(c.value),
                                  workType: try names.workType(c.workType), enteredAt: StoredTime.encode(c.enteredAt),
                                  enteredBy: try names.teacher(c.enteredBy)))
    }

    /// A row the store cannot take: rejected once per line (a grid's line holds many cells).
    func reject(line: Int, reason: String, column: String) {
        guard rejectedLines.insert(fileID << 40 | Int64(line)).inserted else { return }
        storeRejections.append((fileID, line, reason, column))
    }

    /// The next file's cells go straight into `cell` (see `DirectCells`).
    func beginDirectCells() { directNext = true }

    /// Ends the direct file: keeps its cells, or — when it was abandoned — undoes it so that it
    /// can be imported again, staged.
    func endDirectCells() throws {
        guard let d = direct else { directNext = false; return }
        if directAbandoned {
            staged.discard()
            try d.undo()
            // The lessons this file made are undone as the savepoint undid the table's; the
            // others go into the table, where the file's staged reading will look them up.
            names.memoryLessons?.keepFirst(lessonsBeforeDirectFile)
            try writeMemoryLessons()
            names.forgetAll()
            attended.forgetAll()
            storeRejections.removeAll { $0.file == d.fileID }
            rejectedLines = Set(rejectedLines.filter { $0 >> 40 != d.fileID })
            declarations.forgetAll()
            declarations.made[d.fileID] = nil
            provisionalLessons.removeAll()
            files.removeLast()
            userOrder.removeLast()
            cellFiles.remove(d.fileID)
            journalFiles.remove(d.fileID)
            direct = nil
            directAbandoned = false
        } else {
            // The file's marks held for days of several lessons go in with the rest.
            do { try placeHeldMarks(); try d.keep(symbols: symbols) } catch let e as DirectCells.Abandon {
                directAbandoned = true   // the last block: the session undoes the file and stages it
                throw e
            }
        }
    }

    /// Whether the journal has cells already (then the direct path is not taken).
    func hasCells() throws -> Bool { try db.scalar("SELECT EXISTS (SELECT 1 FROM cell)") == 1 }
}
