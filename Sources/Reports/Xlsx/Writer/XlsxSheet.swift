import JournalModel
internal import CXlsxWriter

/// One worksheet of an `XlsxWorkbook` (the workbook owns and frees it).
///
/// Every text goes through `CellText.excelSafe` and `worksheet_write_string`, so journal text
/// such as `=SUM(1)` stays text. Rows must be written top to bottom: in constant-memory mode
/// libxlsxwriter drops cells written above the current row, so going back traps.
///
/// Printing: `beginPrint` fixes the printed columns and scale; rows are then counted into pages
/// as they are written (`PageLayout`), `keepTogether` and `newPage` move blocks to a fresh page,
/// and `finishPrint` sets the breaks and the footer «Лист — стр. N из M».
final class XlsxSheet {
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    let name: String
    private let workbookPath: String
    private var currentRow: Int = 0
    /// The format of cells written without one (top-aligned, so a row reads across).
    var defaultFormat: XlsxFormat?
    private var layout: PageLayout?
    private var repeatRows: ClosedRange<Int>?
    private var printColumns = 0
    /// Rows counted into pages so far: rows below this one are not placed yet.
    private var placedUpTo = 0
    private var heights: [Int: Double] = [:]
    private(set) var breaks: [Int] = []

    init(handle: UnsafeMutablePointer<lxw_worksheet>, name: String, workbookPath: String) {
        self.handle = handle
        self.name = name
        self.workbookPath = workbookPath
    }

    private func advance(to row: Int) {
        precondition(row >= currentRow, "rows must be written in order (constant-memory mode)")
        currentRow = row
    }

    private func check(_ err: lxw_error) throws {
        try XlsxReportError.check(err, path: workbookPath)
    }

    /// Writes text as a string cell (never a formula); empty text leaves the cell blank
    /// unless a format is given.
    func text(_ row: Int, _ col: Int, _ value: String?, _ format: XlsxFormat? = nil) throws {
        advance(to: row)
        let safe = CellText.excelSafe(value ?? "")
        let f = format ?? defaultFormat
        if safe.isEmpty {
            if let f = format { try check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(col), f.pointer)) }
            return
        }
        try check(safe.withCString {
            worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(col), $0, f?.pointer)
        })
    }

    func number(_ row: Int, _ col: Int, _ value: Double, _ format: XlsxFormat? = nil) throws {
        advance(to: row)
        try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(col), value, (format ?? defaultFormat)?.pointer))
    }

    func number(_ row: Int, _ col: Int, _ value: Int, _ format: XlsxFormat? = nil) throws {
        try number(row, col, Double(value), format)
    }

    /// A real date cell (sortable and filterable by date in Excel).
    func date(_ row: Int, _ col: Int, _ value: LocalDate, _ format: XlsxFormat) throws {
        advance(to: row)
        let c = value.components
        var dt = lxw_datetime(year: Int32(c.year), month: Int32(c.month), day: Int32(c.day), hour: 0, min: 0, sec: 0)
        try check(worksheet_write_datetime(handle, lxw_row_t(row), lxw_col_t(col), &dt, format.pointer))
    }

    /// A link to a place in the workbook (`'Лист'!A5`) shown as `text`.
    func link(_ row: Int, _ col: Int, to sheet: String, cell: String = "A1", _ text: String, _ format: XlsxFormat) throws {
        advance(to: row)
        let target = "internal:'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!" + cell
        let safe = CellText.excelSafe(text)
        try check(target.withCString { t in
            safe.withCString { s in
                worksheet_write_url_opt(handle, lxw_row_t(row), lxw_col_t(col), t, format.pointer, s, nil)
            }
        })
    }

    /// A row of header cells.
    func header(_ row: Int, _ titles: [String], _ format: XlsxFormat, from col: Int = 0) throws {
        for (i, t) in titles.enumerated() { try text(row, col + i, t, format) }
    }

    func merge(_ row: Int, _ firstCol: Int, _ lastCol: Int, _ value: String, _ format: XlsxFormat?) throws {
        advance(to: row)
        let safe = CellText.excelSafe(value)
        try check(safe.withCString {
            worksheet_merge_range(handle, lxw_row_t(row), lxw_col_t(firstCol), lxw_row_t(row),
                                  lxw_col_t(lastCol), $0, (format ?? defaultFormat)?.pointer)
        })
    }

    /// Sets a row's height; call before writing the row's cells.
    func rowHeight(_ row: Int, _ height: Double) throws {
        advance(to: row)
        place(upTo: row)
        heights[row] = height
        try check(worksheet_set_row(handle, lxw_row_t(row), height, nil))
    }

    func column(_ col: Int, width: Double, _ format: XlsxFormat? = nil) throws {
        try check(worksheet_set_column(handle, lxw_col_t(col), lxw_col_t(col), width, format?.pointer))
    }

    func columns(_ widths: [Double]) throws {
        for (i, w) in widths.enumerated() { try column(i, width: w) }
    }

    func freeze(rows: Int, cols: Int = 0) {
        worksheet_freeze_panes(handle, lxw_row_t(rows), lxw_col_t(cols))
    }

    func autofilter(firstRow: Int, lastRow: Int, lastCol: Int) throws {
        try check(worksheet_autofilter(handle, lxw_row_t(firstRow), 0, lxw_row_t(lastRow), lxw_col_t(lastCol)))
    }

    /// Colours cells of `col` in rows `firstRow...lastRow` whose text equals `value`.
    func highlight(col: Int, firstRow: Int, lastRow: Int, equals value: String, _ format: XlsxFormat) throws {
        guard lastRow >= firstRow else { return }
        let quoted = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try quoted.withCString { q in
            var cf = lxw_conditional_format()
            cf.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
            cf.value_string = UnsafeMutablePointer(mutating: q)
            cf.format = format.pointer
            try check(worksheet_conditional_format_range(handle, lxw_row_t(firstRow), lxw_col_t(col),
                                                         lxw_row_t(lastRow), lxw_col_t(col), &cf))
        }
    }

    // MARK: printing

    /// Fixes what prints: columns `0..<widths.count` (their widths set the scale) and the rows
    /// repeated on every page. Call once, before the first row.
    func beginPrint(columnWidths widths: [Double], repeatRows: ClosedRange<Int>? = nil, repeatHeight: Double = 0) {
        layout = PageLayout(columnWidths: widths, repeatHeight: repeatHeight)
        self.repeatRows = repeatRows
        printColumns = widths.count
    }

    /// Counts rows above `row` into pages.
    private func place(upTo row: Int) {
        guard layout != nil else { return }
        while placedUpTo < row {
            let h = heights.removeValue(forKey: placedUpTo) ?? RowHeight.line
            if layout?.place(height: h) == true { breaks.append(placedUpTo) }
            placedUpTo += 1
        }
    }

    /// Starts a new page at `row` unless `height` points from it fit on the current page.
    func keepTogether(from row: Int, height: Double) {
        place(upTo: row)
        guard let l = layout, l.needsBreak(for: height), breaks.last != row else { return }
        layout?.breakPage()
        breaks.append(row)
    }

    /// Starts a new page at `row`.
    func newPage(at row: Int) {
        place(upTo: row)
        guard row > 0, breaks.last != row, let l = layout else { return }
        if l.needsBreak(for: .infinity) {
            layout?.breakPage()
            breaks.append(row)
        }
    }

    /// Printed pages of the sheet once every row up to `lastRow` is placed.
    func pageCount(lastRow: Int) -> Int {
        place(upTo: lastRow + 1)
        return layout?.pages ?? 1
    }

    /// Landscape A4 at the planned scale, manual page breaks, header rows repeated, pages
    /// numbered from 1 in each sheet: «Нарушения — стр. 3 из 41». Past Excel's 1,023 manual
    /// breaks the sheet fits its width instead and the footer gives the page number alone.
    func finishPrint(lastRow: Int, footerLeft: String) throws {
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9)
        worksheet_set_margins(handle, 0.4, 0.4, 0.6, 0.6)
        worksheet_set_start_page(handle, 1)
        if let r = repeatRows {
            try check(worksheet_repeat_rows(handle, lxw_row_t(r.lowerBound), lxw_row_t(r.upperBound)))
        }
        if printColumns > 0 {
            try check(worksheet_print_area(handle, 0, 0, lxw_row_t(max(0, lastRow)), lxw_col_t(printColumns - 1)))
        }
        let pages = pageCount(lastRow: lastRow)
        var right = CellText.headerFooterSafe(name) + " — стр. &P"
        if let l = layout, breaks.count <= Int(LXW_BREAKS_MAX) {
            worksheet_set_print_scale(handle, UInt16(l.scale))
            if !breaks.isEmpty {
                var rows = breaks.map { lxw_row_t($0) } + [0]
                try check(worksheet_set_h_pagebreaks(handle, &rows))
            }
            right += " из \(pages)"
        } else {
            worksheet_fit_to_pages(handle, 1, 0)
        }
        let footer = "&L" + CellText.headerFooterSafe(footerLeft) + "&R" + right
        try check(footer.withCString { worksheet_set_footer(handle, $0) })
    }

    func insert(_ chart: XlsxChart, row: Int, col: Int, widthScale: Double, heightScale: Double) throws {
        var opt = lxw_chart_options()
        opt.x_scale = widthScale
        opt.y_scale = heightScale
        try check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(col), chart.pointer, &opt))
    }

    func activate() { worksheet_activate(handle) }
}

/// A chart owned by its workbook.
struct XlsxChart {
    let pointer: UnsafeMutablePointer<lxw_chart>

    func title(_ text: String) { text.withCString { chart_title_set_name(pointer, $0) } }

    /// Adds a series whose categories and values are columns of `sheet`, rows `first...last`.
    func addSeries(name: String, sheet: String, categoriesCol: Int, valuesCol: Int,
                   firstRow: Int, lastRow: Int, widthPoints: Float, color: UInt32) {
        guard let s = chart_add_series(pointer, nil, nil) else { preconditionFailure("out of memory") }
        sheet.withCString { sn in
            chart_series_set_categories(s, sn, lxw_row_t(firstRow), lxw_col_t(categoriesCol),
                                        lxw_row_t(lastRow), lxw_col_t(categoriesCol))
            chart_series_set_values(s, sn, lxw_row_t(firstRow), lxw_col_t(valuesCol),
                                    lxw_row_t(lastRow), lxw_col_t(valuesCol))
        }
        name.withCString { chart_series_set_name(s, $0) }
        var line = lxw_chart_line()
        line.color = lxw_color_t(color)
        line.width = widthPoints
        chart_series_set_line(s, &line)
        chart_series_set_marker_type(s, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
        chart_series_set_marker_size(s, 4)
    }

    /// The value axis as a percentage from `min` to 100 % (gridlines every `step`).
    func percentAxis(name: String, min: Double, step: Double) {
        guard let y = pointer.pointee.y_axis else { return }
        chart_axis_set_min(y, min)
        chart_axis_set_max(y, 1)
        chart_axis_set_major_unit(y, step)
        "0%".withCString { chart_axis_set_num_format(y, $0) }
        name.withCString { chart_axis_set_name(y, $0) }
        chart_legend_set_position(pointer, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        chart_show_blanks_as(pointer, UInt8(LXW_CHART_BLANKS_AS_GAP.rawValue))
    }
}
