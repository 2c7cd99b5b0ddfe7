import Foundation
import JournalModel
import Findings

/// How a memo names what each rule found, from `templates/memo/формулировки.txt`:
///
///     OOSH14-3.2.4.8-TOPIC-EMPTY: не указана тема урока {даты} | не указаны темы уроков {даты}
///
/// One phrase for a single case and one for several. `{уроки}` becomes «за урок 08.09.2025» /
/// «за уроки 08.09.2025, 10.09.2025» (a college's «за занятие»; «на 24.10.2025» for period marks
/// and accumulation), `{даты}` the dates alone; a phrase with neither gets `{уроки}` at its end.
public struct MemoPhrases: Sendable, Hashable {
    public struct Phrase: Sendable, Hashable {
        public var one: String
        public var many: String
        public init(one: String, many: String) {
            self.one = one
            self.many = many
        }
    }

    public var byRule: [String: Phrase]

    public init(byRule: [String: Phrase] = [:]) { self.byRule = byRule }

    public static let fileName = "формулировки.txt"

    /// The phrase for a finding: the table's, else by what kind of entry was late, else the
    /// requirement the rule's title states.
    func phrase(for f: Finding, title: String?) -> Phrase {
        if let p = byRule[f.ruleId] { return p }
        if EntryProblem(f) == .late { return MemoPhrases.late(f.area) }
        guard let title else { return MemoPhrases.wrong(f.area) }
        let t = RussianQuotes.quoted(title)
        return Phrase(one: "не выполнено требование \(t)", many: "не выполнено требование \(t)")
    }

    /// «отметка выставлена с нарушением требований», by the kind of entry (a rule without a title).
    static func wrong(_ area: FindingArea) -> Phrase {
        switch area {
        case .marks: Phrase(one: "отметка выставлена с нарушением требований", many: "отметки выставлены с нарушением требований")
        case .topics: Phrase(one: "тема урока записана с нарушением требований", many: "темы уроков записаны с нарушением требований")
        case .homework: Phrase(one: "домашнее задание записано с нарушением требований",
                               many: "домашние задания записаны с нарушением требований")
        case .absences: Phrase(one: "отсутствие отмечено с нарушением требований", many: "отсутствие отмечено с нарушением требований")
        case .substitutions: Phrase(one: "замена оформлена с нарушением требований", many: "замены оформлены с нарушением требований")
        case .periodMarks: Phrase(one: "отметка за период выставлена с нарушением требований",
                                  many: "отметки за период выставлены с нарушением требований")
        case .accumulation, .corrections, .other: Phrase(one: "запись внесена с нарушением требований",
                                                         many: "записи внесены с нарушением требований")
        }
    }

    /// «отметка внесена с опозданием» / «отметки внесены с опозданием», by the kind of entry.
    static func late(_ area: FindingArea) -> Phrase {
        switch area {
        case .marks: Phrase(one: "отметка внесена с опозданием", many: "отметки внесены с опозданием")
        case .topics: Phrase(one: "тема урока внесена с опозданием", many: "темы уроков внесены с опозданием")
        case .homework: Phrase(one: "домашнее задание внесено с опозданием", many: "домашние задания внесены с опозданием")
        case .absences: Phrase(one: "отсутствие отмечено с опозданием", many: "отсутствие отмечено с опозданием")
        case .substitutions: Phrase(one: "замена отмечена с опозданием", many: "замены отмечены с опозданием")
        case .periodMarks: Phrase(one: "отметка за период выставлена с опозданием",
                                  many: "отметки за период выставлены с опозданием")
        case .accumulation, .corrections, .other: Phrase(one: "запись внесена с опозданием", many: "записи внесены с опозданием")
        }
    }

    /// Parses the table; `file` names it in diagnostics (file:line:col, the line, a caret).
    public static func parse(_ text: String, file: String) throws(MemoError) -> MemoPhrases {
        var out: [String: Phrase] = [:]
        var problems: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let at = { (col: Int) in SourceLocation(file: file, line: index + 1, column: col) }
            guard let colon = line.firstIndex(of: ":") else {
                problems.append(Diagnostic(id: "memo.phrases.no-colon", location: at(1),
                                           message: "строка не похожа на «ID правила: одно | несколько» — нет двоеточия",
                                           sourceLine: line, hint: "строки-комментарии начинайте с «#»"))
                continue
            }
            let id = String(line[..<colon]).trimmingSpaces()
            let rest = String(line[line.index(after: colon)...])
            let parts = rest.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            let restColumn = line.distance(from: line.startIndex, to: colon) + 2
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                problems.append(Diagnostic(id: "memo.phrases.forms", location: at(restColumn),
                                           message: "нужны две формулировки через «|»: об одном случае и о нескольких",
                                           sourceLine: line))
                continue
            }
            if id.isEmpty || id.contains(" ") {
                problems.append(Diagnostic(id: "memo.phrases.id", location: at(1),
                                           message: "«\(id)» не похоже на ID правила", sourceLine: line))
                continue
            }
            if let first = seen[id] {
                problems.append(Diagnostic(id: "memo.phrases.duplicate", location: at(1),
                                           message: "правило \(id) уже описано в строке \(first)", sourceLine: line))
                continue
            }
            for p in parts {
                if let bad = unknownPlaceholder(p) {
                    let col = (line.range(of: bad).map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? 0) + 1
                    problems.append(Diagnostic(id: "memo.phrases.placeholder", location: at(col),
                                               message: "неизвестная подстановка «\(bad)»", sourceLine: line,
                                               hint: "подстановки: {уроки}, {даты}"))
                }
            }
            seen[id] = index + 1
            out[id] = Phrase(one: parts[0], many: parts[1])
        }
        if !problems.isEmpty { throw MemoError(diagnostics: problems) }
        return MemoPhrases(byRule: out)
    }

    static func unknownPlaceholder(_ s: String) -> String? {
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return String(rest[open...]) }
            let name = String(rest[open...close])
            if name != "{уроки}" && name != "{даты}" { return name }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }

    /// Reads the table beside the templates; an empty table when the file is absent.
    public static func load(directory: String) throws(MemoError) -> MemoPhrases {
        let path = directory + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return MemoPhrases() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw MemoError("не удалось прочитать \(path) (нужна кодировка UTF-8)", id: "memo.phrases.unreadable")
        }
        return try parse(text, file: path)
    }
}
