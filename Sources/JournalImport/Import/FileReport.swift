import JournalModel

/// The accounting of one imported file: `read == accepted + rejected` always.
public struct FileReport: Sendable {
    public var path: String
    public var profile: String
    public var table: String
    public var encoding: TextEncoding?
    public var delimiter: String
    /// The sheet, for a sheet of a workbook (then `encoding` is nil and `delimiter` empty).
    public var sheet: String?
    public var sha256 = ""
    public var bytes: Int64 = 0
    public var read = 0
    public var accepted = 0
    public var rejected = 0
    /// The first `Rejection.limit` rejections (all of them are counted in `rejected`).
    public var rejections: [Rejection] = []
    /// Set when the same file (by SHA-256) was imported before: nothing of it was written again.
    public var alreadyImportedInBatch: Int?
    /// For a file imported before: the rows that import rejected (kept in the database), for
    /// `--rejects`. Not counted in this import's `rejected`.
    public var earlierRejections: [Rejection] = []
    /// Rows whose mark was written as a decimal («5.0») and read as the mark (`DecimalMark`).
    public var decimalMarks = 0
    /// Canonical column name → field index (0-based) in this file, for a table layout.
    public var fields: [String: Int] = [:]

    public init(path: String, profile: String, table: String, encoding: TextEncoding?, delimiter: String) {
        self.path = path
        self.profile = profile
        self.table = table
        self.encoding = encoding
        self.delimiter = delimiter
    }

    public mutating func reject(_ r: Rejection) {
        rejected += 1
        if rejections.count < Rejection.limit { rejections.append(r) }
    }

    /// Turns an accepted row into a rejected one (a duplicate found after the file was read).
    public mutating func rejectAccepted(_ r: Rejection) {
        accepted -= 1
        reject(r)
    }
}

/// A row that could not be taken, with where and why (Russian).
public struct Rejection: Sendable, Hashable {
    public static let limit = 100_000
    public var location: SourceLocation
    public var reason: String
    public var sourceLine: String?
    /// The canonical column at fault, for a row rejected after its file was read (the store
    /// finds that it repeats a row or names no lesson): `FileImporter.locate` then finds the
    /// row again for its column and text.
    public var column: String?
    /// The field at fault (0-based), for a row rejected while reading: `FileImporter.locate`
    /// then finds where that field starts in the file's own line (quotes counted).
    public var field: Int?

    public init(location: SourceLocation, reason: String, sourceLine: String? = nil, column: String? = nil, field: Int? = nil) {
        self.location = location
        self.reason = reason
        self.sourceLine = sourceLine
        self.column = column
        self.field = field
    }
}

/// Options of one import.
public struct ImportOptions: Sendable {
    /// Timestamps with an offset are converted to this zone.
    public var timeZone: InstitutionTimeZone = .moscow
    /// A value longer than this many characters rejects its row (as many as an Excel cell holds;
    /// a guard against a broken file swallowing megabytes). Stated in the README.
    public var maxFieldCharacters = 32_767
    /// The folders profiles were searched in, for the hint of a file no profile reads.
    public var profileDirectories: [String] = []
    public init() {}
}
