import JournalModel

/// Where each canonical column of a file's table comes from, worked out once from its header
/// row and profile: a field of the row, several fields joined, a part of a split field, or a
/// fixed value — and whether a value map translates it. Two sources for one column stop the
/// file: the import never picks one silently.
///
/// Columns that need work (joined, split, translated) are read from extra fields appended to
/// each row by `RowTransform`; `TableMapping` then points at those, so records are built the
/// same way for every profile.
struct ColumnPlan {
    enum Source: Equatable {
        case field(Int)
        case join([Int])
        case part(field: Int, index: Int, separator: String)
    }

    let table: CanonicalTable
    var sources: [Source?]
    var mapping: TableMapping
    /// Required columns with no source.
    var missing: [String] = []
    /// Number of header fields (extra fields come after them).
    let width: Int
    /// Per extra field: its canonical column, source and value map.
    var extras: [(column: Int, source: Source, map: ValueMatcher?)] = []

    /// The field of the file a field index of the mapping stands for (extra fields point back
    /// at the first field they are made from).
    func sourceField(_ field: Int) -> Int {
        guard field >= width, field - width < extras.count else { return field }
        switch extras[field - width].source {
        case .field(let i), .part(let i, _, _): return i
        case .join(let fs): return fs.first ?? 0
        }
    }

    /// Plans `headers` (the header row `headerRow`) of a file for `profile`, with the values
    /// the header block, sheet or file name give.
    static func make(table: CanonicalTable, headers: [String], headerRow: CSVRow, profile: Profile,
                     fixedValues: [String: String]) throws(ImportFailure) -> ColumnPlan {
        let cols = table.columns
        var plan = ColumnPlan(table: table, sources: Array(repeating: nil, count: cols.count),
                              mapping: TableMapping(table: table, fieldIndex: Array(repeating: nil, count: cols.count),
                                                    fixed: Array(repeating: nil, count: cols.count)),
                              width: headers.count)
        var origin: [String?] = Array(repeating: nil, count: cols.count)
        func assign(_ c: Int, _ s: Source, _ what: String, at field: Int) throws(ImportFailure) {
            if let before = origin[c] {
                throw ImportFailure(Diagnostic(id: "import.column-twice", location: headerRow.location(column: field),
                    message: "\(before) и \(what) оба означают столбец «\(cols[c].name)» — какой из них верный, программа не выбирает",
                    sourceLine: headerRow.sourceLine,
                    hint: "если это дата и время одной записи, соедините их в профиле, в разделе [столбцы]: «А + Б = \(cols[c].name)»; "
                        + "иначе сопоставьте лишний столбец с другим или переименуйте его"))
            }
            origin[c] = what
            plan.sources[c] = s
        }
        var ruleOf: [String: Int] = [:]
        for (r, rule) in profile.columnRules.enumerated() { for h in rule.headers { ruleOf[CanonicalTable.normalize(h)] = r } }
        var joinFields: [Int: [Int?]] = [:]
        let timePartners = Self.timePartners(headers, ruled: ruleOf)
        for (i, h) in headers.enumerated() {
            let key = CanonicalTable.normalize(h)
            if key.isEmpty { continue }
            let what = "«\(h)» (столбец \(headerRow.lettered ? CellReference.letters(i) : "\(i + 1)"))"
            guard let r = ruleOf[key] else {
                if let c = table.columnIndex(h) {
                    if let t = timePartners[i] {
                        try assign(c, .join([i, t]), "«\(h) + \(headers[t])»", at: i)
                    } else {
                        try assign(c, .field(i), what, at: i)
                    }
                }
                continue
            }
            let rule = profile.columnRules[r]
            switch rule.kind {
            case .direct:
                for t in rule.targets { if let c = table.columnIndex(t) { try assign(c, .field(i), what, at: i) } }
            case .split(let sep):
                for (k, t) in rule.targets.enumerated() {
                    if let c = table.columnIndex(t) { try assign(c, .part(field: i, index: k, separator: sep), what, at: i) }
                }
            case .join:
                var fields = joinFields[r] ?? Array(repeating: nil, count: rule.headers.count)
                if let k = rule.headers.firstIndex(where: { CanonicalTable.normalize($0) == key }) {
                    if fields[k] != nil { try assign(table.columnIndex(rule.targets[0]) ?? 0, .field(i), what, at: i) }
                    fields[k] = i
                }
                joinFields[r] = fields
            }
        }
        for (r, fields) in joinFields.sorted(by: { $0.key < $1.key }) {
            let rule = profile.columnRules[r]
            guard let c = table.columnIndex(rule.targets[0]) else { continue }
            let present = fields.compactMap { $0 }
            if present.count < fields.count {
                let absent = rule.headers.indices.filter { fields[$0] == nil }.map { "«\(rule.headers[$0])»" }.joined(separator: ", ")
                throw ImportFailure(Diagnostic(id: "import.join-missing", location: headerRow.location(column: present.first ?? 0),
                    message: "в файле нет столбца \(absent): профиль «\(profile.name)» соединяет «\(rule.headers.joined(separator: " + "))» в «\(cols[c].name)» (\(profile.source):\(rule.line))",
                    sourceLine: headerRow.sourceLine))
            }
            let names = rule.headers.joined(separator: " + ")
            try assign(c, .join(present), "«\(names)»", at: present[0])
        }
        try plan.finish(profile: profile, fixedValues: fixedValues, headerRow: headerRow)
        return plan
    }

    /// A moment's date and time in two columns without a profile: «Дата выставления» and «Время
    /// выставления», «Дата внесения темы» and «Время внесения темы» — a header «дата …» and
    /// one «время …» with the same rest, neither named by the profile. The date column's field →
    /// its time column's field (the join reads «дата время»).
    static func timePartners(_ headers: [String], ruled: [String: Int]) -> [Int: Int] {
        let keys = headers.map(CanonicalTable.normalize)
        var times: [String: Int] = [:]
        for (j, k) in keys.enumerated() where k.hasPrefix("время ") && ruled[k] == nil { times[String(k.dropFirst("время ".count))] = j }
        var out: [Int: Int] = [:]
        for (i, k) in keys.enumerated() where k.hasPrefix("дата ") && ruled[k] == nil {
            if let j = times[String(k.dropFirst("дата ".count))] { out[i] = j }
        }
        return out
    }

    /// Fixed values, value maps and the mapping's field indexes.
    private mutating func finish(profile: Profile, fixedValues: [String: String], headerRow: CSVRow) throws(ImportFailure) {
        let cols = table.columns
        var maps: [Int: ValueMatcher] = [:]
        for m in profile.valueMaps { if let c = table.columnIndex(m.column) { maps[c] = ValueMatcher(m) } }
        for (k, v) in fixedValues {
            guard let c = table.columnIndex(k), sources[c] == nil else { continue }
            var value = v
            if let m = maps[c] {
                switch m.outcome(v) {
                case .value(let mapped): value = mapped
                case .problem(let why):
                    throw ImportFailure(Diagnostic(id: "import.value-map", location: SourceLocation(file: headerRow.file, line: 1, column: 1),
                                                   message: "«\(k)» (из шапки, имени листа или файла): \(why)"))
                }
            }
            mapping.fixed[c] = value
        }
        for c in cols.indices {
            guard let s = sources[c] else { continue }
            if case .field(let i) = s, maps[c] == nil {
                mapping.fieldIndex[c] = i
            } else {
                mapping.fieldIndex[c] = width + extras.count
                extras.append((c, s, maps[c]))
            }
        }
        missing = cols.indices.filter { cols[$0].required && mapping.fieldIndex[$0] == nil && mapping.fixed[$0] == nil }.map { cols[$0].name }
    }

    /// The profile's `[столбцы]` line that should have given a missing required column, and
    /// the header it names that the file does not have: the mistake is that line (a misspelt
    /// header), not the file. Nil when no line of the profile speaks of a missing column.
    static func blame(missing: [String], headers: [String], profile: Profile) -> (rule: ColumnRule, absent: String)? {
        let present = Set(headers.map(CanonicalTable.normalize))
        for name in missing {
            let key = CanonicalTable.normalize(name)
            for rule in profile.columnRules where rule.targets.contains(where: { CanonicalTable.normalize($0) == key }) {
                if let absent = rule.headers.first(where: { !present.contains(CanonicalTable.normalize($0)) }) { return (rule, absent) }
            }
        }
        return nil
    }

    /// Canonical column name → the file's field it is read from (for locating rejections).
    var fieldsByColumn: [String: Int] {
        var out: [String: Int] = [:]
        for (c, column) in table.columns.enumerated() { if let i = mapping.fieldIndex[c] { out[column.name] = sourceField(i) } }
        return out
    }

    /// Number of header cells that name a column of `table` (directly or through the profile).
    static func score(table: CanonicalTable, headers: [String], profile: Profile) -> Int {
        var ruleTargets: [String: [String]] = [:]
        for rule in profile.columnRules { for h in rule.headers { ruleTargets[CanonicalTable.normalize(h)] = rule.targets } }
        var seen = Set<Int>()
        for h in headers {
            for name in ruleTargets[CanonicalTable.normalize(h)] ?? [h] { if let c = table.columnIndex(name) { seen.insert(c) } }
        }
        return seen.count
    }
}
