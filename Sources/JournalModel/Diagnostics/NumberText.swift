/// Whole numbers as Russian text writes them in messages: groups of three digits apart.
///
///     NumberText.grouped(10_485_760)   // "10 485 760"
///     NumberText.grouped(2025)         // "2025" (four digits stay together)
public enum NumberText {
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.count > 4 else { return n < 0 ? "-" + digits : digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(" ") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
