import JournalModel

/// How `XlsxReport.write` renders the workbook.
///
///     var o = XlsxReportOptions(createdAt: LocalDateTime(date: d, time: TimeOfDay(hour: 9, minute: 0)!))
///     o.pseudonymize = true   // «Обучающийся 0007» instead of names
public struct XlsxReportOptions: Sendable {
    /// Replace students' names by stable codes («Обучающийся 0007»), also inside messages.
    public var pseudonymize: Bool
    /// The document's creation time (institution-local); fixed in tests so that the same input
    /// gives the same file.
    public var createdAt: LocalDateTime
    /// The document's author property.
    public var author: String
    /// Rows per worksheet including the header; Excel's limit unless a test splits earlier.
    public var maxRowsPerSheet: Int
    /// Stream rows to disk (libxlsxwriter's constant-memory mode).
    public var constantMemory: Bool
    /// How many teachers and groups the summary ranks.
    public var topCount: Int
    /// An earlier check to compare with (`check --compare прошлый.json`): findings are marked
    /// new or still open and the fixed ones listed.
    public var comparison: Comparison?

    public static let excelMaxRows = 1_048_576

    public init(createdAt: LocalDateTime, pseudonymize: Bool = false, author: String = "zhurnal",
                maxRowsPerSheet: Int = XlsxReportOptions.excelMaxRows, constantMemory: Bool = true,
                topCount: Int = 10, comparison: Comparison? = nil) {
        precondition((2...XlsxReportOptions.excelMaxRows).contains(maxRowsPerSheet), "maxRowsPerSheet out of range")
        self.createdAt = createdAt
        self.pseudonymize = pseudonymize
        self.author = author
        self.maxRowsPerSheet = maxRowsPerSheet
        self.constantMemory = constantMemory
        self.topCount = topCount
        self.comparison = comparison
    }
}
