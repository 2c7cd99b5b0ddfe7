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
    /// Source header → canonical column name.
    public var columnMap: [String: String]
    /// Canonical column → regular expression with one capture, searched in the lines above
    /// the header row.
    public var headerPatterns: [(column: String, pattern: String)]
    /// Canonical column → fixed value for every row.
    public var fixedValues: [String: String]
    public var datePattern: DatePattern?
    public var timestampPattern: DatePattern?
    /// Where the profile came from (a file path or «встроенный»).
    public var source: String

    public init(name: String, layout: Layout, encoding: TextEncoding? = nil, delimiter: UInt8? = nil,
                signature: [String] = [], columnMap: [String: String] = [:],
                headerPatterns: [(column: String, pattern: String)] = [], fixedValues: [String: String] = [:],
                datePattern: DatePattern? = nil, timestampPattern: DatePattern? = nil, source: String = "встроенный") {
        self.name = name
        self.layout = layout
        self.encoding = encoding
        self.delimiter = delimiter
        self.signature = signature
        self.columnMap = columnMap
        self.headerPatterns = headerPatterns
        self.fixedValues = fixedValues
        self.datePattern = datePattern
        self.timestampPattern = timestampPattern
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

/// A date/time pattern written with Russian tokens: `дд.мм.гггг чч:ми`, `гггг-мм-дд`, `дд/мм/гг`.
/// Tokens: дд (day), мм (month), гггг or гг (year), чч (hour), ми (minute), сс (second);
/// anything else must match literally.
public struct DatePattern: Sendable, Equatable {
    enum Token: Equatable { case day, month, year4, year2, hour, minute, second, literal(Character) }
    let tokens: [Token]
    public let text: String

    public init?(_ text: String) {
        var t: [Token] = []
        var s = Substring(text)
        while let c = s.first {
            let two = String(s.prefix(2)), four = String(s.prefix(4))
            if four == "гггг" { t.append(.year4); s = s.dropFirst(4); continue }
            switch two {
            case "дд": t.append(.day)
            case "мм": t.append(.month)
            case "гг": t.append(.year2)
            case "чч": t.append(.hour)
            case "ми": t.append(.minute)
            case "сс": t.append(.second)
            default: t.append(.literal(c)); s = s.dropFirst(); continue
            }
            s = s.dropFirst(2)
        }
        guard t.contains(.day) || t.contains(.hour) else { return nil }
        tokens = t
        self.text = text
    }

    /// Parses `text`; nil if it does not match or names an impossible date/time.
    public func timestamp(_ text: String) -> LocalDateTime? {
        var chars = Substring(text.trimmingSpaces())
        var v: [Token: Int] = [:]
        func number(_ maxDigits: Int) -> Int? {
            let digits = chars.prefix(while: { $0.isASCII && $0.isNumber }).prefix(maxDigits)
            guard !digits.isEmpty, let n = Int(digits) else { return nil }
            chars = chars.dropFirst(digits.count)
            return n
        }
        for tok in tokens {
            switch tok {
            case .literal(let c):
                guard chars.first == c else { return nil }
                chars = chars.dropFirst()
            case .year4: guard let n = number(4) else { return nil }; v[.year4] = n
            case .year2: guard let n = number(2) else { return nil }; v[.year4] = 2000 + n
            default: guard let n = number(2) else { return nil }; v[tok] = n
            }
        }
        guard chars.isEmpty, let y = v[.year4], let m = v[.month], let d = v[.day],
              let date = LocalDate(year: y, month: m, day: d),
              let time = TimeOfDay(hour: v[.hour] ?? 0, minute: v[.minute] ?? 0, second: v[.second] ?? 0)
        else { return nil }
        return LocalDateTime(date: date, time: time)
    }
}

extension DatePattern.Token: Hashable {}
