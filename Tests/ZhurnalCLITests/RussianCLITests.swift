import Foundation
import Testing

/// The command line speaks Russian: help screens, usage errors with suggestions (exit 2), packs
/// named by name, a summary that fits 100 columns, and the comparison with an earlier check.
@Suite(.serialized) struct RussianCLITests {
    /// English words swift-argument-parser would print.
    static let english = ["OVERVIEW", "USAGE", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Show help", "Error:", "Missing",
                          "Unknown option", "Unexpected argument", "is invalid", "Did you mean", "See '"]

    @Test func helpScreensAreInRussianAndFitAHundredColumns() throws {
        for args in [[], ["--help"], ["check", "--help"], ["memo", "-h"], ["rules"], ["help", "rules", "explain"],
                     ["import", "--help"], ["generate", "--help"], ["inspection", "--help"]] {
            let r = try CLIRunner.run(args)
            #expect(r.status == 0, "\(args)")
            for word in Self.english { #expect(!r.stdout.contains(word), "\(args): \(word)") }
            #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(args)")
        }
        let root = try CLIRunner.run(["--help"])
        #expect(root.stdout.hasPrefix("zhurnal — Проверка электронного журнала на соответствие положению"))
        #expect(root.stdout.contains("Использование: zhurnal <команда>"))
        #expect(root.stdout.contains("  check                       Проверить журнал по пакету правил."))
        let check = try CLIRunner.run(["check", "--help"])
        #expect(check.stdout.contains("Использование: zhurnal check <ЖУРНАЛ> ... --rules <ПАКЕТ> [параметры]"))
        #expect(check.stdout.contains("  --compare <ФАЙЛ.json>       Сравнить с прошлой проверкой"))
        #expect(check.stdout.contains("  -h, --help                  Показать эту справку."))
        #expect(try CLIRunner.run(["help", "rules", "explain"]).stdout == CLIRunner.run(["rules", "explain", "--help"]).stdout)
        #expect(try CLIRunner.run(["--version"]).stdout == "zhurnal 0.1.0\n")
    }

    @Test func usageErrorsAreRussianWithASuggestionAndExitTwo() throws {
        let cases: [([String], String)] = [
            (["check", "examples/7b-algebra", "--rules", "oosh14", "--weak", "1"],
             "ошибка: неизвестный параметр «--weak» — возможно, «--week»?\nСправка: zhurnal check --help\n"),
            (["chek"], "ошибка: неизвестная команда «chek» — возможно, «check»?\nСправка: zhurnal --help\n"),
            (["check"], "ошибка: не указано обязательное: <ЖУРНАЛ> ...\nСправка: zhurnal check --help\n"),
            (["check", "examples/7b-algebra", "--rules"], "ошибка: после «--rules» нужно значение (ПАКЕТ)\nСправка: zhurnal check --help\n"),
            (["generate", "--seed", "x", "--out", "/tmp/zhurnal-never"],
             "ошибка: недопустимое значение «x» для «--seed <ЧИСЛО>»\nСправка: zhurnal generate --help\n"),
            (["check", "examples/7b-algebra", "--rules", "oosh14", "--ids=1"],
             "ошибка: параметр «--ids» пишется без значения, а указано «1»\nСправка: zhurnal check --help\n"),
            (["memo", "examples/7b-algebra", "--rules", "oosh14", "--week", "08.10.2025"],
             "ошибка: укажите группу (--group) или --all-groups\nСправка: zhurnal memo --help\n"),
            (["rules", "lnt"], "ошибка: неизвестная команда «lnt» — возможно, «lint»?\nСправка: zhurnal rules --help\n"),
        ]
        for (args, stderr) in cases {
            let r = try CLIRunner.run(args)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr == stderr, "\(args)")
            #expect(r.stdout.isEmpty, "\(args)")
        }
    }

    @Test func aPackIsFoundByItsNameAndAnUnknownOneListsThePacks() throws {
        let byName = try CLIRunner.run(["check", "examples/7b-algebra", "--rules", "oosh14"])
        #expect(byName.status == 1, "\(byName.stderr)")
        #expect(byName.stdout.hasPrefix("Проверка: МАОУ"))
        let wrong = try CLIRunner.run(["check", "examples/7b-algebra", "--rules", "oosh15"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("ошибка: пакет правил «oosh15» не найден — возможно, «oosh14»?\n"
                                       + "доступные пакеты: btotis, hexlet, oosh14, peresvet5, sosh30 ("))
        #expect(wrong.stdout.isEmpty)
        let explain = try CLIRunner.run(["rules", "explain", "OOSH14-4.5-ACCUMULATION", "--rules", "oosh14"])
        #expect(explain.status == 0 && explain.stdout.contains("OOSH14-4.5-ACCUMULATION"))
    }

    @Test func theSummaryTableShowsTitlesInAHundredColumnsAndIdsOnRequest() throws {
        let r = try CLIRunner.run(["check", "examples/7b-algebra", "--rules", "oosh14"])
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(lines.filter { $0.count > 100 })")
        #expect(r.stdout.contains("Отметки за урок внесены в день"))
        #expect(!r.stdout.contains("OOSH14-"))
        let ids = try CLIRunner.run(["check", "examples/7b-algebra", "--rules", "oosh14", "--ids"])
        #expect(ids.stdout.contains("OOSH14-3.2.4.2-MARK-DAY"))
        #expect(ids.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test func checkComparesWithAnEarlierJSON() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("прошлый.json")
        let r1 = try CLIRunner.run(["check", "examples/7b-algebra", "--rules", "oosh14", "--json", first.path])
        #expect(r1.status == 1)
        // The same data again: nothing new, nothing fixed.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: first)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let same = try CLIRunner.run(["check", "examples/7b-algebra", "--rules", "oosh14", "--compare", first.path])
        #expect(same.stdout.contains("\nСравнение с проверкой от "))
        #expect(same.stdout.contains(": новых 0, не устранено \(findings.count), исправлено 0.\n"))
        // An earlier check that lacked the first finding and had one more on a record this check
        // judged (a copy of the second finding under another key): one new, one fixed.
        var edited = object
        var extra = findings[1]
        extra["key"] = (extra["ruleId"] as? String ?? "") + ":исправленная запись"
        edited["findings"] = Array(findings.dropFirst()) + [extra]
        let previous = dir.appendingPathComponent("изменённый.json")
        try JSONSerialization.data(withJSONObject: edited).write(to: previous)
        let xlsx = dir.appendingPathComponent("отчёт.xlsx").path
        let changed = try CLIRunner.run(["check", "examples/7b-algebra", "--rules", "oosh14", "--compare", previous.path,
                                         "--out", xlsx])
        #expect(changed.stdout.contains(": новых 1, не устранено \(findings.count - 1), исправлено 1.\n"), "\(changed.stdout)")
        let bad = dir.appendingPathComponent("не-json.json")
        try Data("не JSON".utf8).write(to: bad)
        let r3 = try CLIRunner.run(["check", "examples/7b-algebra", "--rules", "oosh14", "--compare", bad.path])
        #expect(r3.status == 2)
        #expect(r3.stderr == "ошибка: «\(bad.path)» — не результат `zhurnal check --json` (это не JSON)\n")
    }
}
