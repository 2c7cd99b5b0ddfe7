import JournalModel

/// Imports one file: finds its header row and profile, streams its rows into records for a
/// `RecordSink`, and accounts for every row.
public struct FileImporter {
    public var profiles: [Profile]
    public var forced: Profile?
    public var options: ImportOptions
    /// Rows searched for a header before giving up.
    static let headerSearchRows = 40

    public init(profiles: [Profile], forced: Profile? = nil, options: ImportOptions = ImportOptions()) {
        self.profiles = profiles
        self.forced = forced
        self.options = options
    }

    /// Reads `path` into `sink`. Throws `ImportFailure` for problems that stop the import
    /// (unreadable file, encoding, quotes, no header, missing required column).
    public func run(path: String, displayName: String, sink: RecordSink,
                    progress: (Int64, Int64) -> Void = { _, _ in }) throws(ImportFailure) -> FileReport {
        try run(path: path, displayName: displayName, sink: sink, chunkSize: CSVFileReader.chunkSize, progress: progress)
    }

    func run(path: String, displayName: String, sink: RecordSink, chunkSize: Int,
             progress: (Int64, Int64) -> Void = { _, _ in }) throws(ImportFailure) -> FileReport {
        let reader = try CSVFileReader(path: path, displayName: displayName, chunkSize: chunkSize)
        var state = FileState(importer: self, file: displayName)
        try reader.read(forcedEncoding: forced?.encoding, forcedDelimiter: forced?.delimiter,
                        progress: { progress($0, reader.fileSize) }) { (row: CSVRow) throws(ImportFailure) in
            do { try state.handle(row, sink: sink) } catch let f as ImportFailure { throw f } catch {
                throw ImportFailure(Diagnostic(id: "import.store", location: SourceLocation(file: displayName, line: row.line, column: 1),
                                               message: "ошибка записи: \(error)"))
            }
        }
        guard var report = state.report else {
            throw state.noHeaderFailure(file: displayName)
        }
        report.encoding = reader.encoding
        report.delimiter = reader.delimiter == 0x09 ? "таб" : String(UnicodeScalar(reader.delimiter))
        report.bytes = reader.bytesRead
        if case .grid = state.layout, state.grid?.dayRowSeen != true {
            throw ImportFailure(Diagnostic(id: "import.grid-days", location: SourceLocation(file: displayName, line: 1, column: 1),
                                           message: "в сетке журнала нет строки с числами месяца («\(state.profile?.gridSpec?.dayRowLabel ?? "Число")»)"))
        }
        return report
    }
}

extension Profile {
    var gridSpec: GridSpec? { if case .grid(let g) = layout { g } else { nil } }
}

/// The per-file state machine: searching for the header, then data rows.
struct FileState {
    let importer: FileImporter
    let file: String
    var report: FileReport?
    var profile: Profile?
    var layout: Profile.Layout?
    var mapping: TableMapping?
    var grid: GridReader?
    var headerBlock: [String] = []
    var rowsSeen = 0
    var bestCandidate: (table: CanonicalTable, missing: [String], line: Int, source: String)?
    let cache = ParseCache()

    init(importer: FileImporter, file: String) {
        self.importer = importer
        self.file = file
    }

    mutating func handle(_ row: CSVRow, sink: RecordSink) throws {
        if report == nil {
            rowsSeen += 1
            let cells = try row.texts().map { $0.trimmingSpaces() }
            if try !detectHeader(cells, row: row, sink: sink) {
                headerBlock.append(cells.filter { !$0.isEmpty }.joined(separator: " "))
                if rowsSeen >= FileImporter.headerSearchRows { throw noHeaderFailure(file: file) }
            }
            return
        }
        if grid != nil {
            try grid!.handle(row, report: &report!, sink: sink, options: importer.options)
            return
        }
        guard let mapping, let profile else { return }
        report!.read += 1
        let access = RowAccess(row: row, mapping: mapping, profile: profile, options: importer.options, cache: cache)
        do {
            try sink.accept(try RecordBuilder.record(access), line: row.line)
            report!.accepted += 1
        } catch let rej as RowRejection {
            let field = rej.column.flatMap { access.fieldIndex($0) } ?? 0
            report!.reject(Rejection(location: row.location(column: field), reason: rej.reason, sourceLine: row.sourceLine))
        }
    }

    func noHeaderFailure(file: String) -> ImportFailure {
        if let c = bestCandidate {
            let cols = c.missing.map { "«\($0)»" }.joined(separator: ", ")
            return ImportFailure(Diagnostic(id: "import.missing-column", location: SourceLocation(file: file, line: c.line, column: 1),
                message: "нет обязательного столбца \(cols) (таблица «\(c.table.rawValue)», \(c.source))",
                hint: "заголовки столбцов таблицы «\(c.table.rawValue)»: " + c.table.columns.map(\.name).joined(separator: "; ")))
        }
        return ImportFailure(Diagnostic(id: "import.no-header", location: SourceLocation(file: file, line: 1, column: 1),
            message: "не найдена строка заголовков: файл не похож ни на одну каноническую таблицу и ни на один профиль импорта",
            hint: "шаблоны таблиц — в templates/import/, профили — в templates/import/profiles/ (или укажите --profile)"))
    }

    /// True when `cells` is the header row of a known layout; sets up the mapping.
    private mutating func detectHeader(_ cells: [String], row: CSVRow, sink: RecordSink) throws -> Bool {
        // A grid's lines are wide and mostly empty: empty cells name no column.
        let named = cells.filter { !$0.isEmpty }
        let normalized = Set(named.map(CanonicalTable.normalize))
        let candidates = importer.forced.map { [$0] } ?? importer.profiles
        for p in candidates where !p.signature.isEmpty {
            if p.signature.allSatisfy({ normalized.contains(CanonicalTable.normalize($0)) }) {
                try start(profile: p, headers: cells, row: row, sink: sink)
                return true
            }
        }
        // Canonical tables (or the forced profile's table) by their header row.
        let tables: [(CanonicalTable, Profile)] = importer.forced.map { p in [(p.table, p)] }
            ?? CanonicalTable.allCases.map { ($0, Profile.canonical($0)) }
        var best: (CanonicalTable, Profile, Int)?
        for (t, p) in tables {
            let s = TableMapping.score(table: t, headers: named, profile: p)
            if s >= 2 || (importer.forced != nil && s >= 1), s > (best?.2 ?? 0) || (s == best?.2 && t.columns.count < (best?.0.columns.count ?? 0)) {
                best = (t, p, s)
            }
        }
        guard let (t, p, _) = best else { return false }
        let fixed = try headerValues(p)
        let (_, missing) = TableMapping.make(table: t, headers: cells, profile: p, fixedValues: fixed)
        if !missing.isEmpty {
            if bestCandidate == nil { bestCandidate = (t, missing, row.line, p.source == "встроенный" ? "канонический формат" : "профиль «\(p.name)»") }
            throw noHeaderFailure(file: file)
        }
        try start(profile: p, headers: cells, row: row, sink: sink)
        return true
    }

    /// Values captured from the header block by the profile's patterns, plus its fixed values;
    /// a required column whose pattern matches no header line stops the file.
    private func headerValues(_ p: Profile) throws -> [String: String] {
        var values = p.fixedValues
        for (column, pattern) in p.headerPatterns {
            guard let re = try? Regex(pattern) else { continue }
            for line in headerBlock {
                if let m = try? re.firstMatch(in: line), m.output.count > 1, let sub = m.output[1].substring {
                    values[column] = String(sub).trimmingSpaces()
                    break
                }
            }
            // Optional header values (the teacher, say) may be absent; required ones stop the file.
            let required = p.table.columns.contains { $0.required && CanonicalTable.normalize($0.name) == CanonicalTable.normalize(column) }
                || (p.gridSpec != nil && ["учебный год", "группа", "предмет"].contains(CanonicalTable.normalize(column)))
            if values[column] == nil, required {
                throw ImportFailure(Diagnostic(id: "import.header-block", location: SourceLocation(file: file, line: 1, column: 1),
                    message: "в шапке файла не найдено значение «\(column)» (профиль «\(p.name)», выражение \(pattern))"))
            }
        }
        if let g = values["Группа"] { values["Группа"] = GroupName.normalize(g) }
        return values
    }

    private mutating func start(profile p: Profile, headers: [String], row: CSVRow, sink: RecordSink) throws {
        let fixed = try headerValues(p)
        profile = p
        layout = p.layout
        cache.names = sink.symbols
        report = FileReport(path: file, profile: p.name, table: p.table.rawValue, encoding: nil, delimiter: "")
        _ = try sink.beginFile(path: file, profile: p.name)
        switch p.layout {
        case .table(let t):
            let (m, missing) = TableMapping.make(table: t, headers: headers, profile: p, fixedValues: fixed)
            if !missing.isEmpty {
                bestCandidate = (t, missing, row.line, "профиль «\(p.name)»")
                throw noHeaderFailure(file: file)
            }
            mapping = m
            for (c, column) in t.columns.enumerated() { if let i = m.fieldIndex[c] { report!.fields[column.name] = i } }
        case .grid(let spec):
            grid = try GridReader(spec: spec, monthRow: headers, row: row, fixed: fixed, profileName: p.name)
        }
    }
}
