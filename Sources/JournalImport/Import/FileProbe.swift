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

extension FileImporter {
    /// The kind of `path`, or nil when its header cannot be recognised (the import proper then
    /// reports why).
    public func probe(path: String, displayName: String) -> FileKind? {
        let sink = ProbeSink()
        // A header is within the first lines: a small first chunk (a whole one is parsed at once).
        _ = try? run(path: path, displayName: displayName, sink: sink, chunkSize: 64 << 10)
        guard let name = sink.profile else { return nil }
        let all = (forced.map { [$0] } ?? []) + profiles + CanonicalTable.allCases.map { Profile.canonical($0) }
        guard let p = all.first(where: { $0.name == name }) else { return nil }
        return FileKind(table: p.table, isGrid: p.gridSpec != nil)
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
