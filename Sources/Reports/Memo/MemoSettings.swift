import Foundation
import JournalModel

/// Requisites of memos and inspection reports that a journal does not hold: numbers,
/// addressees, the author's position, the date. Read from a small text file
/// (`templates/memo/реквизиты.txt`, documented in `templates/memo/README.md`):
///
///     # comment
///     Должность адресата записки: Заместителю директора по учебно-воспитательной работе
///     Адресат записки: Петрова Анна Александровна
///     Номер записки: СЗ-15
///
/// Every value may contain `{группа}`, replaced by the group's name. Empty values count as
/// not given, so the journal's data (curator, deputy director) is used.
public struct MemoSettings: Sendable, Hashable {
    public enum Key: String, Sendable, CaseIterable {
        case institution = "Учреждение"
        case memoRecipientPosition = "Должность адресата записки"
        case memoRecipient = "Адресат записки"
        case memoRecipientDative = "Адресат записки (кому)"
        case memoAuthorPosition = "Должность автора записки"
        case memoAuthor = "Автор записки"
        case memoNumber = "Номер записки"
        case reportRecipientPosition = "Должность адресата справки"
        case reportRecipient = "Адресат справки"
        case reportRecipientDative = "Адресат справки (кому)"
        case reportAuthorPosition = "Должность составителя справки"
        case reportAuthor = "Составитель справки"
        case reportNumber = "Номер справки"
        case date = "Дата"
        case includeRecommendations = "Включать рекомендации"
    }

    public var values: [Key: String]
    /// The document date, when the settings fix it (else the date of the check).
    public var date: LocalDate?
    public var includeRecommendations: Bool

    public init(values: [Key: String] = [:], date: LocalDate? = nil, includeRecommendations: Bool = false) {
        self.values = values
        self.date = date
        self.includeRecommendations = includeRecommendations
    }

    /// The value for `key` with `{группа}` replaced; nil when absent or blank.
    public func value(_ key: Key, group: String? = nil) -> String? {
        guard let v = values[key]?.trimmingSpaces(), !v.isEmpty else { return nil }
        guard let g = group else { return v }
        return v.replacingOccurrences(of: "{группа}", with: g)
    }
}

extension MemoSettings {
    /// Parses the settings text; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String) throws(MemoError) -> MemoSettings {
        var settings = MemoSettings()
        var problems: [Diagnostic] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let lineNo = index + 1
            guard let colon = line.firstIndex(of: ":") else {
                problems.append(Diagnostic(
                    id: "memo.settings.no-colon", location: SourceLocation(file: file, line: lineNo, column: 1),
                    message: "строка не похожа на «Параметр: значение» — нет двоеточия", sourceLine: line,
                    hint: "строки-комментарии начинайте с «#»"))
                continue
            }
            let name = String(line[..<colon]).trimmingSpaces()
            let afterColon = line[line.index(after: colon)...]
            let valueStart = line.distance(from: line.startIndex,
                                           to: afterColon.firstIndex { $0 != " " && $0 != "\t" } ?? afterColon.endIndex) + 1
            let value = String(line[line.index(after: colon)...]).trimmingSpaces()
            let keyColumn = (line.firstIndex { $0 != " " && $0 != "\t" }).map { line.distance(from: line.startIndex, to: $0) + 1 } ?? 1
            guard let key = Key(rawValue: name) else {
                let near = Suggestions.closest(to: name, among: Key.allCases.map(\.rawValue))
                problems.append(Diagnostic(
                    id: "memo.settings.unknown-key", location: SourceLocation(file: file, line: lineNo, column: keyColumn),
                    message: "неизвестный параметр «\(name)»", sourceLine: line,
                    hint: near.map { "возможно, «\($0)»?" } ?? "список параметров — в templates/memo/README.md"))
                continue
            }
            settings.values[key] = value
            switch key {
            case .date where !value.isEmpty:
                if let d = DateParsing.date(value) { settings.date = d } else {
                    problems.append(Diagnostic(
                        id: "memo.settings.bad-date", location: SourceLocation(file: file, line: lineNo, column: valueStart),
                        message: "дата «\(value)» не распознана", sourceLine: line, hint: "пишите дату как 15.09.2025"))
                }
            case .includeRecommendations where !value.isEmpty:
                switch value.lowercased() {
                case "да": settings.includeRecommendations = true
                case "нет": settings.includeRecommendations = false
                default:
                    problems.append(Diagnostic(
                        id: "memo.settings.bad-flag", location: SourceLocation(file: file, line: lineNo, column: valueStart),
                        message: "ожидалось «да» или «нет», а не «\(value)»", sourceLine: line))
                }
            default:
                break
            }
        }
        if !problems.isEmpty { throw MemoError(diagnostics: problems) }
        return settings
    }
}
