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
    /// How many teachers and groups the summary lists by number of findings.
    public var topCount: Int
    /// Marks required per study period at up to 1 hour a week, and above (`oosh14` п. 4.5).
    public var marksRequiredAtOneHour: Int
    public var marksRequiredAbove: Int

    public static let excelMaxRows = 1_048_576

    public init(createdAt: LocalDateTime, pseudonymize: Bool = false, author: String = "zhurnal",
                maxRowsPerSheet: Int = XlsxReportOptions.excelMaxRows, constantMemory: Bool = true,
                topCount: Int = 10, marksRequiredAtOneHour: Int = 3, marksRequiredAbove: Int = 5) {
        precondition((2...XlsxReportOptions.excelMaxRows).contains(maxRowsPerSheet), "maxRowsPerSheet out of range")
        self.createdAt = createdAt
        self.pseudonymize = pseudonymize
        self.author = author
        self.maxRowsPerSheet = maxRowsPerSheet
        self.constantMemory = constantMemory
        self.topCount = topCount
        self.marksRequiredAtOneHour = marksRequiredAtOneHour
        self.marksRequiredAbove = marksRequiredAbove
    }
}
