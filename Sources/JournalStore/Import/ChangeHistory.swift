/// The change history as a set: exported change logs merged without repeating what is recorded.
extension Merge {
    /// Change logs exported by the journal system itself. The history is a set: a row already
    /// recorded (same cell, same moment, same old and new value) is never recorded again,
    /// whichever import and file bring it — a weekly re-export repeats every earlier row. A
    /// logged row replaces a difference the merge inferred earlier between two snapshots of the
    /// same cell (the log knows when it happened).
    func mergeChanges() throws -> Int {
        guard try db.scalar("SELECT EXISTS (SELECT 1 FROM s_change)") == 1 else { return 0 }
        try db.execute("""
            DELETE FROM change WHERE inferred = 1 AND EXISTS (
              SELECT 1 FROM s_change x WHERE x.lesson_id IS change.lesson_id AND x.student_id IS change.student_id
                 AND x.target = change.target AND x.subject_id IS change.subject_id
                 AND x.old_value IS change.old_value AND x.new_value IS change.new_value);
            """)
        try db.execute("""
            INSERT INTO change(target, lesson_id, student_id, subject_id, group_id, old_value, new_value, placed_at, changed_at, changed_by, reason, batch_id)
            SELECT target, lesson_id, student_id, subject_id, group_id, old_value, new_value, placed_at, changed_at, changed_by, reason, \(batch)
              FROM s_change x
             WHERE x.rowid = (SELECT MIN(y.rowid) FROM s_change y WHERE y.lesson_id IS x.lesson_id AND y.student_id IS x.student_id
                                 AND y.target = x.target AND \(ChangeIdentity.same("y", "x")))
               AND NOT EXISTS (SELECT 1 FROM change h WHERE h.lesson_id IS x.lesson_id AND h.student_id IS x.student_id
                                 AND h.target = x.target AND h.inferred = 0 AND \(ChangeIdentity.same("h", "x")))
             ORDER BY x.file_id, x.line
            """)
        return db.changes
    }
}

/// What makes two change-history rows the same change: the same cell (target, lesson, student,
/// subject, group), the same moment, the same old and new value. Who made it and why (columns
/// an export may or may not carry) are not part of it, so re-exports that add them stay one row.
enum ChangeIdentity {
    /// SQL: rows `a` and `b` are the same change (the caller compares target, lesson, student).
    static func same(_ a: String, _ b: String) -> String {
        ["subject_id", "group_id", "old_value", "new_value", "changed_at"].map { "\(a).\($0) IS \(b).\($0)" }.joined(separator: " AND ")
    }

    /// SQL: an exported log (this import's or one recorded earlier) already has this transition.
    static func logged(_ target: String, lesson: String, student: String, old: String, new: String) -> String {
        """
        (EXISTS (SELECT 1 FROM s_change x WHERE x.lesson_id IS \(lesson) AND x.student_id IS \(student) AND x.target = \(target)
                  AND x.old_value IS \(old) AND x.new_value IS \(new))
         OR EXISTS (SELECT 1 FROM change h WHERE h.lesson_id IS \(lesson) AND h.student_id IS \(student) AND h.target = \(target)
                  AND h.inferred = 0 AND h.old_value IS \(old) AND h.new_value IS \(new)))
        """
    }
}
