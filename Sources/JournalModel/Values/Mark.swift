/// A mark (отметка) on the five-point scale, possibly with a "+" or "−" a teacher appended.
///
///     Mark(parsing: "4-")   // Mark(value: 4, modifier: -1)
public struct Mark: Hashable, Sendable, CustomStringConvertible {
    public var value: Int8
    /// -1 for "4-", +1 for "5+", 2 for "5!", 0 otherwise.
    public var modifier: Int8

    public init(value: Int8, modifier: Int8 = 0) {
        self.value = value
        self.modifier = modifier
    }

    /// Accepts "1"…"5" with an optional trailing "+"/"-"/"−"/"!"; nil otherwise.
    public init?(parsing text: Substring) {
        var digits = text
        var modifier: Int8 = 0
        if let last = digits.last {
            if last == "+" { modifier = 1; digits = digits.dropLast() }
            else if last == "-" || last == "−" { modifier = -1; digits = digits.dropLast() }
            else if last == "!" { modifier = 2; digits = digits.dropLast() }
        }
        guard digits.count == 1, let c = digits.first, let v = c.wholeNumberValue, (1...5).contains(v) else {
            return nil
        }
        self.init(value: Int8(v), modifier: modifier)
    }

    /// True for 1 and 2: the unsatisfactory marks.
    public var isUnsatisfactory: Bool { value <= 2 }

    /// «+», «-», «!», or empty.
    public var modifierText: String {
        switch modifier {
        case 1: "+"
        case -1: "-"
        case 2: "!"
        default: ""
        }
    }

    public var description: String { "\(value)\(modifierText)" }
}
