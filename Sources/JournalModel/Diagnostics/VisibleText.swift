/// Text from a journal, a rule file or a template made safe to show on a terminal or in a
/// Markdown document: control characters (ESC, BEL, NUL, carriage return, DEL, the C1 range)
/// become their visible Unicode pictures (U+2400…: «␛», «␇»), and the bidirectional overrides
/// that reorder a line (U+202A–U+202E, U+2066–U+2069) become «�». Nothing is dropped silently,
/// and no escape sequence reaches the terminal.
///
///     VisibleText.of("Иванов\u{1B}[31m")   // "Иванов␛[31m"
public enum VisibleText {
    public static func of(_ text: String, keepingLineBreaks: Bool = true) -> String {
        guard needsWork(text, keepingLineBreaks) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            let v = u.value
            switch v {
            case 0x0A where keepingLineBreaks, 0x09:
                out.append(u)
            case 0x00...0x1F:
                out.append(Unicode.Scalar(0x2400 + v) ?? "?")
            case 0x7F:
                out.append("\u{2421}")
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out.append("\u{FFFD}")
            default:
                out.append(u)
            }
        }
        return String(out)
    }

    /// Fast path: most text has no control characters at all.
    private static func needsWork(_ text: String, _ keepingLineBreaks: Bool) -> Bool {
        for b in text.utf8 {
            if b < 0x20 { if b == 0x09 || (b == 0x0A && keepingLineBreaks) { continue }; return true }
            if b == 0x7F || b == 0xC2 || b == 0xE2 { return true }
        }
        return false
    }
}
