import JournalModel

/// Which canonical table a file holds, found by reading only as far as its header row (the
/// store uses it to choose how to write the cells of an import).
public struct FileKind: Sendable, Equatable {
    public var table: CanonicalTable
    /// A per-class grid (cells by date columns) rather than a table of rows.
    public var isGrid: Bool
    /// The file brings journal cells.
    public var bringsCells: Bool { isGrid || table == .marks }
}

/// What reading a file up to its header row found.
public enum ProbeResult: Sendable {
    case kind(FileKind)
    /// No row looks like a header of any table or profile: the file may hold something else
    /// (a note, a title sheet). The failure is what importing it would report.
    case noHeader(ImportFailure)
    /// The file cannot be imported as it is (a header without a required column, a format
    /// that is not read, bad bytes).
    case failure(ImportFailure)
}

extension FileImporter {
    /// The kind of `path`, or nil when its header cannot be recognised (the import proper then
    /// reports why).
    public func probe(path: String, displayName: String, sheet: String? = nil) -> FileKind? {
        if case .kind(let k) = probeResult(path: path, displayName: displayName, sheet: sheet) { return k }
        return nil
    }

    /// Reads `path` (sheet `sheet` of a workbook) up to its header row.
    public func probeResult(path: String, displayName: String, sheet: String? = nil) -> ProbeResult {
        let sink = ProbeSink()
        do {
            // A header is within the first lines: a small first chunk (a whole one is parsed at once).
            _ = try run(path: path, displayName: displayName, sheet: sheet, sink: sink, chunkSize: 64 << 10)
        } catch {
            if sink.profile == nil {
                return error.diagnostic.id == "import.no-header" ? .noHeader(error) : .failure(error)
            }
        }
        guard let name = sink.profile else {
            return .noHeader(ImportFailure(Diagnostic(id: "import.no-header", location: nil, message: "не найдена строка заголовков")))
        }
        let all = (forced.map { [$0] } ?? []) + profiles + CanonicalTable.allCases.map { Profile.canonical($0) }
        guard let p = all.first(where: { $0.name == name }) else {
            return .noHeader(ImportFailure(Diagnostic(id: "import.no-header", location: nil, message: "не найдена строка заголовков")))
        }
        return .kind(FileKind(table: p.table, isGrid: p.gridSpec != nil))
    }
}

/// Stops a file at its header row, remembering the profile it matched.
private final class ProbeSink: RecordSink {
    struct Stop: Error {}
    var profile: String?
    let symbols = NameSymbols()
    func beginFile(path: String, profile: String) throws -> Int {
        self.profile = profile
        throw Stop()
    }
    func accept(_ record: Record, line: Int) throws {}
}
