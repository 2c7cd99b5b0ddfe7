import Foundation
internal import CXlsxWriter

/// The one Swift owner of a libxlsxwriter workbook handle.
///
/// Created on a path, filled through `XlsxSheet`s, then `close()`d, which writes the file.
/// A workbook dropped without `close()` is still closed in `deinit` (the caller removes the
/// half-written file).
///
///     let wb = try XlsxWorkbook(file: tmp, reportPath: out, constantMemory: true)
///     let sheet = try wb.addSheet(named: "Сводка")
///     try wb.close()
final class XlsxWorkbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// libxlsxwriter keeps the `tmpdir` pointer for the workbook's lifetime.
    private let tmpdir: UnsafeMutablePointer<CChar>?
    /// The report's final path, for error messages (the workbook writes to a temporary file).
    let path: String
    let constantMemory: Bool
    private(set) var sheetNames: [String] = []

    init(file: String, reportPath: String, constantMemory: Bool, tmpdir: String? = nil) throws {
        self.path = reportPath
        self.constantMemory = constantMemory
        self.tmpdir = tmpdir.flatMap { strdup($0) }
        var options = lxw_workbook_options(constant_memory: constantMemory ? 1 : 0,
                                           tmpdir: self.tmpdir, use_zip64: 0)
        handle = file.withCString { workbook_new_opt($0, &options) }
        if handle == nil { throw XlsxReportError.cannotCreate(path: path) }
    }

    deinit {
        if let h = handle { workbook_close(h) }
        free(tmpdir)
    }

    private var workbook: UnsafeMutablePointer<lxw_workbook> {
        guard let h = handle else { preconditionFailure("workbook used after close()") }
        return h
    }

    /// Adds a worksheet; `name` must already be valid (see `SheetName`).
    func addSheet(named name: String) throws -> XlsxSheet {
        precondition(SheetName.isValid(name, existing: sheetNames), "invalid sheet name")
        guard let ws = name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
            throw XlsxReportError.library(code: "add_worksheet", path: path)
        }
        sheetNames.append(name)
        return XlsxSheet(handle: ws, name: name, workbookPath: path)
    }

    func addFormat(_ style: CellStyle) -> XlsxFormat {
        guard let f = workbook_add_format(workbook) else { preconditionFailure("out of memory") }
        style.apply(to: f)
        return XlsxFormat(pointer: f)
    }

    /// A line chart; the caller adds series and inserts it into a sheet.
    func addLineChart() -> XlsxChart {
        guard let c = workbook_add_chart(workbook, UInt8(LXW_CHART_LINE.rawValue)) else {
            preconditionFailure("out of memory")
        }
        return XlsxChart(pointer: c)
    }

    struct Properties {
        var title: String
        var subject: String
        var author: String
        var company: String
        var comments: String
        var keywords: String
        /// Seconds since 1970 UTC.
        var created: Int64
    }

    func setProperties(_ p: Properties) throws {
        let err: lxw_error = p.title.withCString { title in
            p.subject.withCString { subject in
                p.author.withCString { author in
                    p.company.withCString { company in
                        p.comments.withCString { comments in
                            p.keywords.withCString { keywords in
                                var props = lxw_doc_properties()
                                props.title = UnsafeMutablePointer(mutating: title)
                                props.subject = UnsafeMutablePointer(mutating: subject)
                                props.author = UnsafeMutablePointer(mutating: author)
                                props.company = UnsafeMutablePointer(mutating: company)
                                props.comments = UnsafeMutablePointer(mutating: comments)
                                props.keywords = UnsafeMutablePointer(mutating: keywords)
                                props.created = time_t(p.created)
                                return workbook_set_properties(workbook, &props)
                            }
                        }
                    }
                }
            }
        }
        try XlsxReportError.check(err, path: path)
    }

    /// Writes the file and releases the handle.
    func close() throws {
        guard let h = handle else { return }
        handle = nil
        let err = workbook_close(h)
        try XlsxReportError.check(err, path: path)
    }
}

/// A cell format owned by its workbook (freed when the workbook closes).
struct XlsxFormat {
    let pointer: UnsafeMutablePointer<lxw_format>
}
