/// Text for a cell of a CSV file a user opens in Excel or LibreOffice: a value that begins
/// with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula (and could run
/// one), so it gets a leading apostrophe, which the spreadsheet shows as text and hides.
///
///     SpreadsheetText.inert("=HYPERLINK(\"http://x\")")   // "'=HYPERLINK(\"http://x\")"
///     SpreadsheetText.inert("7б;Алгебра")                // unchanged
public enum SpreadsheetText {
    public static func inert(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }
}
