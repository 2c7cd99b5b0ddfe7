/// What a journal cell (or a period mark) means, parsed without judging the regulation.
/// The teacher's text is always kept in `raw`: nothing typed is lost.
///
///     CellValue(parsing: "н5").kind      // .absenceWithMark
///     CellValue(parsing: "5/4").marks    // [5, 4]
///     CellValue(parsing: "б").kind       // .unrecognized (rules decide)
public struct CellValue: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: UInt8, Sendable, CaseIterable {
        case mark, doubleMark, absence, absenceWithMark, exempt, notAttested, pass, fail, ungraded, unrecognized
        /// One mark with a sign a teacher appended: «4-», «5+», «5!». Whether a regulation
        /// allows it and how it counts is the rule pack's decision, not the parser's.
        case markWithModifier

        /// The name rules and reports use (the language refers to kinds by these words).
        public var ruleName: String {
            switch self {
            case .mark: "отметка"
            case .doubleMark: "двойная"
            case .absence: "н"
            case .absenceWithMark: "н_и_отметка"
            case .exempt: "осв"
            case .notAttested: "н/а"
            case .pass: "зач"
            case .fail: "незач"
            case .ungraded: "безотм"
            case .unrecognized: "нераспознано"
            case .markWithModifier: "отметка_со_знаком"
            }
        }

        /// A phrase for messages: «отметка», «пропуск (н)», …
        public var russianDescription: String {
            switch self {
            case .mark: "отметка"
            case .doubleMark: "двойная отметка"
            case .absence: "пропуск («н»)"
            case .absenceWithMark: "пропуск и отметка в одной клетке"
            case .exempt: "«осв» (освобождён)"
            case .notAttested: "«н/а» (не аттестован)"
            case .pass: "«зач»"
            case .fail: "«незач»"
            case .ungraded: "«безотм»"
            case .unrecognized: "нераспознанное значение"
            case .markWithModifier: "отметка со знаком («4-», «5+»)"
            }
        }
    }

    public var kind: Kind
    public var first: Mark?
    public var second: Mark?
    /// The cell text as the teacher typed it (trimmed of surrounding spaces).
    public var raw: String

    public init(kind: Kind, first: Mark? = nil, second: Mark? = nil, raw: String) {
        self.kind = kind
        self.first = first
        self.second = second
        self.raw = raw
    }

    /// Parses a cell's text; never fails: unknown text becomes `.unrecognized`.
    public init(parsing text: String) {
        self = CellValueParser.parse(text)
    }

    /// The marks the cell holds (0, 1 or 2).
    public var marks: [Mark] {
        switch (first, second) {
        case let (a?, b?): [a, b]
        case let (a?, nil): [a]
        default: []
        }
    }

    /// The sign a teacher appended to a mark («+», «-», «!»), nil when none.
    public var modifier: String? {
        // Not `for m in [first, second]`: that array is made on the heap for every cell a rule
        // about signs asks (a college's 600,000 marks).
        if let m = first, m.modifier != 0 { return m.modifierText }
        if let m = second, m.modifier != 0 { return m.modifierText }
        return nil
    }

    /// True when the cell holds at least one mark.
    public var hasMark: Bool { first != nil }

    /// True when the cell records an absence («н», alone or with a mark).
    public var isAbsence: Bool { kind == .absence || kind == .absenceWithMark }

    public var description: String { raw }
}

/// The parsing behind `CellValue(parsing:)`.
public enum CellValueParser {
    public static func parse(_ text: String) -> CellValue {
        let raw = text.trimmingSpaces()
        let lower = raw.lowercased()
        switch lower {
        case "н": return CellValue(kind: .absence, raw: raw)
        case "осв", "осв.", "освоб", "освобожден", "освобождён": return CellValue(kind: .exempt, raw: raw)
        case "н/а", "на", "н\\а", "н.а.": return CellValue(kind: .notAttested, raw: raw)
        case "зач", "зач.", "зачет", "зачёт": return CellValue(kind: .pass, raw: raw)
        case "незач", "незач.", "незачет", "незачёт", "не зач": return CellValue(kind: .fail, raw: raw)
        case "безотм", "безотм.", "б/о": return CellValue(kind: .ungraded, raw: raw)
        default: break
        }
        let s = lower[...]
        if let m = Mark(parsing: s) { return CellValue(kind: m.modifier == 0 ? .mark : .markWithModifier, first: m, raw: raw) }
        // "5/4" — a double mark.
        if let slash = s.firstIndex(of: "/"),
           let a = Mark(parsing: s[..<slash]), let b = Mark(parsing: s[s.index(after: slash)...]) {
            return CellValue(kind: .doubleMark, first: a, second: b, raw: raw)
        }
        // "н5", "5н", "н 5", "н/5", "н5/4": absence and mark in one cell.
        if s.hasPrefix("н") || s.hasSuffix("н") {
            let rest = (s.hasPrefix("н") ? s.dropFirst() : s.dropLast())
                .drop(while: { $0 == " " || $0 == "/" || $0 == "," })
            let trimmedRest = rest.reversed().drop(while: { $0 == " " || $0 == "/" || $0 == "," }).reversed()
            let r = Substring(String(trimmedRest))
            if let m = Mark(parsing: r) { return CellValue(kind: .absenceWithMark, first: m, raw: raw) }
            if let slash = r.firstIndex(of: "/"),
               let a = Mark(parsing: r[..<slash]), let b = Mark(parsing: r[r.index(after: slash)...]) {
                return CellValue(kind: .absenceWithMark, first: a, second: b, raw: raw)
            }
        }
        return CellValue(kind: .unrecognized, raw: raw)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and non-breaking spaces.
    public func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        guard let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
