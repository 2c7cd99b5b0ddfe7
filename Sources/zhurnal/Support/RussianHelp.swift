import Foundation

/// The help screens in Russian, rendered from the command tree: what the command does, how to
/// call it, its arguments, options and subcommands — lines of at most 100 columns.
///
///     zhurnal check --help
///     zhurnal help rules explain
enum RussianHelp {
    static let width = 100

    /// Russian names for option values, by option or argument name.
    static let valueNames: [String: String] = [
        "rules": "ПАКЕТ", "from": "ДАТА", "to": "ДАТА", "period": "ПЕРИОД", "week": "ДАТА", "month": "МЕСЯЦ",
        "as-of": "МОМЕНТ", "group": "КЛАСС", "json": "ФАЙЛ", "out": "ФАЙЛ", "param": "ИМЯ=ЗНАЧЕНИЕ",
        "compare": "ФАЙЛ.json", "db": "ФАЙЛ", "profile": "ПРОФИЛЬ", "rejects": "ФАЙЛ", "settings": "ФАЙЛ",
        "templates": "ПАПКА", "size": "РАЗМЕР", "seed": "ЧИСЛО", "inject": "ДОЛЯ", "classes": "ЧИСЛО",
        "periods": "ВИД", "cells": "ЧИСЛО", "paths": "ЖУРНАЛ", "files": "ФАЙЛ", "id": "ID_ПРАВИЛА",
        "old": "СТАРЫЙ.rules", "new": "НОВЫЙ.rules", "pack": "ПАКЕТ",
    ]

    /// Where a command's argument means something else than elsewhere.
    static let commandValueNames: [String: String] = ["import:paths": "ФАЙЛЫ_ИЛИ_ПАПКИ", "test:paths": "ПАКЕТЫ_ИЛИ_ПАПКИ",
                                                      "lint:files": "ПАКЕТ.rules"]

    static func valueName(_ a: CommandTree.Argument, in command: String = "") -> String {
        let key = a.preferredName?.name ?? a.valueName ?? ""
        return commandValueNames["\(command):\(key)"] ?? valueNames[key] ?? valueNames[a.valueName ?? ""]
            ?? (a.valueName ?? "ЗНАЧЕНИЕ").uppercased()
    }

    /// `--week <ДАТА>`, `[--group <КЛАСС>]`, `<ЖУРНАЛ> ...`.
    static func synopsis(_ a: CommandTree.Argument, in command: String, optionalBrackets: Bool = true) -> String {
        var s: String
        if a.isPositional {
            s = "<\(valueName(a, in: command))>"
        } else if a.isFlag {
            s = a.preferredName?.flag ?? ""
        } else {
            s = "\(a.preferredName?.flag ?? "") <\(valueName(a, in: command))>"
        }
        if a.isRepeating { s += " ..." }
        if optionalBrackets && (a.isOptional || a.defaultValue != nil) && !a.isPositional { s = "[\(s)]" }
        if optionalBrackets && a.isPositional && a.isOptional { s = "[\(s)]" }
        return s
    }

    static func render(_ path: [CommandTree.Command]) -> String {
        guard let cmd = path.last else { return "" }
        let name = path.map(\.commandName).joined(separator: " ")
        var out: [String] = []
        let title = cmd.abstract.map { "\(name) — \($0)" } ?? name
        out += wrap(title, indent: 0)
        out.append("")
        let args = (cmd.arguments ?? []).filter { $0.shouldDisplay && !isBuiltIn($0) }
        let subs = cmd.visibleSubcommands
        var usage = name
        if !subs.isEmpty && args.isEmpty {
            usage += " <команда>"
        } else {
            let positional = args.filter(\.isPositional).map { synopsis($0, in: cmd.commandName) }
            let required = args.filter { !$0.isPositional && !$0.isOptional && $0.defaultValue == nil && !$0.isFlag }.map { synopsis($0, in: cmd.commandName) }
            usage += " " + (positional + required + (args.count > positional.count + required.count ? ["[параметры]"] : [])).joined(separator: " ")
        }
        out += wrap("Использование: " + usage, indent: 4)
        if let d = cmd.discussion, !d.isEmpty {
            out.append("")
            for paragraph in d.split(separator: "\n", omittingEmptySubsequences: false) {
                out += paragraph.isEmpty ? [""] : wrap(String(paragraph), indent: 0)
            }
        }
        let positional = args.filter(\.isPositional)
        if !positional.isEmpty {
            out.append("")
            out.append("Аргументы:")
            for a in positional { out += entry(synopsis(a, in: cmd.commandName, optionalBrackets: false), describe(a)) }
        }
        let options = args.filter { !$0.isPositional }
        out.append("")
        out.append("Параметры:")
        for a in options { out += entry(optionLabel(a, in: cmd.commandName), describe(a)) }
        out += entry("-h, --help", "Показать эту справку.")
        if path.count == 1 { out += entry("--version", "Показать версию программы.") }
        if !subs.isEmpty {
            out.append("")
            out.append("Команды:")
            for s in subs { out += entry(s.commandName, s.abstract ?? "") }
            out.append("")
            out += wrap("Справка по команде: \(name) <команда> --help (или \(path[0].commandName) help \(path.dropFirst().map(\.commandName).joined(separator: " "))\(path.count > 1 ? " " : "")<команда>).", indent: 0)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `-v, --verbose`, `--week <ДАТА>`.
    static func optionLabel(_ a: CommandTree.Argument, in command: String) -> String {
        let names = (a.names ?? []).sorted { ($0.kind == "short" ? 0 : 1) < ($1.kind == "short" ? 0 : 1) }.map(\.flag)
        let base = names.isEmpty ? (a.preferredName?.flag ?? "") : names.joined(separator: ", ")
        return a.isFlag ? base : "\(base) <\(valueName(a, in: command))>"
    }

    static func describe(_ a: CommandTree.Argument) -> String {
        var s = a.abstract ?? ""
        func add(_ sentence: String) {
            if let last = s.last, !".!?»)".contains(last) { s += "." }
            s += (s.isEmpty ? "" : " ") + sentence
        }
        if a.isRepeating && !a.isPositional && !a.isFlag { add("Можно повторить.") }
        if let d = a.defaultValue, !d.isEmpty, !a.isFlag { add("По умолчанию: \(d).") }
        return s
    }

    static func isBuiltIn(_ a: CommandTree.Argument) -> Bool {
        let n = a.preferredName?.name
        return n == "help" || n == "version" || n == "experimental-dump-help"
    }

    /// A label and its description in two columns (the description wrapped at the 30th column).
    static func entry(_ label: String, _ text: String) -> [String] {
        let col = 30
        let pad = "  " + label
        let lines = wrapWords(text, width: width - col)
        if pad.count + 2 > col {
            return [pad] + lines.map { String(repeating: " ", count: col) + $0 }
        }
        guard let first = lines.first else { return [pad] }
        return [pad + String(repeating: " ", count: col - pad.count) + first]
            + lines.dropFirst().map { String(repeating: " ", count: col) + $0 }
    }

    static func wrap(_ text: String, indent: Int) -> [String] {
        let lines = wrapWords(text, width: width)
        guard lines.count > 1, indent > 0 else { return lines }
        let rest = wrapWords(lines.dropFirst().joined(separator: " "), width: width - indent)
        return [lines[0]] + rest.map { String(repeating: " ", count: indent) + $0 }
    }

    static func wrapWords(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
