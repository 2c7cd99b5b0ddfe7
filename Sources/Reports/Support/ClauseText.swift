import Foundation

/// How a clause is cited in reports, memos and command output. «п.» and the number are joined
/// by a no-break space (U+00A0), so a printed memo never ends a line with «п.» and starts the
/// next one with the number.
///
///     ClauseText.cited("4.3")          // "п.\u{00A0}4.3"
///     ClauseText.cited("п. 4.3")       // "п.\u{00A0}4.3" (already cited)
///     ClauseText.cited("пп.3.2, 3.4")  // "пп.\u{00A0}3.2, 3.4"
///     ClauseText.cited("раздел 5")     // "раздел 5"
public enum ClauseText {
    /// The space between «п.» and a clause number.
    public static let space: Character = "\u{00A0}"

    public static func cited(_ raw: String) -> String {
        let c = raw.trimmingCharacters(in: .whitespaces)
        guard let first = c.first else { return "—" }
        if first.isNumber { return "п.\(space)\(c)" }
        for prefix in ["пп.", "п."] {
            guard c.lowercased().hasPrefix(prefix) else { continue }
            let head = c.prefix(prefix.count)
            let number = c.dropFirst(prefix.count).drop { $0.isWhitespace }
            guard let digit = number.first, digit.isNumber else { return c }
            return "\(head)\(space)\(number)"
        }
        return c
    }
}
