import JournalModel

/// What every data row of one table in a file is read with, fixed once its header is found:
/// the columns' mapping, the date formats of its profile, the import's options and the file's
/// parse cache. One object per file, so a row's `RowAccess` holds a single reference; it used to
/// copy the profile, the mapping and the options for every row — a retain and a release of each
/// of their arrays and texts, a quarter of the reading thread's CPU on the college folder
/// (2.16 → 1.63 s).
final class RowContext {
    let mapping: TableMapping
    /// Per canonical column, its own date format (`[форматы]`), if any.
    let columnFormats: [DatePattern?]
    /// The profile's formats of dates and of timestamps (nil: the usual forms).
    let datePattern: DatePattern?
    let timestampPattern: DatePattern?
    let timeZone: InstitutionTimeZone
    let maxFieldCharacters: Int
    let cache: ParseCache

    init(mapping: TableMapping, profile: Profile, options: ImportOptions, cache: ParseCache) {
        self.mapping = mapping
        columnFormats = profile.columnFormats
        datePattern = profile.datePattern
        timestampPattern = profile.timestampPattern
        timeZone = options.timeZone
        maxFieldCharacters = options.maxFieldCharacters
        self.cache = cache
    }
}
