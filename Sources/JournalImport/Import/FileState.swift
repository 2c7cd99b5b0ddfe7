import FileAccess
import Foundation
import JournalModel

/// The per-file state machine: searching for the header, then data rows.
struct FileState {
    let importer: FileImporter
    let file: String
    /// The sheet's name, for a sheet of a workbook.
    let sheet: String?
    /// The file's name without folder and extension (`[имя файла]`).
    let fileName: String
    /// A delimited text file (fields past the header's are then a misplaced delimiter).
    let isText: Bool
    var report: FileReport?
    var profile: Profile?
    var layout: Profile.Layout?
    /// What the data rows are read with (`RowContext`), once a table's header is found.
    var rowContext: RowContext?
    var plan: ColumnPlan?
    var transform: RowTransform?
    var headerWidth = 0
    /// The header row's cells, trimmed (a data row equal to them is the header again).
    var headerCells: [String] = []
    /// Fields holding marks (a date there is a mark a spreadsheet turned into a date).
    var valueFields: [(field: Int, column: String)] = []
    var grid: GridReader?
    var headerBlock: [String] = []
    var rowsSeen = 0
    var bestCandidate: (table: CanonicalTable, missing: [String], line: Int, source: String)?
    /// For `bestCandidate` from a profile: its line that maps a header the file lacks.
    var blamedRule: (profile: Profile, rule: ColumnRule, absent: String, headers: [String])?
    let cache = ParseCache()

    init(importer: FileImporter, file: String, sheet: String? = nil, fileName: String = "", isText: Bool = true) {
        self.importer = importer
        self.file = file
        self.sheet = sheet
        self.fileName = fileName
        self.isText = isText
    }

    mutating func handle(_ row: CSVRow, sink: RecordSink) throws {
        if report == nil {
            rowsSeen += 1
            // A cell of a header names a column: a longer one cannot, and comparing megabytes of
            // text with every column name of every profile would take minutes.
            let cells = try (0..<row.count).map { i in
                row.byteCount(i) > FileImporter.maxHeaderCellBytes ? "" : try row.text(i).trimmingSpaces()
            }
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
        guard let rowContext else { return }
        report!.read += 1
        if isText, let extra = try extraField(row) {
            let d = row.delimiter == 0x09 ? "табуляция" : "«\(String(UnicodeScalar(row.delimiter)))»"
            report!.reject(Rejection(location: row.location(column: extra),
                reason: "в строке больше полей, чем столбцов в заголовке (\(headerWidth)): лишнее поле «\(String(try row.trimmedText(extra).prefix(60)))». "
                    + "Если разделитель \(d) — часть значения, значение нужно заключить в кавычки",
                sourceLine: row.sourceLine, field: extra))
            return
        }
        // (Only a workbook's cells can be dates or numbers: `valueFields` is empty for text files.)
        for (f, column) in valueFields {
            guard let why = row.spreadsheetConversion(f, column: column) else { continue }
            report!.reject(Rejection(location: row.location(column: f), reason: why, sourceLine: row.sourceLine, field: f))
            return
        }
        do {
            let record: Record
            if let transform {
                record = try transform.withRow(row) { derived in
                    try RecordBuilder.record(RowAccess(row: derived, file: rowContext))
                }
            } else {
                record = try RecordBuilder.record(RowAccess(row: row, file: rowContext))
            }
            try sink.accept(record, line: row.line)
            report!.accepted += 1
        } catch let rej as RowRejection {
            if try isHeaderAgain(row) {
                // Exports glued into one file (`cat` of monthly files) repeat the header.
                report!.reject(Rejection(location: row.location(column: 0),
                    reason: "повторная строка заголовка: файл, вероятно, склеен из нескольких выгрузок — строка пропущена, остальные строки читаются",
                    sourceLine: row.sourceLine, field: 0))
                return
            }
            let mapped = rej.column.flatMap { rowContext.mapping.fieldIndex[$0] } ?? 0
            let field = plan?.sourceField(mapped) ?? mapped
            report!.reject(Rejection(location: row.location(column: field), reason: rej.reason, sourceLine: row.sourceLine, field: field))
        }
    }

    /// The row holds the header's cells again (asked only of a rejected row).
    private func isHeaderAgain(_ row: CSVRow) throws -> Bool {
        guard !headerCells.isEmpty, row.count >= headerCells.count else { return false }
        for (i, h) in headerCells.enumerated() where try row.trimmedText(i) != h { return false }
        return true
    }

    /// The first non-empty field past the header's last column (a delimiter inside an unquoted
    /// value splits it and shifts what follows).
    private func extraField(_ row: CSVRow) throws -> Int? {
        guard row.count > headerWidth else { return nil }
        for i in headerWidth..<row.count where row.byteCount(i) > 0 {
            if try !row.trimmedText(i).isEmpty { return i }
        }
        return nil
    }

    func noHeaderFailure(file: String) -> ImportFailure {
        if let b = blamedRule {
            // The profile names a header the file does not have: point at the profile's line.
            let lineText = (try? InputFile.text(b.profile.source))?.split(separator: "\n", omittingEmptySubsequences: false)
                .dropFirst(b.rule.line - 1).first.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
            let near = Suggestions.closest(to: b.absent, among: b.headers.filter { !$0.isEmpty })
            let target = b.rule.targets.joined(separator: "», «")
            return ImportFailure(Diagnostic(id: "import.profile-column-missing",
                location: SourceLocation(file: b.profile.source, line: b.rule.line, column: 1),
                message: "в файле \(file) нет столбца «\(b.absent)», который эта строка профиля «\(b.profile.name)» переводит в «\(target)»",
                sourceLine: lineText,
                hint: (near.map { "возможно, в профиле должно быть «\($0)»? " } ?? "")
                    + "заголовки файла: " + b.headers.filter { !$0.isEmpty }.prefix(30).joined(separator: "; ")))
        }
        if let c = bestCandidate {
            let cols = c.missing.map { "«\($0)»" }.joined(separator: ", ")
            return ImportFailure(Diagnostic(id: "import.missing-column", location: SourceLocation(file: file, line: c.line, column: 1),
                message: "нет обязательного столбца \(cols) (таблица «\(c.table.rawValue)», \(c.source))",
                hint: "заголовки столбцов таблицы «\(c.table.rawValue)»: " + c.table.columns.map(\.name).joined(separator: "; ")))
        }
        return ImportFailure(Diagnostic(id: "import.no-header", location: SourceLocation(file: file, line: 1, column: 1),
            message: "не найдена строка заголовков: файл не похож ни на одну каноническую таблицу и ни на один профиль импорта",
            hint: "шаблоны таблиц — в templates/import/; профили искались в "
                + (importer.options.profileDirectories.isEmpty ? "templates/import/profiles/" : importer.options.profileDirectories.joined(separator: ", "))
                + " (свою папку профилей задают --profiles ПАПКА или ZHURNAL_PROFILES; профиль для всех файлов — --profile)"))
    }

    /// True when `cells` is the header row of a known layout; sets up the mapping.
    private mutating func detectHeader(_ cells: [String], row: CSVRow, sink: RecordSink) throws -> Bool {
        // A grid's lines are wide and mostly empty: empty cells name no column.
        let named = cells.filter { !$0.isEmpty }
        let normalized = Set(named.map(CanonicalTable.normalize))
        let candidates = (importer.forced.map { [$0] } ?? importer.profiles).filter { $0.reads(sheet: sheet) }
        for p in candidates where !p.signature.isEmpty {
            if p.signature.allSatisfy({ normalized.contains(CanonicalTable.normalize($0)) }) {
                try start(profile: p, headers: cells, row: row, sink: sink)
                return true
            }
        }
        // Profiles chosen by the sheet's name alone, the forced profile's table, or the canonical
        // tables, by their header row.
        let bySheet = importer.forced == nil ? candidates.filter { $0.signature.isEmpty && $0.sheetPattern != nil } : []
        let tables: [(CanonicalTable, Profile)] = !bySheet.isEmpty ? bySheet.map { ($0.table, $0) }
            : importer.forced.map { p in [(p.table, p)] }
            ?? CanonicalTable.allCases.map { ($0, Profile.canonical($0)) }
        let lenient = importer.forced != nil || !bySheet.isEmpty
        var best: (CanonicalTable, Profile, Int)?
        for (t, p) in tables where p.gridSpec == nil {
            let s = ColumnPlan.score(table: t, headers: named, profile: p)
            if s >= 2 || (lenient && s >= 1), s > (best?.2 ?? 0) || (s == best?.2 && t.columns.count < (best?.0.columns.count ?? 0)) {
                best = (t, p, s)
            }
        }
        guard let (t, p, _) = best else { return false }
        let plan = try ColumnPlan.make(table: t, headers: cells, headerRow: row, profile: p, fixedValues: try headerValues(p, row: row))
        if !plan.missing.isEmpty {
            // Perhaps the first of two header rows (group titles over the columns): look on.
            if bestCandidate == nil {
                bestCandidate = (t, plan.missing, row.line, p.source == "встроенный" ? "канонический формат" : "профиль «\(p.name)»")
                if p.source != "встроенный", let b = ColumnPlan.blame(missing: plan.missing, headers: cells, profile: p) {
                    blamedRule = (p, b.rule, b.absent, cells)
                }
            }
            return false
        }
        try start(profile: p, headers: cells, row: row, sink: sink)
        return true
    }

    /// Values captured by the profile's patterns from the header block, the sheet's name and the
    /// file's name, plus its fixed values; a required value no pattern finds stops the file.
    private func headerValues(_ p: Profile, row: CSVRow) throws -> [String: String] {
        var values = p.fixedValues
        let searches: [(patterns: [(column: String, pattern: String)], texts: [String], place: String)] = [
            (p.headerPatterns, headerBlock, "в шапке файла"),
            (p.sheetNamePatterns, sheet.map { [$0] } ?? [], "в имени листа"),
            (p.fileNamePatterns, [fileName], "в имени файла"),
        ]
        for (patterns, texts, place) in searches {
            for (column, pattern) in patterns {
                guard let re = try? BoundedRegex(pattern) else { continue }
                for line in texts {
                    switch re.firstMatch(in: line) {
                    case .noMatch: continue
                    case .match(let whole, let group):
                        guard let sub = re.captureGroups > 0 ? group : whole else { continue }
                        values[column] = sub.trimmingSpaces()
                    case .exceeded:
                        throw ImportFailure(Diagnostic(id: "import.slow-regex", location: SourceLocation(file: file, line: 1, column: 1),
                            message: "\(place): \(re.exceededReason) (профиль «\(p.name)»)"))
                    }
                    break
                }
                // Optional header values (the teacher, say) may be absent; required ones stop the file.
                let required = p.table.columns.contains { $0.required && CanonicalTable.normalize($0.name) == CanonicalTable.normalize(column) }
                    || (p.gridSpec != nil && ["учебный год", "группа", "предмет"].contains(CanonicalTable.normalize(column)))
                if values[column] == nil, required {
                    throw ImportFailure(Diagnostic(id: "import.header-block", location: SourceLocation(file: file, line: 1, column: 1),
                        message: "\(place) не найдено значение «\(column)» (профиль «\(p.name)», выражение \(pattern))"))
                }
            }
        }
        if let g = values["Группа"] { values["Группа"] = GroupName.normalize(g) }
        return values
    }

    private mutating func start(profile p: Profile, headers: [String], row: CSVRow, sink: RecordSink) throws {
        let fixed = try headerValues(p, row: row)
        profile = p
        layout = p.layout
        cache.names = sink.symbols
        report = FileReport(path: file, profile: p.name, table: p.table.rawValue, encoding: nil, delimiter: "")
        _ = try sink.beginFile(path: file, profile: p.name)
        switch p.layout {
        case .table(let t):
            let plan = try ColumnPlan.make(table: t, headers: headers, headerRow: row, profile: p, fixedValues: fixed)
            if !plan.missing.isEmpty {
                bestCandidate = (t, plan.missing, row.line, "профиль «\(p.name)»")
                if let b = ColumnPlan.blame(missing: plan.missing, headers: headers, profile: p) { blamedRule = (p, b.rule, b.absent, headers) }
                throw noHeaderFailure(file: file)
            }
            self.plan = plan
            rowContext = RowContext(mapping: plan.mapping, profile: p, options: importer.options, cache: cache)
            transform = plan.extras.isEmpty ? nil : RowTransform(plan: plan)
            headerWidth = headers.count
            headerCells = headers
            report!.fields = plan.fieldsByColumn
            let valueColumns: [CanonicalTable: [String]] = [.marks: ["Значение"], .periodMarks: ["Значение"], .changes: ["Было", "Стало"]]
            for name in isText ? [] : valueColumns[t] ?? [] {
                if let c = t.columnIndex(name), case .field(let i)? = plan.sources[c] { valueFields.append((i, name)) }
            }
        case .grid(let spec):
            grid = try GridReader(spec: spec, monthRow: try periodTitles(headers, p, row: row), row: row, fixed: fixed, profileName: p.name)
        }
    }

    /// The grid's month row with its period titles («I четв.») translated by the profile's
    /// `[словарь: Период]`; months and empty cells stay.
    private func periodTitles(_ cells: [String], _ p: Profile, row: CSVRow) throws -> [String] {
        guard let map = p.valueMaps.first(where: { CanonicalTable.normalize($0.column) == "период" }).map(ValueMatcher.init) else { return cells }
        var out = cells
        for (i, text) in cells.enumerated() where !text.isEmpty && GridReader.month(text) == nil && i >= (p.gridSpec?.firstDataColumn ?? 1) - 1 {
            switch map.outcome(text) {
            case .value(let v): out[i] = v
            case .problem(let why):
                throw ImportFailure(Diagnostic(id: "import.value-map", location: row.location(column: i), message: why, sourceLine: row.sourceLine))
            }
        }
        return out
    }
}
