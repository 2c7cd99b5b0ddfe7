/// Temporary tables an import stages records in before the merge (TEMP: never in the file).
enum Staging {
    static let create = """
        CREATE TEMP TABLE s_lesson(file_id INTEGER NOT NULL, line INTEGER NOT NULL, lesson_id INTEGER NOT NULL,
            start_sec INTEGER, end_sec INTEGER, scheduled_teacher_id INTEGER, teacher_id INTEGER, substitution_at INTEGER,
            topic TEXT, kind TEXT, homework TEXT, recorded_at INTEGER, topic_at INTEGER, homework_at INTEGER, entered_by INTEGER);
        CREATE TEMP TABLE s_cell(file_id INTEGER NOT NULL, line INTEGER NOT NULL, lesson_id INTEGER NOT NULL,
            student_id INTEGER NOT NULL, value TEXT NOT NULL, work_type_id INTEGER, entered_at INTEGER, entered_by INTEGER,
            PRIMARY KEY (lesson_id, student_id, file_id, line)) WITHOUT ROWID;
        CREATE TEMP TABLE s_pmark(file_id INTEGER NOT NULL, line INTEGER NOT NULL, student_id INTEGER NOT NULL,
            subject_id INTEGER NOT NULL, period TEXT NOT NULL, value TEXT NOT NULL, entered_at INTEGER, entered_by INTEGER);
        CREATE TEMP TABLE s_change(file_id INTEGER NOT NULL, line INTEGER NOT NULL, target TEXT NOT NULL, lesson_id INTEGER,
            student_id INTEGER, subject_id INTEGER, group_id INTEGER, old_value TEXT, new_value TEXT, placed_at INTEGER,
            changed_at INTEGER, changed_by INTEGER, reason TEXT);
        CREATE TEMP TABLE s_clesson(file_id INTEGER NOT NULL, lesson_id INTEGER NOT NULL, first_line INTEGER NOT NULL,
            n INTEGER NOT NULL);
        """
    static let drop = """
        DROP TABLE IF EXISTS temp.s_lesson; DROP TABLE IF EXISTS temp.s_cell; DROP TABLE IF EXISTS temp.s_pmark;
        DROP TABLE IF EXISTS temp.s_change; DROP TABLE IF EXISTS temp.s_remap; DROP TABLE IF EXISTS temp.s_cov;
        DROP TABLE IF EXISTS temp.s_lcov; DROP TABLE IF EXISTS temp.s_lagg; DROP TABLE IF EXISTS temp.s_pick;
        DROP TABLE IF EXISTS temp.s_clesson; DROP TABLE IF EXISTS temp.s_lmulti;
        """
}
