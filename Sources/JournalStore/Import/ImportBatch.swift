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
    /// Rows accepted by the reader that the store cannot take (a lesson that cannot be told).
    private var storeRejections: [(file: Int64, line: Int, reason: String, column: String)] = []
    var files: [String] = []
    /// Per file id, its place in the order the user named the files (the session reads files
    /// that bring cells last).
    private(set) var userOrder: [Int] = []
    /// The place of the next file `beginFile` starts.
    var nextUserPlace = 0
    @exclusivity(unchecked) private var fileID: Int64 = 0
    /// Files that staged cells or lessons: disagreements need at least two.
    @exclusivity(unchecked) private var journalFiles = Set<Int64>()
    @exclusivity(unchecked) private var cellFiles = Set<Int64>()
    private var open = true
    /// The first import of the journal: it runs with a rollback journal (`useRollbackJournal`).
    private let rollbackJournal: Bool
    /// The direct path for the next file's cells (`beginDirectCells`), then for that file.
    private var directNext = false
    @exclusivity(unchecked) private(set) var direct: DirectCells?
    private(set) var directAbandoned = false
    private let stageLesson, stageCell, stagePeriodMark, stageChange: Statement
    private let upsertSetting, upsertPeriod, upsertHoliday, upsertBell, upsertGroup, upsertStudent, upsertLoad, upsertPlan: Statement

    init(db: Database) throws {
        self.db = db
        let first = try db.scalar("SELECT EXISTS (SELECT 1 FROM batch)") == 0
        rollbackJournal = first
        if first { Self.useRollbackJournal(db) }
        do { try db.execute("BEGIN IMMEDIATE") } catch {
            if first { Self.useWAL(db) }
            throw error
        }
        do {
            try db.execute("INSERT INTO batch(imported_at) VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))")
            id = db.lastInsertRowID
            try db.execute(Staging.drop + Staging.create)
            names = try NameTables(db: db, batch: id, symbols: symbols)
            attended = try AttendedLessons(db: db, names: names)
            stageLesson = try db.prepare("INSERT INTO s_lesson VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            // A grid that repeats a date column gives the same cell twice on one line: kept once.
            stageCell = try db.prepare("INSERT OR IGNORE INTO s_cell VALUES (?,?,?,?,?,?,?,?)")
            stagePeriodMark = try db.prepare("INSERT INTO s_pmark VALUES (?,?,?,?,?,?,?,?)")
            stageChange = try db.prepare("INSERT INTO s_change VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
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
    }

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
    private static func useWAL(_ db: Database) {
        try? db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
    }

    public func beginFile(path: String, profile: String) throws -> Int {
        files.append(path)
        userOrder.append(nextUserPlace)
        fileID = Int64(files.count - 1)
        if directNext {
            directNext = false
            direct = try DirectCells(db: db, batch: id, fileID: fileID)
        }
        return files.count - 1
    }

    private func day(_ d: LocalDate?) -> Int64? { d.map { Int64($0.dayNumber) } }
    private func ts(_ t: LocalDateTime?) -> Int64? { t?.seconds }

    public func accept(_ record: Record, line: Int) throws {
        switch record {
        case .cell(let c):
            if !cellFiles.contains(fileID) { cellFiles.insert(fileID); journalFiles.insert(fileID) }
            let g = try names.group(c.group)
            let subject = try names.subject(c.subject)
            let known = try names.existingStudent(group: g, name: c.student)
            let lesson: Int64
            switch try attended.lesson(group: g, groupName: names.text(c.group), subject: subject, subjectName: names.text(c.subject),
                                       date: c.date, number: c.number, subgroup: c.subgroup.map { names.text($0) },
                                       student: known.map { .known($0) } ?? .unknown) {
            case .lesson(let id): lesson = id
            case .rejected(let reason, let column):
                storeRejections.append((fileID, line, reason, column))
                return
            }
            // Created only now: a rejected row must not add a student (who would then lack marks).
            let student = try known ?? names.student(group: g, name: c.student)
            let value = names.text(c.value)
            if let d = direct, d.fileID == fileID {
                do {
                    // A lesson without a number may be joined to a numbered one by the merge.
                    guard (c.number ?? 0) > 0 else { throw DirectCells.Abandon() }
                    try d.add(lesson: lesson, student: student, value: value,
                              workType: try names.workType(c.workType), enteredAt: c.enteredAt?.seconds,
                              enteredBy: try names.teacher(c.enteredBy), line: Int64(line))
                } catch let e as DirectCells.Abandon {
                    directAbandoned = true
                    throw e
                }
                return
            }
            let s = stageCell
            s.reset()
            s.bindInt(fileID, at: 1); s.bindInt(Int64(line), at: 2); s.bindInt(lesson, at: 3)
            s.bindInt(student, at: 4)
            s.bindText(value, at: 5); s.bindOptInt(try names.workType(c.workType), at: 6)
            s.bindOptInt(c.enteredAt?.seconds, at: 7); s.bindOptInt(try names.teacher(c.enteredBy), at: 8)
            try s.step()
        case .lesson(let l):
            journalFiles.insert(fileID)
            let g = try names.group(l.group)
            let subject = try names.subject(l.subject)
            let lesson = try names.lesson(group: g, subject: subject, date: l.date, number: l.number, subgroup: l.subgroup)
            attended.noteLesson(group: g, subject: subject, date: l.date, number: l.number, subgroup: l.subgroup, id: lesson)
            try stageLesson.run([.int(fileID), .int(Int64(line)), .int(lesson), .opt(l.start.map { Int($0.seconds) }),
                                 .opt(l.end.map { Int($0.seconds) }), .opt(try names.teacher(l.scheduledTeacher)),
                                 .opt(try names.teacher(l.teacher)), .opt(ts(l.substitutionEnteredAt)), .opt(l.topic),
                                 .opt(l.lessonKind), .opt(l.homework), .opt(ts(l.recordedAt)), .opt(ts(l.topicEnteredAt)),
                                 .opt(ts(l.homeworkEnteredAt)), .opt(try names.teacher(l.enteredBy))])
        case .periodMark(let p):
            let g = try names.group(p.group)
            try stagePeriodMark.run([.int(fileID), .int(Int64(line)), .int(try names.student(group: g, name: p.student)),
                                     .int(try names.subject(p.subject)), .text(p.period), .text(p.value.raw),
                                     .opt(ts(p.enteredAt)), .opt(try names.teacher(p.enteredBy))])
        case .change(let c):
            let g = try names.group(c.group)
            let subj = try names.subject(c.subject)
            let known = try c.student.flatMap { try names.existingStudent(group: g, name: $0) }
            let ref: AttendedLessons.StudentRef = c.student == nil ? .none : known.map { .known($0) } ?? .unknown
            var lesson: Int64?
            if let date = c.lessonDate {
                switch try attended.lesson(group: g, groupName: c.group, subject: subj, subjectName: c.subject, date: date,
                                           number: c.lessonNumber, subgroup: c.subgroup, student: ref) {
                case .lesson(let id): lesson = id
                case .rejected(let reason, let column):
                    storeRejections.append((fileID, line, reason, column))
                    return
                }
            }
            let student = try c.student.map { try known ?? names.student(group: g, name: $0) }
            try stageChange.run([.int(fileID), .int(Int64(line)), .text(c.target.rawValue), .opt(lesson), .opt(student), .int(subj),
                                 .int(g), .opt(c.oldValue), .opt(c.newValue), .opt(ts(c.placedAt)), .opt(ts(c.changedAt)),
                                 .opt(try names.teacher(c.changedBy))])
        case .institution(let key, let value):
            try upsertSetting.run([.text(key), .text(value)])
        case .period(let p):
            try upsertPeriod.run([.text(p.name), .text(p.kind.rawValue), .opt(day(p.start)), .opt(day(p.end))])
        case .holiday(let h):
            try upsertHoliday.run([.text(h.kind), .opt(day(h.start)), .opt(day(h.end)), .text(h.name)])
        case .bell(let b):
            try upsertBell.run([.int(Int64(b.number)), .int(Int64(b.start.seconds)), .int(Int64(b.end.seconds))])
        case .group(let g):
            try upsertGroup.run([.opt(g.grade), .opt(g.curator), .int(try names.group(g.name))])
        case .student(let s):
            let sid = try names.student(group: try names.group(s.group), name: s.name)
            attended.noteStudent(sid, subgroup: s.subgroup)
            if s.code != nil || s.subgroup != nil || s.enrolled != nil || s.left != nil {
                try upsertStudent.run([.opt(s.code), .opt(s.subgroup), .opt(day(s.enrolled)), .opt(day(s.left)), .int(sid)])
            }
        case .load(let l):
            try upsertLoad.run([.int(try names.group(l.group)), .text(l.subgroup ?? ""), .int(try names.subject(l.subject)),
                                .opt(try names.teacher(l.teacher)), .double(l.weeklyHours), .opt(l.yearHours)])
        case .plan(let p):
            try upsertPlan.run([.int(try names.group(p.group)), .int(try names.subject(p.subject)), .int(Int64(p.ordinal)),
                                .text(p.topic), .double(p.hours), .opt(p.lessonKind), .opt(day(p.plannedDate))])
        }
    }

    /// The next file's cells go straight into `cell` (see `DirectCells`).
    func beginDirectCells() { directNext = true }

    /// Ends the direct file: keeps its cells, or — when it was abandoned — undoes it so that it
    /// can be imported again, staged.
    func endDirectCells() throws {
        guard let d = direct else { directNext = false; return }
        if directAbandoned {
            try d.undo()
            names.forgetAll()
            attended.forgetAll()
            storeRejections.removeAll { $0.file == d.fileID }
            files.removeLast()
            userOrder.removeLast()
            cellFiles.remove(d.fileID)
            journalFiles.remove(d.fileID)
            direct = nil
            directAbandoned = false
        } else {
            do { try d.keep() } catch let e as DirectCells.Abandon {
                directAbandoned = true   // the last block: the session undoes the file and stages it
                throw e
            }
        }
    }

    /// Whether the journal has cells already (then the direct path is not taken).
    func hasCells() throws -> Bool { try db.scalar("SELECT EXISTS (SELECT 1 FROM cell)") == 1 }

    /// Merges the staged records, records the files' accounting, commits. Adjusts `reports`
    /// for duplicate rows found only now, and returns the disagreements between files.
    public func finish(reports: inout [FileReport]) throws -> MergeOutcome {
        precondition(open, "import batch already finished")
        do {
            let merge = Merge(db: db, batch: id, files: files,
                              severalFiles: journalFiles.count > 1, severalCellFiles: cellFiles.count > 1, directCells: direct,
                              userOrder: userOrder)
            var outcome = try merge.run()
            outcome.unlinkedPeriods = try unlinkedPeriods()
            for r in storeRejections {
                reports[Int(r.file)].rejectAccepted(Rejection(location: SourceLocation(file: files[Int(r.file)], line: r.line, column: 1),
                                                              reason: r.reason, column: r.column))
            }
            for d in outcome.duplicates {
                reports[d.file].rejectAccepted(Rejection(location: SourceLocation(file: files[d.file], line: d.line, column: 1),
                                                         reason: d.reason, column: d.column))
            }
            let addFile = try db.prepare("""
                INSERT INTO source_file(batch_id, path, sha256, profile, table_name, rows_read, accepted, rejected)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for r in reports where r.alreadyImportedInBatch == nil {
                try addFile.run([.int(id), .text(r.path), .text(r.sha256), .text(r.profile), .text(r.table),
                                 .int(Int64(r.read)), .int(Int64(r.accepted)), .int(Int64(r.rejected))])
            }
            // The staging tables are left to the connection's end (dropping them page by page
            // costs more than the temporary file's removal); a next import drops them first.
            var timer = PhaseTimer()
            try db.execute("COMMIT")
            timer.mark("COMMIT")
            open = false
            if rollbackJournal { Self.useWAL(db) }
            return outcome
        } catch {
            rollback()
            throw error
        }
    }
}
