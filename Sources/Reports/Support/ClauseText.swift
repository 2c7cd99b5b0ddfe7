import Foundation

/// How a clause is cited in reports, memos and command output.
///
///     ClauseText.cited("4.3")          // "п. 4.3"
///     ClauseText.cited("п. 4.3")       // "п. 4.3" (already cited)
///     ClauseText.cited("раздел 5")     // "раздел 5"
public enum ClauseText {
    public static func cited(_ raw: String) -> String {
        let c = raw.trimmingCharacters(in: .whitespaces)
        if c.isEmpty { return "—" }
        if let f = c.first, f.isNumber { return "п. \(c)" }
        return c
    }
}
