import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// A small XLSX reader for tests: sheet names, cell values (shared and inline strings,
/// numbers), formulas, and the raw XML of every part for structural checks.
///
///     let book = try XlsxReader(path: "out/report.xlsx")
///     book.sheet("Сводка")?["B2"]?.value   // "МАОУ «ООШ № 14»"
struct XlsxReader {
    struct Cell: Equatable {
        var value: String
        /// The `t` attribute: "s", "inlineStr", "str", "b", or nil for a number.
        var type: String?
        var formula: String?
        /// The `s` attribute: index into cellXfs.
        var style: Int
    }

    struct Sheet {
        var name: String
        var xml: String
        var cells: [String: Cell]
        subscript(_ ref: String) -> Cell? { cells[ref] }
        /// Rows that hold at least one cell with a value.
        var rowNumbers: [Int] { Set(cells.keys.map { XlsxReader.split($0).row }).sorted() }
        /// Values of one row from column A, up to its last cell.
        func row(_ n: Int) -> [String] {
            let cols = cells.keys.map(XlsxReader.split).filter { $0.row == n }.map(\.col)
            guard let last = cols.max() else { return [] }
            return (0...last).map { cells[XlsxReader.ref(row: n, col: $0)]?.value ?? "" }
        }
        func column(_ letter: String, from first: Int) -> [String] {
            rowNumbers.filter { $0 >= first }.map { cells["\(letter)\($0)"]?.value ?? "" }
        }
    }

    let sheets: [Sheet]
    let parts: [String: String]

    var sheetNames: [String] { sheets.map(\.name) }
    func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        self.parts = parts
        let shared = XMLCollector.sharedStrings(parts["xl/sharedStrings.xml"] ?? "")
        let rels = XMLCollector.attributes(of: "Relationship", in: parts["xl/_rels/workbook.xml.rels"] ?? "")
        var targets: [String: String] = [:]
        for r in rels { if let id = r["Id"], let t = r["Target"] { targets[id] = t } }
        var sheets: [Sheet] = []
        for s in XMLCollector.attributes(of: "sheet", in: parts["xl/workbook.xml"] ?? "") {
            guard let name = s["name"], let rid = s["r:id"], let target = targets[rid] else { continue }
            let xml = parts["xl/" + target] ?? ""
            sheets.append(Sheet(name: name, xml: xml, cells: XMLCollector.cells(xml, shared: shared)))
        }
        self.sheets = sheets
    }

    static func split(_ ref: String) -> (row: Int, col: Int) {
        var col = 0
        var digits = ""
        for ch in ref {
            if let a = ch.asciiValue, a >= 65, a <= 90 { col = col * 26 + Int(a - 64) } else { digits.append(ch) }
        }
        return (Int(digits) ?? 0, col - 1)
    }

    static func ref(row: Int, col: Int) -> String {
        var n = col + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }
}

/// SAX collection over FoundationXML's `XMLParser`.
private final class XMLCollector: NSObject, XMLParserDelegate {
    enum Mode { case attributes(String), cells([String]), shared }
    let mode: Mode
    var found: [[String: String]] = []
    var cells: [String: XlsxReader.Cell] = [:]
    var strings: [String] = []
    private var current: (ref: String, type: String?, style: Int)?
    private var text = ""
    private var value: String?
    private var formula: String?
    private var inString = false

    init(_ mode: Mode) { self.mode = mode }

    static func run(_ xml: String, _ c: XMLCollector) {
        let p = XMLParser(data: Data(xml.utf8))
        p.delegate = c
        p.parse()
    }

    static func attributes(of element: String, in xml: String) -> [[String: String]] {
        let c = XMLCollector(.attributes(element))
        run(xml, c)
        return c.found
    }

    static func sharedStrings(_ xml: String) -> [String] {
        let c = XMLCollector(.shared)
        run(xml, c)
        return c.strings
    }

    static func cells(_ xml: String, shared: [String]) -> [String: XlsxReader.Cell] {
        let c = XMLCollector(.cells(shared))
        run(xml, c)
        return c.cells
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch mode {
        case .attributes(let e): if name == e { found.append(attributes) }
        case .shared:
            if name == "si" { text = "" }
            if name == "t" { inString = true }
        case .cells:
            if name == "c", let r = attributes["r"] {
                current = (r, attributes["t"], Int(attributes["s"] ?? "0") ?? 0)
                value = nil; formula = nil
            }
            if name == "v" || name == "f" || name == "t" { text = ""; inString = true }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inString { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch mode {
        case .attributes: break
        case .shared:
            if name == "t" { inString = false }
            if name == "si" { strings.append(text) }
        case .cells(let shared):
            if name == "v" || name == "t" { value = (value ?? "") + text; inString = false; text = "" }
            if name == "f" { formula = text; inString = false; text = "" }
            if name == "c", let c = current {
                var v = value ?? ""
                if c.type == "s", let i = Int(v), i < shared.count { v = shared[i] }
                if value != nil || formula != nil {
                    cells[c.ref] = XlsxReader.Cell(value: v, type: c.type, formula: formula, style: c.style)
                }
                current = nil
            }
        }
    }
}
