import JournalModel

/// Russian typographic quotes: «ёлочки» outside, „лапки“ inside.
///
///     RussianQuotes.quoted("Положение … МАОУ «ООШ № 14»")   // "«Положение … МАОУ „ООШ № 14“»"
///     RussianQuotes.inner("МАОУ «ООШ № 14»")               // "МАОУ „ООШ № 14“"
public enum RussianQuotes {
    /// The text as it must read inside «…»: its own «» become „“ (straight quotes too).
    public static func inner(_ text: String) -> String {
        var out = ""
        var open = true
        for ch in text {
            switch ch {
            case "«": out.append("„")
            case "»": out.append("“")
            case "\"":
                out.append(open ? "„" : "“")
                open.toggle()
            default: out.append(ch)
            }
        }
        return out
    }

    /// «text» with nested quotes made „“; outer «» or "" already around the text are kept once.
    public static func quoted(_ text: String) -> String { "«" + inner(unwrapped(text)) + "»" }

    /// The text without one pair of outer «» or "" around it.
    public static func unwrapped(_ text: String) -> String {
        let t = text.trimmingSpaces()
        guard t.count >= 2, let f = t.first, let l = t.last else { return t }
        if (f == "«" && l == "»") || (f == "\"" && l == "\"") {
            let inner = t.dropFirst().dropLast()
            // «А» и «Б» is two quotations, not one wrapped in quotes.
            if !inner.contains(f == "«" ? "»" : "\"") || balanced(inner) { return String(inner) }
        }
        return t
    }

    private static func balanced(_ s: Substring) -> Bool {
        var depth = 0
        for ch in s {
            if ch == "«" { depth += 1 }
            if ch == "»" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }
}
