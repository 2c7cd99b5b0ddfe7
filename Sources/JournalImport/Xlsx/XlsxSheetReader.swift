import Foundation
import JournalModel

/// Streams one sheet of a workbook as rows (see `SheetParser`): the sheet's merged areas are
/// read first (a sheet lists them after its rows), then its rows in chunks. Memory: the shared
/// strings, one inflated chunk and a batch of rows.
final class XlsxSheetReader: RowSource {
    let displayName: String
    let sheetName: String
    private let package: XlsxPackage
    private let sheet: XlsxPackage.Sheet
    private(set) var bytesRead: Int64 = 0
    let fileSize: Int64
    var sourceEncoding: TextEncoding? { nil }
    var sourceDelimiter: UInt8 { 0 }
    /// Rows handed over at a time.
    static let rowsPerBatch = 2048

    init(path: String, sheet name: String, displayName: String) throws(ImportFailure) {
        self.displayName = displayName
        sheetName = name
        let bookName = displayName.hasSuffix("[\(name)]") ? String(displayName.dropLast(name.count + 2)) : displayName
        package = try XlsxCache.shared.package(path: path, displayName: bookName)
        guard let s = package.sheets.first(where: { $0.name == name }) else {
            throw XlsxPackage.failure(displayName, "в книге нет листа «\(name)»",
                                      hint: "листы книги: " + package.sheets.map { "«\($0.name)»" }.joined(separator: ", "))
        }
        guard s.isWorksheet else { throw XlsxPackage.failure(displayName, "лист «\(name)» — диаграмма, а не таблица") }
        sheet = s
        let attrs = try? FileManager.default.attributesOfItem(atPath: path)
        fileSize = (attrs?[.size] as? NSNumber)?.int64Value ?? 0
    }

    private struct Done: Error {}

    func read(forcedEncoding: TextEncoding? = nil, forcedDelimiter: UInt8? = nil, progress: (Int64) -> Void = { _ in },
              row: (CSVRow) throws(ImportFailure) -> Void) throws(ImportFailure) {
        let areas: [MergedCells.Area]
        if let known = XlsxCache.shared.merges(of: sheet.part, in: package) { areas = known } else {
            var scanner = MergedCells.Scanner()
            try inflate { scanner.feed($0) }
            areas = scanner.areas
            XlsxCache.shared.remember(merges: areas, of: sheet.part, in: package)
        }
        var parser = SheetParser(strings: try package.sharedStrings(), formats: package.formats, date1904: package.date1904,
                                 file: displayName, merges: MergedCells(areas))
        var batch = RowBatch()
        let total = fileSize, partSize = max(1, package.size(of: sheet.part))
        var inflated: Int64 = 0
        try inflate(verify: false) { chunk in
            inflated += Int64(chunk.count)
            try parser.feed(chunk, into: &batch, final: false)
            if batch.rowCount >= Self.rowsPerBatch { try deliver(&batch, row) }
            // Progress in the file's bytes, as the share of the sheet inflated.
            bytesRead = min(total, total * inflated / partSize)
            progress(bytesRead)
            if parser.finished { throw Done() }
        }
        if !parser.finished { try parser.feed(UnsafeRawBufferPointer(start: nil, count: 0), into: &batch, final: true) }
        try deliver(&batch, row)
        bytesRead = total
        progress(total)
    }

    /// Inflates the sheet's part into `body`; `Done` from `body` ends it early.
    private func inflate(verify: Bool = true, _ body: (UnsafeRawBufferPointer) throws -> Void) throws(ImportFailure) {
        do { try package.stream(sheet.part, verify: verify, body) } catch is Done {} catch let f as ImportFailure { throw f } catch {
            throw XlsxPackage.failure(displayName, "лист «\(sheetName)» не читается: книга повреждена (\(error))")
        }
    }

    private func deliver(_ batch: inout RowBatch, _ row: (CSVRow) throws(ImportFailure) -> Void) throws(ImportFailure) {
        defer { batch.removeAll() }
        guard batch.rowCount > 0 else { return }
        try batch.withRows { (ptr, all, ends) throws(ImportFailure) -> Void in
            var start = 0
            for r in 0..<ptr.pointee.rowCount {
                let end = ptr.pointee.rowEnds[r]
                try row(CSVRow(line: ptr.pointee.rowLines[r], batch: ptr, all: all, ends: ends, firstField: start, endField: end,
                               file: displayName, delimiter: UInt8(ascii: ";"), lettered: true))
                start = end
            }
        }
    }
}

/// The last workbook opened and the merged areas of its sheets. A sheet is opened several
/// times in one import (listing a folder, reading up to its header, importing, locating
/// rejections): the shared strings are read once, and the sheet is inflated once for its merged
/// areas. Only the last workbook is kept.
final class XlsxCache: @unchecked Sendable {
    static let shared = XlsxCache()
    private let lock = NSLock()
    private var key = ""
    private var package: XlsxPackage?
    private var merges: [String: [MergedCells.Area]] = [:]

    func package(path: String, displayName: String) throws(ImportFailure) -> XlsxPackage {
        let attrs = try? FileManager.default.attributesOfItem(atPath: path)
        let stamp = "\(path)|\((attrs?[.size] as? NSNumber)?.int64Value ?? -1)|\((attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        lock.lock()
        if stamp == key, let p = package { lock.unlock(); return p }
        lock.unlock()
        let p = try XlsxPackage(path: path, displayName: displayName)
        lock.lock()
        key = stamp
        package = p
        merges = [:]
        lock.unlock()
        return p
    }

    func merges(of part: String, in p: XlsxPackage) -> [MergedCells.Area]? {
        lock.lock()
        defer { lock.unlock() }
        return p === package ? merges[part] : nil
    }

    func remember(merges areas: [MergedCells.Area], of part: String, in p: XlsxPackage) {
        lock.lock()
        defer { lock.unlock() }
        if p === package { merges[part] = areas }
    }
}

/// The sheets of a workbook, for listing a folder or a file named on the command line.
public enum Workbook {
    public struct SheetInfo: Sendable, Equatable {
        public let name: String
        /// Why the sheet is not read (a hidden sheet, a chart), or nil.
        public let skipReason: String?
    }

    /// True when `path` is a ZIP archive (read as a workbook, whatever its name).
    public static func isWorkbook(_ path: String) -> Bool {
        if case .workbook = InputKind.of(path: path) { return true }
        return false
    }

    /// Why `path` cannot be read at all (an `.xls`, an `.ods`), or nil.
    public static func unsupportedReason(_ path: String) -> String? {
        if case .unsupported(let why) = InputKind.of(path: path) { return why }
        return nil
    }

    public static let saveHint = InputKind.saveHint

    /// The sheets of the workbook at `path`, in workbook order.
    public static func sheets(path: String, displayName: String) throws(ImportFailure) -> [SheetInfo] {
        let p = try XlsxCache.shared.package(path: path, displayName: displayName)
        return p.sheets.map { s in
            SheetInfo(name: s.name, skipReason: !s.isWorksheet ? "лист-диаграмма, а не таблица" : s.hidden ? "скрытый лист" : nil)
        }
    }

    /// How a sheet is named in messages: `книга.xlsx[Лист]`.
    public static func displayName(file: String, sheet: String) -> String { "\(file)[\(sheet)]" }
}
