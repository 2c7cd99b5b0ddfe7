import JournalModel

/// The paper-journal grid: a month row (month names, with period-mark columns such as
/// «1 четв», «Год», «Итог» between them), a day-of-month row, then one row per student.
/// Years come from the school year in the header block («Год: 2025/2026»): September–December
/// are its first year, January–August the second.
struct GridReader {
    /// A day column carries its date and its place among the columns of that date: a repeated
    /// date is a double lesson (two lessons of the subject that day). The records name the k-th
    /// column of a date as lesson `-k` (see `LessonRecord.number`); the merge pairs these with
    /// the numbered lessons of that day in order.
    enum Column: Equatable { case none, date(LocalDate, repeatIndex: Int), period(String) }

    let spec: Profile.GridSpec
    let monthCells: [String]
    let fixed: [String: String]
    let startYear: Int
    let group: String
    let subject: String
    var columns: [Column] = []
    var dayRowSeen = false
    var dataStarted = false

    init(spec: Profile.GridSpec, monthRow: [String], row: CSVRow, fixed: [String: String], profileName: String) throws {
        self.spec = spec
        self.monthCells = monthRow
        self.fixed = fixed
        func fail(_ m: String) -> ImportFailure {
            ImportFailure(Diagnostic(id: "import.grid-header", location: row.location(column: 0), message: m, sourceLine: row.sourceLine))
        }
        guard let y = fixed["Учебный год"].flatMap({ Int($0.prefix(4)) }), (2000...2100).contains(y) else {
            throw fail("не найден учебный год для дат сетки: в профиле «\(profileName)» нужна строка «Учебный год = …» в разделе [шапка]")
        }
        guard let g = fixed["Группа"], let s = fixed["Предмет"] else {
            throw fail("в шапке сетки не найдены класс (группа) и предмет (профиль «\(profileName)»)")
        }
        startYear = y
        group = g
        subject = s
    }

    static func month(_ text: String) -> Int? {
        let t = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        let names = ["янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
        if t.hasPrefix("ма") { return t.hasPrefix("мар") ? 3 : (t.hasPrefix("май") || t.hasPrefix("мая") ? 5 : nil) }
        return names.firstIndex { t.hasPrefix($0) }.map { $0 + 1 }
    }

    mutating func handle(_ row: CSVRow, report: inout FileReport, sink: RecordSink, options: ImportOptions) throws {
        if !dayRowSeen { try readDayRow(row, sink: sink); return }
        let numberCell = try row.trimmedText(0)
        if !dataStarted {
            // Another header line («Фамилия и имя ученика»): no row number and nothing in the
            // day and period columns. Anything else is a student row.
            var hasValues = false
            for (i, col) in columns.enumerated() where col != .none && i < row.count && row.byteCount(i) > 0 {
                if try !row.trimmedText(i).isEmpty { hasValues = true; break }
            }
            guard Int(numberCell) != nil || hasValues else { return }
            dataStarted = true
        }
        report.read += 1
        let nameIndex = spec.nameColumn - 1
        let name = try row.trimmedText(nameIndex)
        if name.isEmpty {
            report.reject(Rejection(location: row.location(column: nameIndex), reason: "не указан обучающийся", sourceLine: row.sourceLine, field: nameIndex))
            return
        }
        for i in 0..<row.count where row.byteCount(i) > options.maxFieldCharacters {
            guard let why = row.tooLong(i, limit: options.maxFieldCharacters) else { continue }
            report.reject(Rejection(location: row.location(column: i), reason: why, sourceLine: row.sourceLine, field: i))
            return
        }
        // A mark a spreadsheet turned into a date or a negative number (a sheet of a workbook).
        for (i, col) in columns.enumerated() where i < row.count {
            let title: String
            switch col { case .date(let d, _): title = "\(d)"; case .period(let p): title = p; case .none: continue }
            if let why = row.spreadsheetConversion(i, column: title) {
                report.reject(Rejection(location: row.location(column: i), reason: why, sourceLine: row.sourceLine, field: i))
                // The row's marks are not taken, but its name still lists the student in the
                // group (the grid is the class list): other files' rows for the student stand.
                try sink.accept(.student(StudentRecord(group: group, name: name, source: .grid)), line: row.line)
                return
            }
        }
        var records: [Record] = [.student(StudentRecord(group: group, name: name, source: .grid))]
        for (i, col) in columns.enumerated() where i < row.count {
            let text = try row.trimmedText(i)
            if text.isEmpty { continue }
            switch col {
            case .date(let d, let rep):
                let names = sink.symbols
                let mark = DecimalMark.integral(text)
                if mark != nil { report.decimalMarks += 1 }
                records.append(.cell(CellRecord(group: names.intern(group), subject: names.intern(subject), date: d,
                                                number: -rep, student: names.intern(name),
                                                value: names.intern(mark ?? text), workType: nil, enteredAt: nil, enteredBy: nil)))
            case .period(let p):
                let names = sink.symbols
                records.append(.periodMark(PeriodMarkRecord(group: names.intern(group), subject: names.intern(subject),
                                                            student: names.intern(name), period: p,
                                                            value: CellValue(parsing: DecimalMark.integral(text) ?? text),
                                                            enteredAt: nil, enteredBy: nil)))
            case .none:
                if i >= spec.firstDataColumn - 1 {
                    report.reject(Rejection(location: row.location(column: i),
                                            reason: "значение «\(text)» в столбце без даты и без названия периода", sourceLine: row.sourceLine, field: i))
                    return
                }
            }
        }
        for r in records { try sink.accept(r, line: row.line) }
        report.accepted += 1
    }

    private mutating func readDayRow(_ row: CSVRow, sink: RecordSink) throws {
        let cells = try row.texts().map { $0.trimmingSpaces() }
        guard cells.contains(where: { CanonicalTable.normalize($0) == CanonicalTable.normalize(spec.dayRowLabel) }) else {
            throw ImportFailure(Diagnostic(id: "import.grid-days", location: row.location(column: 0),
                message: "после строки месяцев ожидается строка чисел («\(spec.dayRowLabel)»)", sourceLine: row.sourceLine))
        }
        var month: Int?
        let width = max(cells.count, monthCells.count)
        columns = Array(repeating: .none, count: width)
        for i in (spec.firstDataColumn - 1)..<width {
            let top = i < monthCells.count ? monthCells[i] : ""
            let day = i < cells.count ? cells[i] : ""
            if !top.isEmpty {
                if let m = Self.month(top) { month = m } else {
                    month = nil
                    if day.isEmpty { columns[i] = .period(top); continue }
                }
            }
            guard !day.isEmpty else { continue }
            guard let m = month, let d = Int(day),
                  let date = LocalDate(year: m >= 8 ? startYear : startYear + 1, month: m, day: d) else {
                throw ImportFailure(Diagnostic(id: "import.grid-days", location: row.location(column: i),
                    message: "число «\(day)» не даёт даты: \(month.map { "месяц \($0)" } ?? "месяц не указан")", sourceLine: row.sourceLine))
            }
            let seen = columns[..<i].filter { if case .date(date, _) = $0 { true } else { false } }.count
            columns[i] = .date(date, repeatIndex: seen)
        }
        dayRowSeen = true
        for case .date(let d, let rep) in columns {
            let names = sink.symbols
            var l = LessonRecord(group: names.intern(group), subject: names.intern(subject), date: d)
            l.number = -rep
            l.scheduledTeacher = fixed["Учитель по расписанию"].map { names.intern($0) }
            try sink.accept(.lesson(l), line: row.line)
        }
    }
}
