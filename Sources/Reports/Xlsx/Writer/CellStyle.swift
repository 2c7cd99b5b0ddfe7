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
    }
}

/// The formats every sheet of the report uses, created once per workbook.
struct ReportFormats {
    let title: XlsxFormat
    let label: XlsxFormat
    let header: XlsxFormat
    let sectionTitle: XlsxFormat
    let wrap: XlsxFormat
    let note: XlsxFormat
    let date: XlsxFormat
    let integer: XlsxFormat
    let decimal: XlsxFormat
    let percent: XlsxFormat
    /// A shortfall of marks in a completed period (red).
    let shortfall: XlsxFormat
    /// A shortfall in a period the check covered only in part (yellow).
    let shortfallPartial: XlsxFormat
    /// Conditional-format fills by severity: нарушение, замечание, рекомендация.
    let severityViolation: XlsxFormat
    let severityRemark: XlsxFormat
    let severityRecommendation: XlsxFormat
    /// Outcome cells on the summary sheet.
    let outcomeViolated: XlsxFormat
    let outcomePassed: XlsxFormat
    let outcomeNotChecked: XlsxFormat

    static let red: UInt32 = 0xFFC7CE, redText: UInt32 = 0x9C0006
    static let yellow: UInt32 = 0xFFEB9C, yellowText: UInt32 = 0x9C5700
    static let green: UInt32 = 0xC6EFCE, greenText: UInt32 = 0x006100
    static let blue: UInt32 = 0xDDEBF7
    static let grey: UInt32 = 0xE7E6E6

    init(_ wb: XlsxWorkbook) {
        title = wb.addFormat(CellStyle(bold: true, fontSize: 14))
        label = wb.addFormat(CellStyle(bold: true, alignTop: true))
        header = wb.addFormat(CellStyle(bold: true, fill: 0xD9E1F2, wrap: true, border: true, alignTop: true))
        sectionTitle = wb.addFormat(CellStyle(bold: true, fontSize: 12))
        wrap = wb.addFormat(CellStyle(wrap: true, alignTop: true))
        note = wb.addFormat(CellStyle(italic: true, fontColor: 0x595959))
        date = wb.addFormat(CellStyle(numberFormat: "dd.mm.yyyy"))
        integer = wb.addFormat(CellStyle(numberFormat: "0"))
        decimal = wb.addFormat(CellStyle(numberFormat: "0.0"))
        percent = wb.addFormat(CellStyle(numberFormat: "0.0%"))
        shortfall = wb.addFormat(CellStyle(bold: true, fontColor: Self.redText, fill: Self.red, numberFormat: "0"))
        shortfallPartial = wb.addFormat(CellStyle(fontColor: Self.yellowText, fill: Self.yellow, numberFormat: "0"))
        severityViolation = wb.addFormat(CellStyle(fontColor: Self.redText, fill: Self.red))
        severityRemark = wb.addFormat(CellStyle(fontColor: Self.yellowText, fill: Self.yellow))
        severityRecommendation = wb.addFormat(CellStyle(fill: Self.blue))
        outcomeViolated = wb.addFormat(CellStyle(bold: true, fontColor: Self.redText, fill: Self.red))
        outcomePassed = wb.addFormat(CellStyle(fontColor: Self.greenText, fill: Self.green))
        outcomeNotChecked = wb.addFormat(CellStyle(fill: Self.grey))
    }
}
