/// WordprocessingML for the blocks of a rendered template: A4, margins 30/15/20/20 mm,
/// Times New Roman 14 pt (tables 12 pt), body paragraphs justified with a 1.25 cm indent and
/// 1.15 line spacing — the layout of ГОСТ Р 7.0.97-2016 for organisational documents.
enum DocxXML {
    static let pageWidth = 11906, pageHeight = 16838            // A4 in twips
    static let marginLeft = 1701, marginRight = 850             // 30 mm, 15 mm
    static let marginTop = 1134, marginBottom = 1134            // 20 mm
    static let textWidth = pageWidth - marginLeft - marginRight // 9355 twips = 165 mm
    static let addresseeWidth = 4536                            // 80 mm block on the right
    static let firstLineIndent = 709                            // 1.25 cm
    static let bodyLine = 276                                   // 1.15 lines
    static let tableFontHalfPoints = 24                         // 12 pt

    static let wNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let rNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Page numbers in the header, centred, from the second page on (ГОСТ Р 7.0.97-2016, п. 6.4):
    /// the section has a title page (`titlePg`) with no first-page header.
    static let header = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:hdr xmlns:w="\(wNamespace)"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
    <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
    <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
    </w:p></w:hdr>
    """

    static func document(_ blocks: [DocxMarkup.Block]) -> String {
        var body = ""
        for (i, b) in blocks.enumerated() {
            switch b {
            case .paragraph(let p):
                let beforeTable: Bool = if i + 1 < blocks.count, case .table = blocks[i + 1] { true } else { false }
                // A bold heading from the left margin («Выводы», «Рекомендации») stays with its text.
                let heading = p.bold && p.align == .left
                body += paragraph(p, keepWithNext: beforeTable || heading || keepsWithSignature(blocks, after: i))
            case .table(let t):
                body += table(t)
                // A table needs a paragraph after it (two tables in a row would merge); a blank
                // line of the template serves, otherwise an empty one is added.
                let blankNext: Bool = if i + 1 < blocks.count, case .paragraph(let p) = blocks[i + 1], p.text.isEmpty { true } else { false }
                if !blankNext { body += "<w:p/>" }
            case .signature(let parts): body += signature(parts)
            }
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(wNamespace)" xmlns:r="\(rNamespace)"><w:body>\(body)<w:sectPr>\
        <w:headerReference w:type="default" r:id="rId4"/>\
        <w:pgSz w:w="\(pageWidth)" w:h="\(pageHeight)"/>\
        <w:pgMar w:top="\(marginTop)" w:right="\(marginRight)" w:bottom="\(marginBottom)" w:left="\(marginLeft)" \
        w:header="709" w:footer="709" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>
        """
    }

    /// The last text paragraph and blank lines before a signature stay on its page.
    static func keepsWithSignature(_ blocks: [DocxMarkup.Block], after i: Int) -> Bool {
        var j = i + 1
        while j < blocks.count, case .paragraph(let p) = blocks[j], p.text.isEmpty { j += 1 }
        guard j < blocks.count, case .signature = blocks[j] else { return false }
        return true
    }

    static func paragraph(_ p: DocxMarkup.Paragraph, keepWithNext: Bool = false) -> String {
        if p.text.isEmpty { return keepWithNext ? "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>" : "<w:p/>" }
        var ppr = keepWithNext ? "<w:keepNext/>" : ""
        switch p.align {
        case .justified:
            ppr += "<w:spacing w:line=\"\(bodyLine)\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"\(firstLineIndent)\"/><w:jc w:val=\"both\"/>"
        case .left:
            ppr += "<w:jc w:val=\"left\"/>"
        case .center:
            ppr += "<w:jc w:val=\"center\"/>"
        case .rightBlock:
            ppr += "<w:ind w:left=\"\(textWidth - addresseeWidth)\"/><w:jc w:val=\"left\"/>"
        }
        return "<w:p><w:pPr>\(ppr)</w:pPr>\(run(p.text, bold: p.bold))</w:p>"
    }

    static func run(_ text: String, bold: Bool = false, halfPoints: Int? = nil) -> String {
        guard !text.isEmpty else { return "" }
        var rpr = bold ? "<w:b/>" : ""
        if let hp = halfPoints { rpr += "<w:sz w:val=\"\(hp)\"/><w:szCs w:val=\"\(hp)\"/>" }
        return "<w:r>" + (rpr.isEmpty ? "" : "<w:rPr>\(rpr)</w:rPr>") + "<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
    }

    /// A bordered table: header row bold, centred and repeated on each page; widths by content.
    static func table(_ t: DocxMarkup.Table) -> String {
        let n = t.columns
        guard n > 0 else { return "" }
        let (halfPoints, widths) = tableLayout(t)
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        // Children of tblPr in the order the schema requires (Word rejects any other).
        var x = "<w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { x += "<w:\(side) \(border)/>" }
        x += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
        x += "</w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        // A column of short values (numbers, dates, clauses) is centred, one of text is not.
        let centred = (0..<n).map { c in t.rows.allSatisfy { c >= $0.count || $0[c].count <= 12 } }
        if let h = t.header {
            x += row(h, widths: widths, centred: centred, header: true, halfPoints: halfPoints)
        }
        for r in t.rows { x += row(r, widths: widths, centred: centred, header: false, halfPoints: halfPoints) }
        return x + "</w:tbl>"
    }

    static func row(_ cells: [String], widths: [Int], centred: [Bool], header: Bool, halfPoints: Int) -> String {
        var x = "<w:tr><w:trPr><w:cantSplit/>" + (header ? "<w:tblHeader/>" : "") + "</w:trPr>"
        for (i, w) in widths.enumerated() {
            let text = i < cells.count ? cells[i] : ""
            let jc = header || centred[i] ? "center" : "left"
            x += "<w:tc><w:tcPr><w:tcW w:w=\"\(w)\" w:type=\"dxa\"/><w:vAlign w:val=\"\(header ? "center" : "top")\"/></w:tcPr>"
            x += "<w:p><w:pPr><w:jc w:val=\"\(jc)\"/></w:pPr>\(run(text, bold: header, halfPoints: halfPoints))</w:p></w:tc>"
        }
        return x + "</w:tr>"
    }

    /// Estimated width of one character of 12 pt Times New Roman (regular, bold), in twips.
    static let charWidth = 120, boldCharWidth = 152
    static let cellPadding = 2 * 57 + 40

    /// Column widths: each column first gets room for its longest unbreakable piece (a whole
    /// cell of up to 10 characters — dates, «1 сут. 2 ч», «п. 4.3» — or its longest word), then
    /// the rest of the line goes to the columns with long text, in proportion to their length.
    /// The largest font (12, 11 or 10 pt) at which every column gets its unbreakable minimum,
    /// and the widths at that size.
    static func tableLayout(_ t: DocxMarkup.Table) -> (halfPoints: Int, widths: [Int]) {
        for hp in [24, 22] {
            let layout = columnWidths(t, halfPoints: hp)
            if layout.fits { return (hp, layout.widths) }
        }
        return (20, columnWidths(t, halfPoints: 20).widths)
    }

    static func columnWidths(_ t: DocxMarkup.Table, halfPoints: Int) -> (widths: [Int], fits: Bool) {
        let charWidth = DocxXML.charWidth * halfPoints / 24, boldCharWidth = DocxXML.boldCharWidth * halfPoints / 24
        var minimum: [Int] = [], extra: [Int] = []
        for c in 0..<t.columns {
            func piece(_ text: String) -> Int {
                text.count <= 10 ? text.count : text.split(separator: " ").map(\.count).max() ?? 0
            }
            let cells = t.rows.map { c < $0.count ? $0[c] : "" }
            let header = t.header.map { c < $0.count ? $0[c] : "" } ?? ""
            let need = max((cells.map(piece).max() ?? 0) * charWidth,
                           (header.split(separator: " ").map(\.count).max() ?? 0) * boldCharWidth) + cellPadding
            minimum.append(need)
            let longest = cells.map(\.count).max() ?? 0
            extra.append(max(0, min(longest, 60) * charWidth + cellPadding - need))
        }
        let base = minimum.reduce(0, +)
        var widths: [Int]
        if base >= textWidth {
            widths = minimum.map { $0 * textWidth / base }
        } else {
            let spare = textWidth - base, wanted = extra.reduce(0, +)
            widths = zip(minimum, extra).map { m, e in
                m + (wanted > 0 ? spare * e / wanted : spare / minimum.count)
            }
        }
        widths[widths.count - 1] += textWidth - widths.reduce(0, +)
        return (widths, base <= textWidth)
    }

    /// The signature block: position (left, may wrap) | room for the signature | name (right).
    static func signature(_ parts: [String]) -> String {
        let cells = parts.count >= 3 ? Array(parts.prefix(3)) : parts.count == 2 ? [parts[0], "", parts[1]] : [parts.first ?? "", "", ""]
        let widths = [4700, 2300, textWidth - 7000]
        let jcs = ["left", "center", "right"]
        var x = "<w:p><w:pPr><w:keepNext/></w:pPr></w:p><w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
        x += "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        x += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid><w:tr>"
        for i in 0..<3 {
            x += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[i])\" w:type=\"dxa\"/><w:vAlign w:val=\"bottom\"/></w:tcPr>"
            x += "<w:p><w:pPr><w:jc w:val=\"\(jcs[i])\"/></w:pPr>\(run(cells[i]))</w:p></w:tc>"
        }
        return x + "</w:tr></w:tbl><w:p/>"
    }

    /// Text safe inside an XML element or attribute; characters XML 1.0 forbids are dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += " "
            default:
                let v = u.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) || (0xD800...0xDFFF).contains(v) { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
