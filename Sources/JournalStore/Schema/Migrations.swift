/// Versioned schema migrations (`PRAGMA user_version`). Each step runs once, in order, inside
/// one write transaction. Days are `LocalDate.dayNumber`, times seconds since midnight,
/// timestamps `StoredTime` (institution-local seconds; a day-only entry is negative).
enum Migrations {
    static let steps: [String] = [
        // 1: the journal, import batches, findings of the import, change history.
        """
        CREATE TABLE batch(id INTEGER PRIMARY KEY, imported_at TEXT NOT NULL) STRICT;
        CREATE TABLE source_file(
            id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL REFERENCES batch(id),
            path TEXT NOT NULL, sha256 TEXT NOT NULL, profile TEXT NOT NULL, table_name TEXT NOT NULL,
            rows_read INTEGER NOT NULL, accepted INTEGER NOT NULL, rejected INTEGER NOT NULL) STRICT;
        CREATE INDEX source_file_sha ON source_file(sha256);
        CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE period(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
            start_day INTEGER NOT NULL, end_day INTEGER NOT NULL, CHECK (start_day <= end_day)) STRICT;
        CREATE TABLE holiday(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, start_day INTEGER NOT NULL,
            end_day INTEGER NOT NULL, name TEXT NOT NULL, UNIQUE(kind, start_day, end_day)) STRICT;
        CREATE TABLE bell(number INTEGER PRIMARY KEY, start_sec INTEGER NOT NULL, end_sec INTEGER NOT NULL) STRICT;
        CREATE TABLE grp(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, grade INTEGER, curator TEXT) STRICT;
        CREATE TABLE subject(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
        CREATE TABLE teacher(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, position TEXT) STRICT;
        CREATE TABLE student(id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL REFERENCES grp(id),
            name TEXT NOT NULL, code TEXT, subgroup TEXT, enrolled_day INTEGER, left_day INTEGER,
            UNIQUE(group_id, name)) STRICT;
        CREATE TABLE load_item(id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL REFERENCES grp(id),
            subgroup TEXT NOT NULL, subject_id INTEGER NOT NULL REFERENCES subject(id),
            teacher_id INTEGER NOT NULL REFERENCES teacher(id), weekly_hours REAL NOT NULL, year_hours REAL,
            UNIQUE(group_id, subgroup, subject_id, teacher_id)) STRICT;
        CREATE TABLE plan_item(id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL REFERENCES grp(id),
            subject_id INTEGER NOT NULL REFERENCES subject(id), ordinal INTEGER NOT NULL, topic TEXT NOT NULL,
            hours REAL NOT NULL, kind TEXT, planned_day INTEGER, UNIQUE(group_id, subject_id, ordinal)) STRICT;
        CREATE TABLE lesson(id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL REFERENCES grp(id),
            subgroup TEXT NOT NULL, subject_id INTEGER NOT NULL REFERENCES subject(id),
            day INTEGER NOT NULL, number INTEGER NOT NULL,
            start_sec INTEGER, end_sec INTEGER, teacher_id INTEGER REFERENCES teacher(id),
            scheduled_teacher_id INTEGER REFERENCES teacher(id), substitution_at INTEGER, topic TEXT, kind TEXT,
            homework TEXT, recorded_at INTEGER, topic_at INTEGER, homework_at INTEGER,
            entered_by INTEGER REFERENCES teacher(id), first_batch INTEGER NOT NULL REFERENCES batch(id),
            UNIQUE(group_id, subject_id, day, number, subgroup)) STRICT;
        CREATE INDEX lesson_day ON lesson(day);
        CREATE TABLE work_type(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
        CREATE TABLE cell(lesson_id INTEGER NOT NULL REFERENCES lesson(id),
            student_id INTEGER NOT NULL REFERENCES student(id), value TEXT NOT NULL, work_type_id INTEGER REFERENCES work_type(id),
            entered_at INTEGER, entered_by INTEGER REFERENCES teacher(id),
            first_batch INTEGER NOT NULL REFERENCES batch(id), PRIMARY KEY(lesson_id, student_id)) STRICT, WITHOUT ROWID;
        CREATE TABLE period_mark(student_id INTEGER NOT NULL REFERENCES student(id),
            subject_id INTEGER NOT NULL REFERENCES subject(id), period_name TEXT NOT NULL, value TEXT NOT NULL,
            entered_at INTEGER, entered_by INTEGER REFERENCES teacher(id),
            first_batch INTEGER NOT NULL REFERENCES batch(id), PRIMARY KEY(student_id, subject_id, period_name)) STRICT;
        CREATE TABLE change(id INTEGER PRIMARY KEY, target TEXT NOT NULL, lesson_id INTEGER REFERENCES lesson(id),
            student_id INTEGER REFERENCES student(id), subject_id INTEGER REFERENCES subject(id),
            group_id INTEGER REFERENCES grp(id), old_value TEXT, new_value TEXT, placed_at INTEGER,
            changed_at INTEGER, changed_by INTEGER REFERENCES teacher(id),
            batch_id INTEGER NOT NULL REFERENCES batch(id)) STRICT;
        CREATE TABLE import_finding(id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL REFERENCES batch(id),
            kind TEXT NOT NULL, message TEXT NOT NULL, file TEXT, line INTEGER, other_file TEXT, other_line INTEGER) STRICT;
        """,
        // 2: the reason of a change («Причина» of the change log); where entities come from (cells never create what no roster or lesson source
        // declares), rejected rows kept with their file, change history as a set, day-only
        // timestamps (`StoredTime`: negative values, which version 1 cannot read — hence the step).
        // A version-1 import did not record sources; what its rows carry tells: a lesson with any
        // attribute came from a lessons table (cells made bare ones); students with a code,
        // subgroup or dates came from a students table; a group with a curator from a groups
        // table. What cannot be told keeps version 1's behaviour (cells may add to it).
        """
        ALTER TABLE grp ADD COLUMN declared INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE grp ADD COLUMN roster INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE lesson ADD COLUMN declared INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE change ADD COLUMN inferred INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE change ADD COLUMN reason TEXT;
        UPDATE lesson SET declared = 1 WHERE COALESCE(start_sec, end_sec, teacher_id, scheduled_teacher_id, substitution_at, topic,
            kind, homework, recorded_at, topic_at, homework_at, entered_by) IS NOT NULL;
        UPDATE grp SET roster = 2 WHERE EXISTS (SELECT 1 FROM student s WHERE s.group_id = grp.id
            AND COALESCE(s.code, s.subgroup, s.enrolled_day, s.left_day) IS NOT NULL);
        UPDATE grp SET declared = CASE
            WHEN curator IS NOT NULL OR roster = 2 THEN 2
            WHEN EXISTS (SELECT 1 FROM load_item i WHERE i.group_id = grp.id) OR EXISTS (SELECT 1 FROM plan_item i WHERE i.group_id = grp.id)
              OR EXISTS (SELECT 1 FROM lesson l WHERE l.group_id = grp.id AND l.declared = 1) THEN 1
            ELSE 0 END;
        CREATE INDEX change_cell ON change(lesson_id, student_id);
        CREATE TABLE rejection(id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES source_file(id),
            line INTEGER NOT NULL, col INTEGER NOT NULL, reason TEXT NOT NULL, source_line TEXT) STRICT;
        CREATE INDEX rejection_file ON rejection(file_id);
        """,
    ]

    static var latest: Int { steps.count }

    /// Brings the schema to `latest`; throws when the file is newer than this program. The
    /// version is read again under the write lock: two programs opening a new database at once
    /// migrate it once.
    static func migrate(_ db: Database) throws {
        func version() throws -> Int {
            let current = Int(try db.scalar("PRAGMA user_version") ?? 0)
            if current > latest {
                throw StoreError(code: 0, message: "база данных создана более новой версией программы (схема \(current), поддерживается \(latest))", sql: nil)
            }
            return current
        }
        guard try version() < latest else { return }
        try db.execute("BEGIN IMMEDIATE")
        do {
            let current = try version()
            for v in current..<latest { try db.execute(steps[v]) }
            try db.execute("PRAGMA user_version = \(latest)")
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }
}
