/// Row heights for wrapped text: spreadsheet programs do not grow a row written by
/// libxlsxwriter, so a long title would spill over the next row when printed.
///
///     RowHeight.points(for: [("Короткий", 20), (String(repeating: "а", count: 90), 30)])   // 45
enum RowHeight {
    /// Points per line of the default 11 pt font.
    static let line = 15.0

    /// The height that shows every text in full, given each column's width in characters.
    static func points(for texts: [(String?, Double)], maxLines: Int = 12) -> Double {
        var lines = 1
        for (text, width) in texts {
            guard let text, !text.isEmpty, width > 1 else { continue }
            // A column of width w shows about w characters of the default font per line.
            let perLine = max(1, Int(width * 1.05))
            var n = 0
            for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
                n += max(1, (part.count + perLine - 1) / perLine)
            }
            lines = max(lines, n)
        }
        return Double(min(lines, maxLines)) * line
    }
}
