internal import CXlsxWriter

/// A cell format described in Swift; `XlsxWorkbook.addFormat` turns it into a libxlsxwriter
/// format.
///
///     CellStyle(bold: true, fill: 0xD9E1F2, wrap: true, border: true)
struct CellStyle {
    var bold = false
    var italic = false
    var fontSize: Double?
    var fontColor: UInt32?
    /// Solid background colour, 0xRRGGBB.
    var fill: UInt32?
    var numberFormat: String?
    var wrap = false
    var border = false
    var alignTop = false
    var alignCenter = false
    var alignRight = false
    var underline = false

    func apply(to f: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(f) }
        if italic { format_set_italic(f) }
        if let s = fontSize { format_set_font_size(f, s) }
        if let c = fontColor { format_set_font_color(f, lxw_color_t(c)) }
        if let c = fill {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, lxw_color_t(c))
        }
        if let n = numberFormat { n.withCString { format_set_num_format(f, $0) } }
        if wrap { format_set_text_wrap(f) }
        if border { format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if alignTop { format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if alignCenter { format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue)) }
        if alignRight { format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
        if underline { format_set_underline(f, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
    }
}

/// The formats every sheet of the report uses, created once per workbook. Everything in a
/// data row is aligned to the top, so a wrapped title and a one-line date read on one line.
struct ReportFormats {
    let title: XlsxFormat
    let label: XlsxFormat
    let header: XlsxFormat
    /// The explanation row above a table's header: what each column counts.
    let columnNote: XlsxFormat
    let sectionTitle: XlsxFormat
    /// Plain text and numbers (the sheets' default format).
    let plain: XlsxFormat
    let wrap: XlsxFormat
    let note: XlsxFormat
    let date: XlsxFormat
    let integer: XlsxFormat
    let decimal: XlsxFormat
    let percent: XlsxFormat
    let link: XlsxFormat
    let linkBold: XlsxFormat
    /// A count that links somewhere (right-aligned like the numbers around it).
    let linkNumber: XlsxFormat
    /// A shortfall of marks the pack found (нарушение: red; замечание: yellow; рекомендация: blue).
    let shortfall: XlsxFormat
    let shortfallRemark: XlsxFormat
    let shortfallRecommendation: XlsxFormat
    /// A student the pack did not judge (grey).
    let notJudged: XlsxFormat
    /// Conditional-format fills by severity: нарушение, замечание, рекомендация.
    let severityViolation: XlsxFormat
    let severityRemark: XlsxFormat
    let severityRecommendation: XlsxFormat
    /// The same fills as cell formats (the per-teacher pages colour the severity directly).
    let severityViolationTop: XlsxFormat
    let severityRemarkTop: XlsxFormat
    let severityRecommendationTop: XlsxFormat
    /// Outcome cells on the summary sheet.
    let outcomeViolated: XlsxFormat
    let outcomePassed: XlsxFormat
    let outcomeNotChecked: XlsxFormat
    /// «новое» in a comparison column.
    let comparisonNew: XlsxFormat

    static let red: UInt32 = 0xFFC7CE, redText: UInt32 = 0x9C0006
    static let yellow: UInt32 = 0xFFEB9C, yellowText: UInt32 = 0x9C5700
    static let green: UInt32 = 0xC6EFCE, greenText: UInt32 = 0x006100
    static let blue: UInt32 = 0xDDEBF7
    static let grey: UInt32 = 0xE7E6E6
    static let linkBlue: UInt32 = 0x0563C1

    init(_ wb: XlsxWorkbook) {
        title = wb.addFormat(CellStyle(bold: true, fontSize: 14, alignTop: true))
        label = wb.addFormat(CellStyle(bold: true, wrap: true, alignTop: true))
        header = wb.addFormat(CellStyle(bold: true, fill: 0xD9E1F2, wrap: true, border: true, alignTop: true))
        columnNote = wb.addFormat(CellStyle(italic: true, fontSize: 9, fontColor: 0x595959, wrap: true, alignTop: true))
        sectionTitle = wb.addFormat(CellStyle(bold: true, fontSize: 12, alignTop: true))
        plain = wb.addFormat(CellStyle(alignTop: true))
        wrap = wb.addFormat(CellStyle(wrap: true, alignTop: true))
        note = wb.addFormat(CellStyle(italic: true, fontColor: 0x595959, alignTop: true))
        date = wb.addFormat(CellStyle(numberFormat: "dd.mm.yyyy", alignTop: true))
        integer = wb.addFormat(CellStyle(numberFormat: "0", alignTop: true))
        decimal = wb.addFormat(CellStyle(numberFormat: "0.0", alignTop: true))
        percent = wb.addFormat(CellStyle(numberFormat: "0.0%", alignTop: true))
        link = wb.addFormat(CellStyle(fontColor: Self.linkBlue, wrap: true, alignTop: true, underline: true))
        linkNumber = wb.addFormat(CellStyle(fontColor: Self.linkBlue, alignTop: true, alignRight: true, underline: true))
        linkBold = wb.addFormat(CellStyle(bold: true, fontColor: Self.linkBlue, wrap: true, alignTop: true, underline: true))
        shortfall = wb.addFormat(CellStyle(bold: true, fontColor: Self.redText, fill: Self.red, numberFormat: "0", alignTop: true))
        shortfallRemark = wb.addFormat(CellStyle(fontColor: Self.yellowText, fill: Self.yellow, numberFormat: "0", alignTop: true))
        shortfallRecommendation = wb.addFormat(CellStyle(fill: Self.blue, numberFormat: "0", alignTop: true))
        notJudged = wb.addFormat(CellStyle(italic: true, fill: Self.grey, numberFormat: "0", alignTop: true))
        severityViolation = wb.addFormat(CellStyle(fontColor: Self.redText, fill: Self.red))
        severityRemark = wb.addFormat(CellStyle(fontColor: Self.yellowText, fill: Self.yellow))
        severityRecommendation = wb.addFormat(CellStyle(fill: Self.blue))
        severityViolationTop = wb.addFormat(CellStyle(fontColor: Self.redText, fill: Self.red, alignTop: true))
        severityRemarkTop = wb.addFormat(CellStyle(fontColor: Self.yellowText, fill: Self.yellow, alignTop: true))
        severityRecommendationTop = wb.addFormat(CellStyle(fill: Self.blue, alignTop: true))
        outcomeViolated = wb.addFormat(CellStyle(bold: true, fontColor: Self.redText, fill: Self.red, wrap: true, alignTop: true))
        outcomePassed = wb.addFormat(CellStyle(fontColor: Self.greenText, fill: Self.green, wrap: true, alignTop: true))
        outcomeNotChecked = wb.addFormat(CellStyle(fill: Self.grey, wrap: true, alignTop: true))
        comparisonNew = wb.addFormat(CellStyle(bold: true, alignTop: true))
    }
}
