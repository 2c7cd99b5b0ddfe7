import Foundation
import JournalModel

/// Usage errors in Russian. swift-argument-parser words its errors in English; they are
/// recognised by their (stable) wording and said again in Russian, with a suggestion for a
/// misspelt option or command and a pointer to the command's help. Every usage error exits
/// with code 2 (`ExitCodes.badInput`), like bad input.
///
///     UsageErrors.russian("Unknown option '--weak'", path: [root, check])
///     // "неизвестный параметр «--weak» — возможно, «--week»?"
enum UsageErrors {
    static func russian(_ english: String, path: [CommandTree.Command]) -> String {
        let cmd = path.last
        let first = english.split(separator: "\n").first.map(String.init) ?? english
        if let m = first.firstMatch(of: /^Unknown option '([^']+)'/) {
            let name = String(m.1)
            let hint = Suggestions.closest(to: name, among: cmd?.optionNames.filter { $0.hasPrefix("--") } ?? [])
            return "неизвестный параметр «\(name)»" + (hint.map { " — возможно, «\($0)»?" } ?? "")
        }
        if let m = first.firstMatch(of: /^Missing value for '(\S+)/) {
            let name = String(m.1)
            let arg = cmd?.arguments?.first { ($0.names ?? []).contains { $0.flag == name } }
            return "после «\(name)» нужно значение" + (arg.map { " (\(RussianHelp.valueName($0, in: cmd?.commandName ?? "")))" } ?? "")
        }
        if let m = first.firstMatch(of: /^Missing expected argument '([^']+)'/) {
            return "не указано обязательное: " + placeholder(String(m.1), cmd)
        }
        if let m = first.firstMatch(of: /^Missing one of: (.+)$/) {
            return "укажите одно из: " + String(m.1).replacingOccurrences(of: "'", with: "")
        }
        if let m = first.firstMatch(of: /^(?:Unexpected argument|\d+ unexpected arguments:) '([^']+)'/) {
            let value = String(m.1)
            if let subs = cmd?.visibleSubcommands, !subs.isEmpty {
                let names = subs.map(\.commandName)
                let hint = Suggestions.closest(to: value, among: names)
                return "неизвестная команда «\(value)»" + (hint.map { " — возможно, «\($0)»?" } ?? " (команды: \(names.joined(separator: ", ")))")
            }
            return "лишний аргумент «\(value)»"
        }
        if let m = first.firstMatch(of: /^The option '([^']+)' does not take any value, but '([^']*)' was specified/) {
            return "параметр «\(m.1)» пишется без значения, а указано «\(m.2)»"
        }
        if let m = first.firstMatch(of: /^The value '([^']*)' is invalid for '([^']+)'/) {
            return "недопустимое значение «\(m.1)» для «\(placeholder(String(m.2), cmd))»"
        }
        if first.hasPrefix("Missing required subcommand") {
            let names = cmd?.visibleSubcommands.map(\.commandName) ?? []
            return "укажите команду: " + names.joined(separator: ", ")
        }
        if let m = first.firstMatch(of: /^Invalid option: (.+)$/) {
            return "недопустимый параметр «\(m.1)»"
        }
        if first.hasPrefix("Error: ") { return russian(String(first.dropFirst(7)), path: path) }
        // Our own validation messages are Russian already.
        if english.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) }) { return english }
        return "ошибка в команде: \(english)"
    }

    /// `--rules <rules>` → `--rules <ПАКЕТ>`; `<paths> ...` → `<ЖУРНАЛ> ...`.
    static func placeholder(_ text: String, _ cmd: CommandTree.Command?) -> String {
        var s = text
        for m in text.matches(of: /<([a-z][a-z-]*)>/) {
            let key = String(m.1)
            let arg = cmd?.arguments?.first { $0.valueName == key || $0.preferredName?.name == key }
            let russian = arg.map { RussianHelp.valueName($0, in: cmd?.commandName ?? "") } ?? RussianHelp.valueNames[key] ?? key.uppercased()
            s = s.replacingOccurrences(of: "<\(key)>", with: "<\(russian)>")
        }
        return s
    }
}
