import FileAccess
import Foundation
import JournalModel
import ZIPFoundation

/// One owner of an opened workbook (`.xlsx`): its sheets in workbook order, whether dates count
/// from 1904, the number formats of its cell styles, and its shared strings (read on first use).
/// Parts are inflated as a stream; only the workbook's small parts are read whole.
final class XlsxPackage {
    struct Sheet: Equatable {
        let name: String
        /// The part inside the archive (`xl/worksheets/sheet1.xml`).
        let part: String
        let hidden: Bool
        /// False for chart and dialog sheets.
        let isWorksheet: Bool
    }

    let displayName: String
    private let archive: Archive
    private(set) var sheets: [Sheet] = []
    private(set) var date1904 = false
    /// Number format of each cell style (`s` attribute), by index.
    private(set) var formats: [CellFormat] = []
    private var sharedStringsPart: String?
    private var shared: SharedStrings?
    /// Largest part read whole, and the largest shared string table kept in memory.
    static let smallPartLimit = 64 << 20
    static let sharedStringsLimit = 1 << 30

    init(path: String, displayName: String) throws(ImportFailure) {
        self.displayName = displayName
        if let problem = InputFile.problem(path) { throw Self.failure(displayName, "не удалось открыть файл: \(problem.reason)") }
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw Self.failure(displayName, "файл не читается как книга XLSX (архив ZIP повреждён)")
        }
        let rootRels = try relationships(of: "")
        let workbookPart = rootRels.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        let workbookRels = try relationships(of: workbookPart)
        try readWorkbook(workbookPart, rels: workbookRels)
        sharedStringsPart = workbookRels.first { $0.type.hasSuffix("/sharedStrings") }?.target
        if let styles = workbookRels.first(where: { $0.type.hasSuffix("/styles") })?.target { try readStyles(styles) }
    }

    static func failure(_ file: String, _ message: String, hint: String? = nil) -> ImportFailure {
        ImportFailure(Diagnostic(id: "import.xlsx", location: SourceLocation(file: file, line: 1, column: 1), message: message, hint: hint))
    }

    // MARK: Parts

    /// Streams `part`, inflated, to `body` in chunks; with `verify`, checks its CRC-32 at the end
    /// (a sheet's rows are read after its merged areas, which read it whole and verify it).
    func stream(_ part: String, verify: Bool = true, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let entry = archive[part] else { throw Self.failure(displayName, "в книге нет части «\(part)»") }
        let sum = try archive.extract(entry, bufferSize: 256 << 10, skipCRC32: !verify) { data in
            try data.withUnsafeBytes { try body($0) }
        }
        if verify, sum != entry.checksum { throw Self.failure(displayName, "книга повреждена: контрольная сумма части «\(part)» не сходится") }
    }

    /// The inflated size of `part` (0 when unknown).
    func size(of part: String) -> Int64 { archive[part].map { Int64($0.uncompressedSize) } ?? 0 }

    /// The whole of a small part; nil when the archive has no such part.
    func bytes(_ part: String) throws(ImportFailure) -> [UInt8]? {
        guard archive[part] != nil else { return nil }
        var out: [UInt8] = []
        do {
            try stream(part) { chunk in
                out.append(contentsOf: chunk.bindMemory(to: UInt8.self))
                if out.count > Self.smallPartLimit { throw Self.failure(displayName, "часть книги «\(part)» слишком велика") }
            }
        } catch let f as ImportFailure { throw f } catch {
            throw Self.failure(displayName, "часть книги «\(part)» не читается: \(error)")
        }
        return out
    }

    private struct Relationship { let id: String; let type: String; let target: String }

    /// The relationships of `part` (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`), with
    /// targets resolved to archive paths.
    private func relationships(of part: String) throws(ImportFailure) -> [Relationship] {
        let dir = (part as NSString).deletingLastPathComponent
        let relsPath = (dir.isEmpty ? "" : dir + "/") + "_rels/" + (part as NSString).lastPathComponent + ".rels"
        guard let data = try bytes(relsPath) else { return [] }
        var out: [Relationship] = []
        try elements(data, relsPath) { x, name, attrs in
            guard x.is(name, "Relationship"), let id = x.attributeText("Id", in: attrs),
                  let type = x.attributeText("Type", in: attrs), let target = x.attributeText("Target", in: attrs) else { return }
            if x.attributeText("TargetMode", in: attrs) == "External" { return }
            out.append(Relationship(id: id, type: type, target: Self.resolve(target, against: dir)))
        }
        return out
    }

    static func resolve(_ target: String, against dir: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : dir.split(separator: "/")
        for p in target.split(separator: "/") {
            if p == ".." { if !parts.isEmpty { parts.removeLast() } } else if p != "." { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }

    /// Calls `body` for every start tag of a small part.
    private func elements(_ data: [UInt8], _ part: String,
                          _ body: (XMLTokenizer, Range<Int>, Range<Int>) -> Void) throws(ImportFailure) {
        var x = XMLTokenizer()
        x.append(data)
        do {
            while let t = try x.next(final: true) {
                if case .start(let name, let attrs, _) = t { body(x, name, attrs) }
            }
        } catch {
            throw Self.failure(displayName, "часть книги «\(part)» — не XML")
        }
    }

    private func readWorkbook(_ part: String, rels: [Relationship]) throws(ImportFailure) {
        guard let data = try bytes(part) else {
            throw Self.failure(displayName, "это не книга XLSX: в архиве нет описания листов (xl/workbook.xml)",
                               hint: "сохраните файл в Excel или LibreOffice как «Книга Excel (.xlsx)» или как CSV")
        }
        var found: [Sheet] = []
        try elements(data, part) { x, name, attrs in
            if x.is(name, "workbookPr"), let v = x.attributeText("date1904", in: attrs) {
                date1904 = v == "1" || v.lowercased() == "true"
            }
            guard x.is(name, "sheet"), let sheetName = x.attributeText("name", in: attrs), let rid = x.attributeText("id", in: attrs),
                  let rel = rels.first(where: { $0.id == rid }) else { return }
            let state = x.attributeText("state", in: attrs) ?? "visible"
            found.append(Sheet(name: sheetName, part: rel.target, hidden: state != "visible",
                               isWorksheet: rel.type.hasSuffix("/worksheet")))
        }
        sheets = found
    }

    private func readStyles(_ part: String) throws(ImportFailure) {
        guard let data = try bytes(part) else { return }
        var custom: [Int: CellFormat] = [:]
        var inCellXfs = false
        var x = XMLTokenizer()
        x.append(data)
        do {
            while let t = try x.next(final: true) {
                switch t {
                case .start(let name, let attrs, let selfClosing):
                    if x.is(name, "numFmt"), let id = x.attributeInt("numFmtId", in: attrs), let code = x.attributeText("formatCode", in: attrs) {
                        custom[id] = CellFormat(code: code)
                    } else if x.is(name, "cellXfs") { inCellXfs = !selfClosing }
                    else if inCellXfs, x.is(name, "xf") {
                        let id = x.attributeInt("numFmtId", in: attrs) ?? 0
                        formats.append(custom[id] ?? CellFormat(builtIn: id))
                    }
                case .end(let name): if x.is(name, "cellXfs") { inCellXfs = false }
                default: break
                }
            }
        } catch {
            throw Self.failure(displayName, "часть книги «\(part)» — не XML")
        }
    }

    /// The shared strings, read on first use.
    func sharedStrings() throws(ImportFailure) -> SharedStrings {
        if let shared { return shared }
        let table = SharedStrings()
        if let part = sharedStringsPart, archive[part] != nil {
            var parser = SharedStrings.Parser()
            do {
                try stream(part) { chunk in
                    try parser.feed(chunk, into: table, final: false)
                    if table.bytes.count > Self.sharedStringsLimit {
                        throw Self.failure(displayName, "таблица строк книги больше 1 ГБ — такую книгу нужно сохранить как CSV")
                    }
                }
                try parser.feed(UnsafeRawBufferPointer(start: nil, count: 0), into: table, final: true)
            } catch let f as ImportFailure { throw f } catch {
                throw Self.failure(displayName, "таблица строк книги (\(part)) не читается: \(error)")
            }
        }
        shared = table
        return table
    }
}
