import Foundation
import JournalModel

/// Reads the declarative profile format (see `templates/import/README.md`):
///
///     название = журнал отметок
///     таблица = отметки
///     признак = Дата и время выставления; Выставил
///     [столбцы]
///     Ученик = Обучающийся
///     [шапка]
///     Предмет = Наименование предмета:\s*(.+)
public enum ProfileParser {
    public static func load(path: String) throws(ImportFailure) -> Profile {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw ImportFailure(Diagnostic(id: "profile.unreadable", location: SourceLocation(file: path, line: 1, column: 1),
                                           message: "не удалось прочитать профиль импорта (ожидается текст в UTF-8)"))
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(ImportFailure) -> Profile {
        var section = ""
        var name: String?
        var layout: Profile.Layout?
        var p = Profile(name: "", layout: .table(.marks), source: file)
        var grid = Profile.GridSpec()
        for (i, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine).trimmingSpaces()
            let lineNo = i + 1
            func fail(_ message: String, column: Int = 1, hint: String? = nil) -> ImportFailure {
                ImportFailure(Diagnostic(id: "profile.syntax", location: SourceLocation(file: file, line: lineNo, column: column),
                                         message: message, sourceLine: String(rawLine), hint: hint))
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw fail("раздел должен заканчиваться «]»") }
                section = String(line.dropFirst().dropLast()).trimmingSpaces().lowercased()
                guard ["столбцы", "шапка", "значения", "сетка"].contains(section) else {
                    throw fail("неизвестный раздел «\(section)»", hint: "разделы: [столбцы], [шапка], [значения], [сетка]")
                }
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { throw fail("ожидается «ключ = значение»") }
            let key = String(line[..<eq]).trimmingSpaces()
            var value = String(line[line.index(after: eq)...]).trimmingSpaces()
            if section != "шапка", let hash = value.range(of: "  #") { value = String(value[..<hash.lowerBound]).trimmingSpaces() }
            switch section {
            case "":
                switch key.lowercased() {
                case "название": name = value
                case "таблица":
                    if value.lowercased() == "сетка" { layout = .grid(grid) }
                    else if let t = CanonicalTable(rawValue: value.lowercased()) { layout = .table(t) }
                    else {
                        let names = CanonicalTable.allCases.map(\.rawValue) + ["сетка"]
                        throw fail("неизвестная таблица «\(value)»", column: line.distance(from: line.startIndex, to: eq) + 3,
                                   hint: Suggestions.closest(to: value, among: names).map { "возможно, «\($0)»?" } ?? "таблицы: " + names.joined(separator: ", "))
                    }
                case "кодировка":
                    switch value.lowercased() {
                    case "авто": p.encoding = nil
                    case "utf-8", "utf8": p.encoding = .utf8
                    case "windows-1251", "cp1251", "1251": p.encoding = .cp1251
                    default: throw fail("неизвестная кодировка «\(value)»", hint: "допустимо: авто, utf-8, windows-1251")
                    }
                case "разделитель":
                    switch value.lowercased() {
                    case "авто": p.delimiter = nil
                    case ";": p.delimiter = UInt8(ascii: ";")
                    case ",": p.delimiter = UInt8(ascii: ",")
                    case "таб", "tab": p.delimiter = 0x09
                    default: throw fail("неизвестный разделитель «\(value)»", hint: "допустимо: авто, ;, «,», таб")
                    }
                case "признак":
                    p.signature = value.split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
                case "формат даты":
                    guard value.lowercased() == "авто" || DatePattern(value) != nil else { throw fail("не понят формат даты «\(value)»", hint: "пример: дд.мм.гггг") }
                    p.datePattern = value.lowercased() == "авто" ? nil : DatePattern(value)
                case "формат времени":
                    guard value.lowercased() == "авто" || DatePattern(value) != nil else { throw fail("не понят формат времени «\(value)»", hint: "пример: дд.мм.гггг чч:ми") }
                    p.timestampPattern = value.lowercased() == "авто" ? nil : DatePattern(value)
                default:
                    throw fail("неизвестный параметр «\(key)»",
                               hint: Suggestions.closest(to: key, among: ["название", "таблица", "кодировка", "разделитель", "признак", "формат даты", "формат времени"]).map { "возможно, «\($0)»?" })
                }
            case "столбцы": p.columnMap[CanonicalTable.normalize(key)] = value
            case "шапка":
                do { _ = try Regex(value) } catch { throw fail("ошибка в регулярном выражении: \(error)") }
                p.headerPatterns.append((key, value))
            case "значения": p.fixedValues[key] = value
            case "сетка":
                switch key.lowercased() {
                case "строка месяцев": grid.monthRowLabel = value
                case "строка чисел": grid.dayRowLabel = value
                case "столбец ученика": guard let n = Int(value), n > 0 else { throw fail("ожидается номер столбца") }; grid.nameColumn = n
                case "первый столбец отметок": guard let n = Int(value), n > 0 else { throw fail("ожидается номер столбца") }; grid.firstDataColumn = n
                default: throw fail("неизвестный параметр сетки «\(key)»", hint: "параметры: строка месяцев, строка чисел, столбец ученика, первый столбец отметок")
                }
            default: break
            }
        }
        guard let name else {
            throw ImportFailure(Diagnostic(id: "profile.syntax", location: SourceLocation(file: file, line: 1, column: 1), message: "в профиле нет строки «название = …»"))
        }
        guard var layout else {
            throw ImportFailure(Diagnostic(id: "profile.syntax", location: SourceLocation(file: file, line: 1, column: 1), message: "в профиле нет строки «таблица = …»"))
        }
        if case .grid = layout { layout = .grid(grid) }
        p.name = name
        p.layout = layout
        if p.signature.isEmpty, case .grid(let g) = layout { p.signature = [g.monthRowLabel] }
        return p
    }
}
