import Foundation

/// A one-rule pack; line 13 is the `require` line, line 14 the `message` line, line 5 the
/// parameter (counted by hand below).
enum RulePack {
    static func text(param: String = "param deadline = 3 дня \"Срок\"",
                     require: String = "entered_at <= end_of_day(date + deadline)",
                     message: String = "Отметка {value} поставлена поздно",
                     example: String = "example triggers {",
                     extra: String = "") -> String {
        """
        pack G
        title "Пакет для проверки пределов"
        document "Положение"

        \(param)
        \(extra)
        rule G-1 {
          title "Отметка в день урока"
          clause "п. 1"
          severity нарушение
          tags отметки
          scope marks
          require \(require)
          message "\(message)"
          \(example)
            lesson date=2025-09-01
            cell student="А" value=5 entered=2025-09-03T08:00
          }
          example passes {
            lesson date=2025-09-01
            cell student="А" value=5 entered=2025-09-01T18:00
          }
        }

        """
    }

    static func file(_ text: String, name: String = "bad.rules") -> [String: Data] { [name: Data(text.utf8)] }
}

extension BadInput {
    static let n = 5000

    /// Rule files: depth limits and checked arithmetic (no SIGSEGV, no trap).
    static let rules: [BadInput] = [
        // `  require ` is 10 characters: the first `(` is column 11, the 101st (depth 101) column 111.
        BadInput(id: "rules-nested-brackets", area: "Rules", what: "5,000 nested `(` in a `require`",
                 files: RulePack.file(RulePack.text(require: String(repeating: "(", count: n) + "true" + String(repeating: ")", count: n))),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:13:111: ошибка: выражение вложено слишком глубоко: больше 100 уровней", "подсказка: разбейте условие на части с помощью `define`"]),
        // `if true then ` is 13 characters; the 101st `if` starts at 11 + 100 × 13 = 1311… the
        // error is at the `if` that would open level 101.
        BadInput(id: "rules-nested-if", area: "Rules", what: "5,000 nested `if … then … else` in a `require`",
                 files: RulePack.file(RulePack.text(require: String(repeating: "if true then ", count: n) + "true" + String(repeating: " else false", count: n))),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:13:", "ошибка: выражение вложено слишком глубоко: больше 100 уровней"]),
        BadInput(id: "rules-unary-minus", area: "Rules", what: "5,000 unary `-` before a number",
                 files: RulePack.file(RulePack.text(require: "value != " + String(repeating: "-", count: n) + "1")),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:13:", "выражение вложено слишком глубоко"]),
        BadInput(id: "rules-nested-not", area: "Rules", what: "5,000 `not` in a row",
                 files: RulePack.file(RulePack.text(require: String(repeating: "not ", count: n) + "true")),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:13:", "выражение вложено слишком глубоко"]),
        BadInput(id: "rules-operator-chain", area: "Rules", what: "a chain `1 + 1 + …` of 5,000 terms",
                 files: RulePack.file(RulePack.text(require: Array(repeating: "1", count: n).joined(separator: " + ") + " > 0")),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:13:", "звеньев цепочки операций"]),
        BadInput(id: "rules-placeholder-brackets", area: "Rules", what: "5,000 nested `(` inside a `{…}` placeholder of a message",
                 files: RulePack.file(RulePack.text(message: "Отметка {" + String(repeating: "(", count: n) + "value" + String(repeating: ")", count: n) + "}")),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:14:", "выражение вложено слишком глубоко"]),
        BadInput(id: "rules-placeholder-minus", area: "Rules", what: "5,000 unary `-` inside a `{…}` placeholder",
                 files: RulePack.file(RulePack.text(message: "Отметка {" + String(repeating: "-", count: n) + "1}")),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:14:", "выражение вложено слишком глубоко"]),
        // `param deadline = ` is 17 characters: the number starts at column 18.
        BadInput(id: "rules-duration-overflow", area: "Rules", what: "a term of 10^19 days in a `param`",
                 files: RulePack.file(RulePack.text(param: "param deadline = 10000000000000000000 дней \"Срок\"")),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:5:18: ошибка: слишком большой срок: больше 36 600 дней (100 лет)"]),
        BadInput(id: "rules-duration-weeks-overflow", area: "Rules", what: "a term of 10^300 weeks (beyond Int64 seconds)",
                 files: RulePack.file(RulePack.text(param: "param deadline = 1" + String(repeating: "0", count: 300) + " недель \"Срок\"")),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:5:18: ошибка: слишком большой срок"]),
        // `  example triggers ` is 19 characters: the count starts at column 20 of line 15.
        BadInput(id: "rules-example-count-overflow", area: "Rules", what: "`example triggers 99999999999999999999`",
                 files: RulePack.file(RulePack.text(example: "example triggers 99999999999999999999 {")),
                 args: ["rules", "test", "bad.rules"], exit: 2,
                 expect: ["bad.rules:15:20: ошибка: число замечаний в примере — целое от 1 до 1 000 000"]),
        // Each definition uses the previous one twice: 2^40 nodes once put in place.
        BadInput(id: "rules-define-explosion", area: "Rules", what: "40 `define`s each using the previous one twice (2^40 nodes expanded)",
                 files: RulePack.file(RulePack.text(require: "d40 > 0",
                                                    extra: "define d0 = 1\n" + (1...40).map { "define d\($0) = d\($0 - 1) + d\($0 - 1)" }.joined(separator: "\n"))),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["ошибка: с подставленными определениями (`define`) выражение"]),
        // `  require lesson.topic matches "` is 32 characters: the pattern, `(а+)+` first, starts at column 33.
        BadInput(id: "rules-slow-regex", area: "Rules", what: "`matches \"(а+)+$|б\"` (catastrophic backtracking)",
                 files: RulePack.file(RulePack.text(require: "lesson.topic matches \"(а+)+$|б\"")),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:13:33: ошибка: повторение внутри повторения «(а+)+»"]),
        BadInput(id: "rules-overlapping-alternatives", area: "Rules", what: "`matches \"^(д|дз)+$\"` (a repeated choice of overlapping words)",
                 files: RulePack.file(RulePack.text(require: "lesson.topic matches \"^(д|дз)+$\"")),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:13:", "варианты «д» и «дз» подходят к одному тексту"]),
        // 10,000 `[` on one line: the first 50 errors, one closing count, lines cut around the column.
        BadInput(id: "rules-many-errors", area: "Rules", what: "10,000 `[` on one 50 KB line",
                 files: RulePack.file(RulePack.text(require: String(repeating: "[ ", count: 10_000) + "true")),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:13:"], maxOutput: 40_000),
        // 2,000 broken lines after the pack (23 lines, so from line 24): 50 errors shown, then one count
        // (four-digit numbers are written without a space).
        BadInput(id: "rules-many-lines", area: "Rules", what: "2,000 lines holding only `[`",
                 files: RulePack.file(RulePack.text() + String(repeating: "[\n", count: 2000)),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:24:1: ошибка: неожиданный символ «[»", "примечание: bad.rules: и ещё 1950 ошибок (показаны первые 50)"], maxOutput: 20_000),
        BadInput(id: "rules-not-utf8", area: "Rules", what: "a rule file in Windows-1251",
                 files: ["bad.rules": Data([0x70, 0x61, 0x63, 0x6B, 0x20, 0xCF, 0xF0, 0x0A])],
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules", "не в кодировке UTF-8"]),
        BadInput(id: "rules-fifo", area: "Rules", what: "a FIFO given as the rule file",
                 setup: { try makeFifo($0.appendingPathComponent("bad.rules")) },
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules", "не обычный файл (именованный канал FIFO)"]),
        BadInput(id: "rules-device", area: "Rules", what: "`/dev/zero` given as the pack",
                 args: ["rules", "lint", "/dev/zero"], exit: 2,
                 expect: ["/dev/zero", "не обычный файл (устройство)"]),
        BadInput(id: "rules-control-characters", area: "Rules", what: "an ESC sequence and a BEL in a rule's line",
                 files: RulePack.file(RulePack.text(require: "unknown_field\u{1B}[2J\u{07} > 0")),
                 args: ["rules", "lint", "bad.rules"], exit: 2,
                 expect: ["bad.rules:13:", "␛[2J"], forbid: ["\u{1B}", "\u{07}"]),
        BadInput(id: "param-duration-overflow", area: "Rules", what: "`check --param correction_term=\"3000000000 дней\"`",
                 setup: importExample,
                 args: ["check", "e.sqlite", "--rules", "oosh14", "--param", "correction_term=3000000000 дней"], exit: 2,
                 expect: ["--param correction_term=3000000000 дней: слишком большой срок: больше 36 600 дней (100 лет)"]),
    ]
}

@Sendable func makeFifo(_ url: URL) throws {
    guard mkfifo(url.path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
}

/// Imports the bundled example into `e.sqlite` in the folder.
@Sendable func importExample(_ dir: URL) throws {
    let r = try GuardedRun.run(["import", CLIRunner.root.appendingPathComponent("examples/7b-algebra").path, "--db", "e.sqlite"], in: dir)
    guard r.status == 0 else { throw CocoaError(.fileWriteUnknown) }
}
