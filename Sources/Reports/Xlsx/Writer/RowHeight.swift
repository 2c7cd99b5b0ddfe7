/// Row heights for wrapped text: spreadsheet programs do not grow a row written by
/// libxlsxwriter, so a long title would spill over the next row when printed. Each text is
/// wrapped by the font's real widths (`TextWidth`), so the row is as tall as its longest cell.
///
///     RowHeight.points(for: [("Короткий", 20), (String(repeating: "слово ", count: 30), 30)])   // 90
enum RowHeight {
    /// Points per line of the default 11 pt font.
    static let line = 15.0

    /// The height that shows every text in full, given each column's width in characters.
    static func points(for texts: [(String?, Double)], maxLines: Int = 40, size: Double = 11, bold: Bool = false) -> Double {
        var lines = 1
        for (text, width) in texts {
            guard let text, !text.isEmpty, width > 1 else { continue }
            lines = max(lines, TextWidth.lines(text, columnWidth: width, size: size, bold: bold))
        }
        let perLine = size <= 11 ? line : line * size / 11
        return Double(min(lines, maxLines)) * perLine
    }
}
