import Foundation
internal import CXlsxWriter
import ZIPFoundation

/// Workbooks for the import tests, written by libxlsxwriter: sheets of cells (text, numbers,
/// booleans, dates in a date format, formulas) with merged areas. With `inlineStrings`
/// (libxlsxwriter's constant-memory mode) strings are written inline, otherwise into the
/// shared string table.
///
///     try XlsxFixture.write(to: path, sheets: [.init(name: "Оценки", rows: [[.text("Класс"), .number(5)]])])
enum XlsxFixture {
    enum Cell {
        case text(String)
        case number(Double)
        case bool(Bool)
        /// A date (and time) written as Excel's serial number in `format`.
        case date(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0, format: String = "dd.mm.yyyy")
        /// A serial number in a date format, as is (`60` is the 29 February 1900 that never was).
        case serial(Double, format: String)
        case empty
    }

    struct Sheet {
        var name: String
        /// Rows from the first; a nil row is left empty (no cells written).
        var rows: [[Cell]?]
        /// Merged areas: first row, first column, last row, last column (0-based), and the value.
        var merges: [(Int, Int, Int, Int, Cell)] = []
        var hidden = false
    }

    static func write(to path: String, sheets: [Sheet], inlineStrings: Bool = false) throws {
        var options = lxw_workbook_options(constant_memory: inlineStrings ? 1 : 0, tmpdir: nil, use_zip64: 0)
        guard let wb = path.withCString({ workbook_new_opt($0, &options) }) else { throw Failure.create }
        var formats: [String: UnsafeMutablePointer<lxw_format>] = [:]
        func format(_ code: String) -> UnsafeMutablePointer<lxw_format>? {
            if let f = formats[code] { return f }
            let f = workbook_add_format(wb)
            code.withCString { format_set_num_format(f, $0) }
            formats[code] = f
            return f
        }
        for s in sheets {
            guard let ws = s.name.withCString({ workbook_add_worksheet(wb, $0) }) else { throw Failure.create }
            if s.hidden { worksheet_hide(ws) }
            for (r, row) in s.rows.enumerated() {
                guard let row else { continue }
                for (c, cell) in row.enumerated() { write(cell, ws, UInt32(r), UInt16(c), format) }
            }
            for (r1, c1, r2, c2, v) in s.merges {
                let text: String
                switch v { case .text(let t): text = t; default: text = "" }
                _ = text.withCString { worksheet_merge_range(ws, UInt32(r1), UInt16(c1), UInt32(r2), UInt16(c2), $0, nil) }
            }
        }
        guard workbook_close(wb) == LXW_NO_ERROR else { throw Failure.close }
    }

    private static func write(_ cell: Cell, _ ws: UnsafeMutablePointer<lxw_worksheet>, _ r: UInt32, _ c: UInt16,
                              _ format: (String) -> UnsafeMutablePointer<lxw_format>?) {
        switch cell {
        case .text(let t): _ = t.withCString { worksheet_write_string(ws, r, c, $0, nil) }
        case .number(let v): worksheet_write_number(ws, r, c, v, nil)
        case .bool(let b): worksheet_write_boolean(ws, r, c, b ? 1 : 0, nil)
        case .date(let y, let m, let d, let h, let mi, let s, let code):
            var dt = lxw_datetime(year: Int32(y), month: Int32(m), day: Int32(d), hour: Int32(h), min: Int32(mi), sec: s)
            worksheet_write_datetime(ws, r, c, &dt, format(code))
        case .serial(let v, let code): worksheet_write_number(ws, r, c, v, format(code))
        case .empty: break
        }
    }

    enum Failure: Error { case create, close }

    /// The text of part `name` of the workbook at `path` (to check what a fixture exercises).
    static func part(_ name: String, of path: String) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        guard let entry = archive[name] else { return "" }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// A workbook written part by part (for shapes libxlsxwriter does not write: the 1904 date
    /// system, namespace prefixes, rich text with phonetic runs, cells without references).
    static func writeParts(to path: String, sheetXML: String, sharedStrings: String? = nil, styles: String? = nil,
                           date1904: Bool = false, sheetName: String = "Лист1") throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        func add(_ name: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        try add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        try add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        try add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="\(ns)" xmlns:r="\(rel)">\
            <x:workbookPr\(date1904 ? " date1904=\"1\"" : "")/><x:sheets><x:sheet name="\(sheetName)" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>
            """)
        var rels = "<Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
        if sharedStrings != nil { rels += "<Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>" }
        if styles != nil { rels += "<Relationship Id=\"rId3\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>" }
        try add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """)
        try add("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + sheetXML)
        if let sharedStrings { try add("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + sharedStrings) }
        if let styles { try add("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + styles) }
    }
}
