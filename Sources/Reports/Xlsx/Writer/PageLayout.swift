/// Where a sheet's printed pages break, worked out while its rows are written, so that the
/// footer can say «стр. N из M» for the sheet itself and blocks (a chart, a table's head with
/// its first rows) never split.
///
/// The sheet prints landscape on A4 at a fixed scale that fits its print columns to the page
/// width; every row's height is known (set by the writer, else the default 15 pt), so pages
/// are filled row by row and a manual break is set before the first row that does not fit.
///
///     var p = PageLayout(columnWidths: [20, 40, 12], repeatHeight: 30)
///     p.place(height: 15)            // false: fits on the current page
struct PageLayout {
    /// A4 landscape (841.89 × 595.28 pt) less the margins the sheets set (0.4 in left and
    /// right, 0.6 in top and bottom).
    static let printableWidth = 841.89 - 2 * 0.4 * 72
    static let printableHeight = 595.28 - 2 * 0.6 * 72
    /// Spreadsheet programs differ by a few per cent in how they lay text out.
    static let safety = 0.96

    /// Print scale in per cent (10…100).
    let scale: Int
    /// Unscaled points of rows a page holds.
    let capacity: Double
    /// Height of the rows repeated at the top of every page after the first.
    var repeatHeight: Double
    /// Height used on the current page.
    private(set) var used = 0.0
    /// Pages so far (the current one included).
    private(set) var pages = 1

    init(columnWidths: [Double], repeatHeight: Double = 0) {
        let width = columnWidths.reduce(0) { $0 + max(TextWidth.columnPoints($1), TextWidth.printedColumnPoints($1)) }
        let fit = width > 0 ? PageLayout.printableWidth / width * 100 * 0.98 : 100
        scale = max(10, min(100, Int(fit.rounded(.down))))
        capacity = PageLayout.printableHeight / (Double(scale) / 100) * PageLayout.safety
        self.repeatHeight = repeatHeight
    }

    /// Adds a row of `height`; true when it starts a new page (a break goes before it).
    mutating func place(height: Double) -> Bool {
        if used > 0 && used + height > capacity && used > repeatHeight {
            pages += 1
            used = repeatHeight + height
            return true
        }
        used += height
        return false
    }

    /// True when `height` more points do not fit on the current page (and the page is not empty).
    func needsBreak(for height: Double) -> Bool {
        used + height > capacity && used > repeatHeight
    }

    /// Starts a new page before the next row.
    mutating func breakPage() {
        guard used > repeatHeight else { return }
        pages += 1
        used = repeatHeight
    }
}
