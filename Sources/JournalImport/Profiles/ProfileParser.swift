import Foundation
import FileAccess
import JournalModel

/// Reads the declarative profile format (the reference is `templates/import/README.md`, and a
/// test holds it to `parameters`, `sections` and `gridParameters` below):
///
///     название = журнал отметок
///     таблица = отметки
///     признак = Дата и время выставления; Выставил
///     [столбцы]
///     Ученик = Обучающийся
///     Дата выставления + Время выставления = Внесено
///     [шапка]
///     Предмет = Наименование предмета:\s*(.+)
///
/// A mistake stops with the profile's `file:line:col`, the line and a hint.
public enum ProfileParser {
    /// Parameters before the first section.
    public static let parameters = ["название", "таблица", "кодировка", "разделитель", "признак", "лист",
                                    "формат даты", "формат времени"]
    /// Sections (`[словарь: Столбец]` names its column after a colon).
    public static let sections = ["столбцы", "шапка", "имя листа", "имя файла", "значения", "форматы", "словарь", "сетка"]
    public static let gridParameters = ["строка месяцев", "строка чисел", "столбец ученика", "первый столбец отметок"]

    public static func load(path: String) throws(ImportFailure) -> Profile {
        let text: String
        do { text = try InputFile.text(path) } catch {
            throw ImportFailure(Diagnostic(id: "profile.unreadable", location: SourceLocation(file: path, line: 1, column: 1),
                                           message: "не удалось прочитать профиль импорта: \(error.reason)"))
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(ImportFailure) -> Profile {
        var b = ProfileBuilder(file: file)
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (i, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rawLine = String(raw)
            if rawLine.hasSuffix("\r") { rawLine.removeLast() }
            try b.line(rawLine, number: i + 1)
        }
        return try b.finish()
    }
}

/// One line of a profile being read, with what a message about it needs.
struct ProfileLine {
    let file: String
    let raw: String
    let number: Int
    let key: String
    let value: String
    /// 1-based columns of the key and of the value in `raw`.
    let keyColumn: Int
    let valueColumn: Int

    func fail(_ message: String, atValue: Bool = false, hint: String? = nil) -> ImportFailure {
        ImportFailure(Diagnostic(id: "profile.syntax", location: SourceLocation(file: file, line: number, column: atValue ? valueColumn : keyColumn),
                                 message: message, sourceLine: raw, hint: hint))
    }
}

/// The state of `ProfileParser.parse`: top-level parameters here, sections in `ProfileSections.swift`.
struct ProfileBuilder {
    let file: String
    var section = ""
    var sectionLine = 0
    var name: String?
    var isGrid = false
    var table: CanonicalTable?
    var tableLine: ProfileLine?
    var p: Profile
    var grid = Profile.GridSpec()
    /// Canonical column names used in sections, checked against the table at the end.
    var columnReferences: [(name: String, line: ProfileLine, atValue: Bool)] = []
    var formats: [(column: String, pattern: DatePattern, line: ProfileLine)] = []
    var currentMap: Int?

    init(file: String) {
        self.file = file
        p = Profile(name: "", layout: .table(.marks), source: file)
    }

    func lineFailure(_ raw: String, _ number: Int, _ message: String, hint: String? = nil) -> ImportFailure {
        let lead = raw.prefix(while: { $0 == " " || $0 == "\t" }).count
        return ImportFailure(Diagnostic(id: "profile.syntax", location: SourceLocation(file: file, line: number, column: lead + 1),
                                        message: message, sourceLine: raw, hint: hint))
    }

    mutating func line(_ raw: String, number: Int) throws(ImportFailure) {
        let line = raw.trimmingSpaces()
        if line.isEmpty || line.hasPrefix("#") { return }
        if line.hasPrefix("[") {
            guard line.hasSuffix("]") else { throw lineFailure(raw, number, "раздел должен заканчиваться «]»") }
            try openSection(String(line.dropFirst().dropLast()).trimmingSpaces(), raw: raw, number: number)
            return
        }
        guard let eq = raw.firstIndex(of: "=") else {
            throw lineFailure(raw, number, "ожидается «ключ = значение»")
        }
        let key = String(raw[..<eq]).trimmingSpaces()
        var valueStart = raw.index(after: eq)
        while valueStart < raw.endIndex, raw[valueStart] == " " || raw[valueStart] == "\t" { valueStart = raw.index(after: valueStart) }
        var value = String(raw[raw.index(after: eq)...]).trimmingSpaces()
        // A comment after two spaces, except where `#` may belong to an expression.
        if !["шапка", "имя листа", "имя файла", "словарь"].contains(section), let hash = value.range(of: "  #") {
            value = String(value[..<hash.lowerBound]).trimmingSpaces()
        }
        let lead = raw.prefix(while: { $0 == " " || $0 == "\t" }).count
        let l = ProfileLine(file: file, raw: raw, number: number, key: key, value: value, keyColumn: lead + 1,
                            valueColumn: raw.distance(from: raw.startIndex, to: valueStart) + 1)
        if key.isEmpty { throw l.fail("слева от «=» ничего нет") }
        if section.isEmpty { try parameter(l) } else { try sectionLine(l) }
    }

    private mutating func parameter(_ l: ProfileLine) throws(ImportFailure) {
        let value = l.value
        switch l.key.lowercased() {
        case "название": name = value
        case "таблица":
            tableLine = l
            if value.lowercased() == "сетка" { isGrid = true; table = .marks }
            else if let t = CanonicalTable(rawValue: value.lowercased()) { isGrid = false; table = t }
            else {
                let names = CanonicalTable.allCases.map(\.rawValue) + ["сетка"]
                throw l.fail("неизвестная таблица «\(value)»", atValue: true,
                             hint: Suggestions.closest(to: value, among: names).map { "возможно, «\($0)»?" } ?? "таблицы: " + names.joined(separator: ", "))
            }
        case "кодировка":
            switch value.lowercased() {
            case "авто": p.encoding = nil
            case "utf-8", "utf8": p.encoding = .utf8
            case "windows-1251", "cp1251", "1251": p.encoding = .cp1251
            default: throw l.fail("неизвестная кодировка «\(value)»", atValue: true, hint: "допустимо: авто, utf-8, windows-1251")
            }
        case "разделитель":
            switch value.lowercased() {
            case "авто": p.delimiter = nil
            case ";": p.delimiter = UInt8(ascii: ";")
            case ",": p.delimiter = UInt8(ascii: ",")
            case "|": p.delimiter = UInt8(ascii: "|")
            case "таб", "tab": p.delimiter = 0x09
            default: throw l.fail("неизвестный разделитель «\(value)»", atValue: true, hint: "допустимо: авто, ;, «,», |, таб")
            }
        case "признак":
            p.signature = value.split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        case "лист":
            guard !value.isEmpty else { throw l.fail("не указано имя листа", atValue: true, hint: "например: лист = Оценки*") }
            p.sheetPattern = value
        case "формат даты":
            p.datePattern = try pattern(l)
        case "формат времени":
            p.timestampPattern = try pattern(l)
        default:
            throw l.fail("неизвестный параметр «\(l.key)»",
                         hint: Suggestions.closest(to: l.key, among: ProfileParser.parameters).map { "возможно, «\($0)»?" }
                            ?? "параметры: " + ProfileParser.parameters.joined(separator: ", "))
        }
    }

    /// A date/time format (`авто` is none).
    func pattern(_ l: ProfileLine) throws(ImportFailure) -> DatePattern? {
        if l.value.lowercased() == "авто" { return nil }
        guard let d = DatePattern(l.value) else {
            throw l.fail("не понят формат «\(l.value)»", atValue: true,
                         hint: "пример: дд.мм.гггг или гггг-мм-ддTчч:ми:сс (дд — день, мм — месяц, гггг — год, чч — часы, ми — минуты, сс — секунды, зона — смещение)")
        }
        return d
    }

    mutating func finish() throws(ImportFailure) -> Profile {
        guard let name else {
            throw ImportFailure(Diagnostic(id: "profile.syntax", location: SourceLocation(file: file, line: 1, column: 1), message: "в профиле нет строки «название = …»"))
        }
        guard let table else {
            throw ImportFailure(Diagnostic(id: "profile.syntax", location: SourceLocation(file: file, line: 1, column: 1), message: "в профиле нет строки «таблица = …»"))
        }
        try checkColumns(table)
        p.name = name
        p.layout = isGrid ? .grid(grid) : .table(table)
        if p.signature.isEmpty, isGrid { p.signature = [grid.monthRowLabel] }
        return p
    }
}
