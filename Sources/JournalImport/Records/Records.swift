import JournalModel

/// Canonical records: what every import profile turns a file's rows into. Names are kept as
/// text (the store interns them); dates and times are parsed; cell values keep their raw text.
///
/// Every case but `cell` is `indirect` (kept in a box of its own): a record is then the size of
/// a cell record (about 64 bytes) instead of a lesson record's (about 280), and a marks table's
/// hundreds of thousands of cells are copied into and out of the writer's queue
/// (`RecordPipe`) at that size (`memmove` was 5 % of a college folder check's samples, these
/// copies among the largest part; boxed, the two reading threads spend about 0.04 s less). A
/// lesson or a period mark costs one allocation more, a few per cent of the time its row takes.
public enum Record: Sendable {
    indirect case institution(InstitutionRecord)
    indirect case period(PeriodRecord)
    indirect case holiday(HolidayRecord)
    case bell(BellSlot)
    indirect case group(GroupRecord)
    indirect case student(StudentRecord)
    indirect case load(LoadRecord)
    indirect case plan(PlanRecord)
    indirect case lesson(LessonRecord)
    case cell(CellRecord)
    indirect case periodMark(PeriodMarkRecord)
    indirect case change(ChangeRecord)
}

/// A row of the institution table: a parameter and its value, with where the value is and the
/// row as written (to word a refusal about it: `ImportBatch` takes one institution per import).
public struct InstitutionRecord: Sendable {
    public var key: String
    public var value: String
    public var location: SourceLocation
    public var sourceLine: String?
}

public struct PeriodRecord: Sendable {
    public var name: String
    public var kind: StudyPeriod.Kind
    public var start: LocalDate
    public var end: LocalDate
}

public struct HolidayRecord: Sendable {
    /// «каникулы», «праздник» (non-working day) or «рабочий» (moved working day).
    public var kind: String
    public var start: LocalDate
    public var end: LocalDate
    public var name: String
}

public struct GroupRecord: Sendable {
    public var name: String
    public var grade: Int?
    public var curator: String?
}

/// How authoritative a file is about who belongs to a group. A file may add students to a
/// group only when nothing more authoritative lists the group's students: a students table
/// over a grid's rows, a grid over the cells of a marks table or a change log.
public enum RosterSource: Int, Sendable, Comparable {
    /// Cells, period marks or changes: they name students, they do not list them.
    case cells = 0
    /// The rows of a per-class grid.
    case grid = 1
    /// `обучающиеся.csv`.
    case studentsTable = 2

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public struct StudentRecord: Sendable {
    public var group: String
    public var name: String
    public var code: String?
    public var subgroup: String?
    public var enrolled: LocalDate?
    public var left: LocalDate?
    /// Who lists the student (a grid's rows are a weaker roster than a students table).
    public var source: RosterSource = .studentsTable
}

public struct LoadRecord: Sendable {
    public var group: String
    public var subgroup: String?
    public var subject: String
    public var teacher: String
    public var weeklyHours: Double
    public var yearHours: Double?
}

public struct PlanRecord: Sendable {
    public var group: String
    public var subject: String
    public var ordinal: Int
    public var topic: String
    public var hours: Double
    public var lessonKind: String?
    public var plannedDate: LocalDate?
}

/// A lesson as one file describes it; attributes the file lacks are nil.
///
/// `number`: the lesson number (урок №) when positive. A file that has no numbers names the
/// k-th lesson of a date (0-based: a grid's repeated day columns, a topics file's second row
/// of one date) by `-k`; nil is «no number, and which of the day's lessons is not known» —
/// the store counts the file's rows of that date (or reads the bell slot from the start time).
///
/// Its group, subject and teachers are `Name`s of the sink's `NameSymbols`, as a cell's are (a
/// college's lessons table is 90,000 rows naming a few hundred groups, subjects and teachers:
/// a String for each, and hashing it in the store, was a fifth of their time). Topics and
/// homework stay text: the store keeps them as they are.
public struct LessonRecord: Sendable {
    public var group: Name
    public var subgroup: String?
    public var subject: Name
    public var date: LocalDate
    public var number: Int?
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    public var scheduledTeacher: Name?
    public var teacher: Name?
    public var substitutionEnteredAt: LocalDateTime?
    public var topic: String?
    public var lessonKind: String?
    public var homework: String?
    public var recordedAt: LocalDateTime?
    public var topicEnteredAt: LocalDateTime?
    public var homeworkEnteredAt: LocalDateTime?
    public var enteredBy: Name?

    public init(group: Name, subject: Name, date: LocalDate) {
        self.group = group
        self.subject = subject
        self.date = date
    }
}

/// A journal cell as one file describes it. Its texts are `Name`s of the sink's `NameSymbols`
/// (a table of marks has hundreds of thousands of rows: see `Name`).
public struct CellRecord: Sendable {
    public var group: Name
    public var subject: Name
    public var date: LocalDate
    /// As `LessonRecord.number`: positive — the lesson number; `-k` — the k-th unnumbered lesson
    /// of the date in this file (a grid column); nil — not given (the store finds the day's lesson).
    public var number: Int?
    public var student: Name
    /// The value as the teacher typed it (kept verbatim; the rules parse it).
    public var value: Name
    public var workType: Name?
    public var enteredAt: LocalDateTime?
    public var enteredBy: Name?
    /// The subgroup whose lesson the cell belongs to, when the file says so (else the store
    /// resolves it from the lessons and the student's subgroup).
    public var subgroup: Name? = nil
}

/// A period mark as one file gives it. Its group, subject, student and author are `Name`s of
/// the sink's `NameSymbols`, as a cell's are (a college's period marks are 150,000 rows: a
/// String for each student's name, and its hashing in the store, cost a third of their time).
/// The period stays text: the store compares it by bytes.
public struct PeriodMarkRecord: Sendable {
    public var group: Name
    public var subject: Name
    public var student: Name
    public var period: String
    public var value: CellValue
    public var enteredAt: LocalDateTime?
    public var enteredBy: Name?
}

/// A line of an export's own change log.
public struct ChangeRecord: Sendable {
    public var group: String
    public var subject: String
    public var lessonDate: LocalDate?
    public var lessonNumber: Int?
    public var student: String?
    public var target: Change.Target
    public var oldValue: String?
    public var newValue: String?
    public var placedAt: LocalDateTime?
    public var changedAt: LocalDateTime?
    public var changedBy: String?
    /// The subgroup of the lesson, when the file says so (see `CellRecord.subgroup`).
    public var subgroup: String? = nil
    /// Why the value was changed («Причина»), when the log says.
    public var reason: String? = nil
}

/// Receives the records of one import, file by file (the store implements it).
public protocol RecordSink: AnyObject {
    /// Where the texts of cell records are interned (see `CellRecord`).
    var symbols: NameSymbols { get }
    /// Starts a file; returns an id the records of this file are tagged with.
    func beginFile(path: String, profile: String) throws -> Int
    /// One record from `line` of the current file.
    func accept(_ record: Record, line: Int) throws
}
