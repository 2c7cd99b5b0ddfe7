import JournalModel

/// How a date column and a timestamp column read their text, with the profile's formats.
///
///     DateColumn.date("2025-09-02T00:00:00", pattern: nil, zone: .moscow)        // 02.09.2025
///     DateColumn.date("2025-09-01T21:00:00Z", pattern: nil, zone: .moscow)       // 02.09.2025 (midnight in Moscow)
///
/// A date column takes a date, or a date with a time (the time is not part of a lesson's date;
/// an offset is first converted to the institution's time zone, so that midnight exported as
/// UTC stays on its day). A profile's format, when it has one, must match.
enum DateColumn {
    static func date(_ text: String, pattern: DatePattern?, zone: InstitutionTimeZone) -> LocalDate? {
        if let p = pattern {
            guard let t = p.parse(text) else { return nil }
            return t.local.isDayOnly ? t.local.date : zone.local(t).date
        }
        if let d = DateParsing.date(text) { return d }
        return DateParsing.timestamp(text).map { zone.local($0).date }
    }

    /// A timestamp in a profile's format (an offset converted; the date alone is known to the day only).
    static func timestamp(_ text: String, pattern: DatePattern, zone: InstitutionTimeZone) -> LocalDateTime? {
        guard let t = pattern.parse(text) else { return nil }
        return t.local.isDayOnly ? t.local : zone.local(t)
    }
}

extension RowAccess {
    /// The field of column `c` is a workbook cell typed as a date or time: its text is the
    /// reader's (`дд.мм.гггг ЧЧ:ММ`), not the export's, so a profile's format does not apply.
    private func isTyped(_ c: Int) -> Bool {
        guard let i = file.mapping.fieldIndex[c] else { return false }
        return row.isTyped(i)
    }

    /// The format of date column `c`: its own (`[форматы]`), else the profile's; for a typed
    /// cell, the reader's.
    func datePattern(_ c: Int) -> DatePattern? {
        if isTyped(c) { return .typedCell }
        return (c < file.columnFormats.count ? file.columnFormats[c] : nil) ?? file.datePattern
    }

    /// The format of timestamp column `c`: its own, else the profile's; for a typed cell, the
    /// reader's (a date cell without a time is known to the day only).
    func timestampPattern(_ c: Int) -> DatePattern? {
        if isTyped(c) { return .typedCell }
        return (c < file.columnFormats.count ? file.columnFormats[c] : nil) ?? file.timestampPattern
    }

    /// Texts are remembered per file, not per column: not when columns have formats of their
    /// own, nor in a sheet (typed cells skip the format): the same text may mean different
    /// dates there.
    private var rememberTexts: Bool { file.columnFormats.isEmpty && !row.lettered }

    /// `s` as a date (remembered, see `rememberTexts`).
    func parsedDate(_ s: String, pattern: DatePattern?) -> LocalDate? {
        let zone = file.timeZone
        if !rememberTexts { return DateColumn.date(s, pattern: pattern, zone: zone) }
        return file.cache.date(s) { DateColumn.date($0, pattern: pattern, zone: zone) }
    }

    func parsedTimestamp(_ s: String, pattern: DatePattern?) -> LocalDateTime? {
        let zone = file.timeZone
        func parse(_ text: String) -> LocalDateTime? {
            if let p = pattern, let t = DateColumn.timestamp(text, pattern: p, zone: zone) { return t }
            // Besides the profile's own form, every profile takes the unambiguous ones:
            // `дд.мм.гггг ЧЧ:ММ[:СС]`, ISO 8601 with `T`, seconds, `Z` or an offset, or the date
            // alone (day-only). Slashed dates are left to the pattern (01/02 reads both ways).
            if pattern != nil, text.contains("/") { return nil }
            return DateParsing.timestamp(text).map { zone.local($0) }
        }
        if !rememberTexts { return parse(s) }
        return file.cache.timestamp(s, parse: parse)
    }
}
