import JournalModel

/// The sections of a profile: `[столбцы]`, `[шапка]`, `[имя листа]`, `[имя файла]`,
/// `[значения]`, `[форматы]`, `[словарь: Столбец]`, `[сетка]`.
extension ProfileBuilder {
    mutating func openSection(_ title: String, raw: String, number: Int) throws(ImportFailure) {
        let lower = title.lowercased()
        currentMap = nil
        sectionLine = number
        if lower.hasPrefix("словарь") {
            let column = String(title.dropFirst("словарь".count)).trimmingSpaces()
                .trimmingCharacters(in: [":"]).trimmingSpaces()
            guard !column.isEmpty else {
                throw lineFailure(raw, number, "в заголовке словаря не указан столбец", hint: "пример: [словарь: Период]")
            }
            if let other = p.valueMaps.first(where: { CanonicalTable.normalize($0.column) == CanonicalTable.normalize(column) }) {
                throw lineFailure(raw, number, "словарь столбца «\(column)» уже есть (строка \(other.line))")
            }
            let l = ProfileLine(file: file, raw: raw, number: number, key: column, value: "", keyColumn: 1, valueColumn: 1)
            columnReferences.append((column, l, false))
            p.valueMaps.append(ValueMap(column: column, file: file, line: number))
            currentMap = p.valueMaps.count - 1
            section = "словарь"
            return
        }
        guard ProfileParser.sections.contains(lower) else {
            throw lineFailure(raw, number, "неизвестный раздел «\(title)»",
                              hint: "разделы: " + ProfileParser.sections.map { $0 == "словарь" ? "[словарь: Столбец]" : "[\($0)]" }.joined(separator: ", "))
        }
        section = lower
    }

    mutating func sectionLine(_ l: ProfileLine) throws(ImportFailure) {
        switch section {
        case "столбцы": try columnRule(l)
        case "шапка", "имя листа", "имя файла":
            try checkRegex(l)
            columnReferences.append((l.key, l, false))
            let entry = (column: l.key, pattern: l.value)
            switch section {
            case "шапка": p.headerPatterns.append(entry)
            case "имя листа": p.sheetNamePatterns.append(entry)
            default: p.fileNamePatterns.append(entry)
            }
        case "значения":
            columnReferences.append((l.key, l, false))
            p.fixedValues[l.key] = l.value
        case "форматы":
            columnReferences.append((l.key, l, false))
            guard let d = try pattern(l) else { return }
            formats.append((l.key, d, l))
        case "словарь": try mapLine(l)
        case "сетка": try gridLine(l)
        default: break
        }
    }

    private func checkRegex(_ l: ProfileLine) throws(ImportFailure) {
        try Self.checkPattern(l.value, l, shown: l.value, offset: 0)
    }

    /// A pattern of the profile: ICU must read it (the import matches with `BoundedRegex`), and
    /// it must not backtrack without end (`RegexLint`); each mistake at its place in the line.
    static func checkPattern(_ re: String, _ l: ProfileLine, shown: String, offset: Int) throws(ImportFailure) {
        do { _ = try BoundedRegex(re) } catch {
            throw l.fail("ошибка в регулярном выражении \(shown): выражение не разбирается (незакрытая скобка или лишний знак)", atValue: true)
        }
        if let slow = RegexLint.problem(re) {
            var f = l.fail(slow.message, atValue: true, hint: "выражение проверяется на каждой строке выгрузки")
            f.diagnostic.location?.column += offset + slow.offset
            throw f
        }
    }

    /// `Заголовок = Столбец`, `Заголовок = Столбец; Столбец`, `А + Б = Столбец`,
    /// `Заголовок = Столбец <разделитель> Столбец`.
    private mutating func columnRule(_ l: ProfileLine) throws(ImportFailure) {
        guard let table, !isGrid else {
            throw l.fail(isGrid ? "в профиле сетки раздел [столбцы] не используется" : "раздел [столбцы] — после строки «таблица = …»")
        }
        let headers = l.key.components(separatedBy: " + ").map { $0.trimmingSpaces() }
        guard !headers.contains(where: \.isEmpty) else { throw l.fail("пустое имя столбца в «\(l.key)»") }
        var rule: ColumnRule
        if headers.count > 1 {
            guard table.columnIndex(l.value) != nil else { throw unknownColumn(l.value, l, table) }
            rule = ColumnRule(headers: headers, targets: [l.value], kind: .join, line: l.number)
        } else if l.value.contains(";") {
            let targets = l.value.split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            for t in targets where table.columnIndex(t) == nil { throw unknownColumn(t, l, table) }
            rule = ColumnRule(headers: headers, targets: targets, kind: .direct, line: l.number)
        } else if table.columnIndex(l.value) != nil {
            rule = ColumnRule(headers: headers, targets: [l.value], kind: .direct, line: l.number)
        } else if let (a, separator, b) = Self.split(l.value, table) {
            rule = ColumnRule(headers: headers, targets: [a, b], kind: .split(separator: separator), line: l.number)
        } else {
            throw unknownColumn(l.value, l, table)
        }
        for earlier in p.columnRules {
            let same = earlier.headers.map(CanonicalTable.normalize)
            if let h = headers.first(where: { same.contains(CanonicalTable.normalize($0)) }) {
                throw l.fail("столбец «\(h)» уже сопоставлен в строке \(earlier.line)")
            }
            for t in rule.targets where earlier.targets.contains(where: { table.columnIndex($0) == table.columnIndex(t) }) {
                throw l.fail("столбец «\(t)» уже заполняется в строке \(earlier.line)", atValue: true,
                             hint: "чтобы соединить два столбца файла, напишите их через « + »: Дата + Время = \(t)")
            }
        }
        p.columnRules.append(rule)
    }

    /// `Начало - Окончание`: two columns of `table` around a separator.
    static func split(_ text: String, _ table: CanonicalTable) -> (String, String, String)? {
        let chars = Array(text)
        // Two column names and a separator fit in far fewer characters; a longer text is no
        // split (trying every cut of a 20,000-character line took minutes — found by fuzzing).
        guard chars.count <= 256 else { return nil }
        for k in 1..<max(1, chars.count) {
            let left = String(chars[..<k]).trimmingSpaces()
            guard table.columnIndex(left) != nil else { continue }
            for j in k..<chars.count {
                let sep = String(chars[k..<j]).trimmingSpaces()
                let right = String(chars[j...]).trimmingSpaces()
                if !sep.isEmpty, table.columnIndex(right) != nil { return (left, sep, right) }
            }
        }
        return nil
    }

    func unknownColumn(_ name: String, _ l: ProfileLine, _ table: CanonicalTable, atValue: Bool = true) -> ImportFailure {
        let names = table.columns.map(\.name)
        return l.fail("в таблице «\(table.rawValue)» нет столбца «\(name)»", atValue: atValue,
                      hint: Suggestions.closest(to: name, among: names).map { "возможно, «\($0)»?" }
                        ?? "столбцы: " + names.joined(separator: "; "))
    }

    /// `значение = вариант; вариант; /выражение/` or `иначе = как есть | отклонить | значение`.
    private mutating func mapLine(_ l: ProfileLine) throws(ImportFailure) {
        guard let k = currentMap else { return }
        if l.key.lowercased() == "иначе" {
            switch l.value.lowercased() {
            case "как есть": p.valueMaps[k].otherwise = .keep
            case "отклонить", "": p.valueMaps[k].otherwise = .reject
            default: p.valueMaps[k].otherwise = .value(l.value)
            }
            return
        }
        var entry = ValueMap.Entry(value: l.key, variants: [], patterns: [], line: l.number)
        for part in Self.variants(l.value) {
            if part.count >= 2, part.hasPrefix("/"), part.hasSuffix("/") {
                let re = String(part.dropFirst().dropLast())
                let at = l.value.range(of: part).map { l.value.distance(from: l.value.startIndex, to: $0.lowerBound) + 1 } ?? 0
                try Self.checkPattern(re, l, shown: "/\(re)/", offset: at)
                entry.patterns.append(re)
            } else {
                entry.variants.append(part)
            }
        }
        p.valueMaps[k].entries.append(entry)
    }

    /// Parts of `a; b; /x;y/` split at `;` outside `/…/`.
    static func variants(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inRegex = false
        for ch in text {
            if ch == "/" && (inRegex || current.trimmingSpaces().isEmpty) { inRegex.toggle() }
            if ch == ";" && !inRegex {
                out.append(current.trimmingSpaces())
                current = ""
                continue
            }
            current.append(ch)
        }
        out.append(current.trimmingSpaces())
        return out.filter { !$0.isEmpty }
    }

    /// The last column of a worksheet (XFD): a larger number is a typo.
    static let maxColumn = 16_384

    private mutating func gridLine(_ l: ProfileLine) throws(ImportFailure) {
        switch l.key.lowercased() {
        case "строка месяцев": grid.monthRowLabel = l.value
        case "строка чисел": grid.dayRowLabel = l.value
        case "столбец ученика":
            guard let n = Int(l.value), (1...Self.maxColumn).contains(n) else {
                throw l.fail("ожидается номер столбца от 1 до 16 384 (столько столбцов у листа Excel)", atValue: true)
            }
            grid.nameColumn = n
        case "первый столбец отметок":
            guard let n = Int(l.value), (1...Self.maxColumn).contains(n) else {
                throw l.fail("ожидается номер столбца от 1 до 16 384 (столько столбцов у листа Excel)", atValue: true)
            }
            grid.firstDataColumn = n
        default:
            throw l.fail("неизвестный параметр сетки «\(l.key)»", hint: "параметры: " + ProfileParser.gridParameters.joined(separator: ", "))
        }
    }

    /// Every canonical column a section names exists in the profile's table (the grid also
    /// knows «Учебный год» and «Учитель по расписанию»); formats go to their columns.
    mutating func checkColumns(_ table: CanonicalTable) throws(ImportFailure) {
        let gridExtras = ["учебный год", "учитель по расписанию", "период"]
        for (name, l, atValue) in columnReferences {
            if table.columnIndex(name) != nil { continue }
            if isGrid, gridExtras.contains(CanonicalTable.normalize(name)) { continue }
            throw unknownColumn(name, l, table, atValue: atValue)
        }
        var perColumn = [DatePattern?](repeating: nil, count: table.columns.count)
        for (column, pattern, _) in formats { if let c = table.columnIndex(column) { perColumn[c] = pattern } }
        p.columnFormats = formats.isEmpty ? [] : perColumn
    }
}
