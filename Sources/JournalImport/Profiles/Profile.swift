import JournalModel

/// An import profile: how one file layout maps onto a canonical table. Profiles are
/// declarative text files (`templates/import/profiles/*.profile`, format in
/// `templates/import/README.md`); the canonical tables are profiles too (built in).
public struct Profile: Sendable {
    public enum Layout: Sendable, Equatable {
        /// One row per record under a header row.
        case table(CanonicalTable)
        /// The paper-journal grid: month row, day row, one row per student.
        case grid(GridSpec)
    }

    public struct GridSpec: Sendable, Equatable {
        /// Text in the month row's label cell («Месяц»).
        public var monthRowLabel = "Месяц"
        /// Text in the day row's label cell («Число»).
        public var dayRowLabel = "Число"
        /// 1-based column with the student's name.
        public var nameColumn = 2
        /// 1-based first column with marks.
        public var firstDataColumn = 3
    }

    public var name: String
    public var layout: Layout
    /// nil: sniff.
    public var encoding: TextEncoding?
    /// nil: sniff.
    public var delimiter: UInt8?
    /// Header cells that identify the layout (all must be in one of the first rows).
    public var signature: [String]
    /// Which sheets of a workbook the profile reads (`лист = Оценки*`): a name with `*` and `?`;
    /// nil: any sheet, and any text file.
    public var sheetPattern: String?
    /// How the file's columns fill the canonical ones (`[столбцы]`); columns not named here are
    /// read by their canonical names and aliases.
    public var columnRules: [ColumnRule]
    /// Canonical column → regular expression with one capture, searched in the lines above
    /// the header row (`[шапка]`), in the sheet's name (`[имя листа]`) or the file's name
    /// without its extension (`[имя файла]`).
    public var headerPatterns: [(column: String, pattern: String)]
    public var sheetNamePatterns: [(column: String, pattern: String)]
    public var fileNamePatterns: [(column: String, pattern: String)]
    /// Canonical column → fixed value for every row.
    public var fixedValues: [String: String]
    /// Canonical column → what its values mean (`[словарь: Период]`).
    public var valueMaps: [ValueMap]
    public var datePattern: DatePattern?
    public var timestampPattern: DatePattern?
    /// Date/time formats of single columns (`[форматы]`), by canonical column index; they
    /// override `datePattern`/`timestampPattern` for that column.
    public var columnFormats: [DatePattern?]
    /// Where the profile came from (a file path or «встроенный»).
    public var source: String

    public init(name: String, layout: Layout, encoding: TextEncoding? = nil, delimiter: UInt8? = nil,
                signature: [String] = [], columnRules: [ColumnRule] = [],
                headerPatterns: [(column: String, pattern: String)] = [], fixedValues: [String: String] = [:],
                datePattern: DatePattern? = nil, timestampPattern: DatePattern? = nil, source: String = "встроенный") {
        self.name = name
        self.layout = layout
        self.encoding = encoding
        self.delimiter = delimiter
        self.signature = signature
        self.columnRules = columnRules
        self.headerPatterns = headerPatterns
        self.sheetNamePatterns = []
        self.fileNamePatterns = []
        self.fixedValues = fixedValues
        self.valueMaps = []
        self.datePattern = datePattern
        self.timestampPattern = timestampPattern
        self.columnFormats = []
        self.source = source
    }

    /// The built-in profile of a canonical table.
    public static func canonical(_ t: CanonicalTable) -> Profile {
        Profile(name: "канонический: \(t.rawValue)", layout: .table(t))
    }

    /// The canonical table this profile fills (the grid fills several: «отметки» is its main one).
    public var table: CanonicalTable {
        switch layout {
        case .table(let t): t
        case .grid: .marks
        }
    }
}

/// One line of `[столбцы]`: which header(s) of the file fill which canonical column(s).
///
///     Ученик = Обучающийся                               // a header under another name
///     Запись создана = Запись создана; Тема внесена       // one column, two canonical columns
///     Дата выставления + Время выставления = Внесено     // two columns joined by a space
///     Время урока = Начало - Окончание                   // a range split at «-»
public struct ColumnRule: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The header's field fills each target.
        case direct
        /// The headers' fields, joined by a space, fill the one target.
        case join
        /// The header's field, split at the first `separator`, fills the two targets.
        case split(separator: String)
    }

    public var headers: [String]
    public var targets: [String]
    public var kind: Kind
    /// Line of the profile, for messages.
    public var line: Int

    public init(headers: [String], targets: [String], kind: Kind, line: Int) {
        self.headers = headers
        self.targets = targets
        self.kind = kind
        self.line = line
    }
}

extension Profile {
    /// The profile reads sheet `name` (a profile without `лист = …` reads every sheet).
    func reads(sheet name: String?) -> Bool {
        guard let p = sheetPattern else { return true }
        guard let name else { return false }
        return Glob.matches(p, name)
    }
}

/// `*` and `?` wildcards over names, ignoring case and «ё»/«е».
enum Glob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        func fold(_ s: String) -> [Character] { Array(s.lowercased().replacingOccurrences(of: "ё", with: "е")) }
        let p = fold(pattern.trimmingSpaces()), n = fold(name.trimmingSpaces())
        // Iterative wildcard match with backtracking to the last `*`.
        var i = 0, j = 0, star = -1, mark = 0
        while j < n.count {
            if i < p.count, p[i] == "?" || p[i] == n[j] { i += 1; j += 1 }
            else if i < p.count, p[i] == "*" { star = i; mark = j; i += 1 }
            else if star >= 0 { i = star + 1; mark += 1; j = mark }
            else { return false }
        }
        while i < p.count, p[i] == "*" { i += 1 }
        return i == p.count
    }
}
