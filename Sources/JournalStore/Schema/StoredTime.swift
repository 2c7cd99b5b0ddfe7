import JournalModel

/// How a `LocalDateTime` is stored in an INTEGER column: its seconds (institution-local, since
/// 1970-01-01 00:00 — never negative for a journal's dates), or, for an entry known to the day
/// only, `-1 - dayNumber`. Kept in one integer so that the cell table (millions of rows) grows by
/// nothing; the sign tells the two apart. SQL that aggregates timestamps with MAX therefore
/// prefers a timed entry over a day-only one (schema version 2; version 1 had no day-only
/// entries and reads no negative values).
///
///     StoredTime.encode(.dayOnly(LocalDate(year: 2025, month: 9, day: 2)!))   // -20334
enum StoredTime {
    static func encode(_ t: LocalDateTime?) -> Int64? {
        guard let t else { return nil }
        return t.isDayOnly ? -1 - Int64(t.date.dayNumber) : t.seconds
    }

    static func decode(_ v: Int64?) -> LocalDateTime? {
        guard let v else { return nil }
        return v < 0 ? .dayOnly(LocalDate(dayNumber: Int32(truncatingIfNeeded: -1 - v))) : LocalDateTime(seconds: v)
    }
}
