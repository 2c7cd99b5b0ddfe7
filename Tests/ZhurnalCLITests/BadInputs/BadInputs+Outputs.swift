import Foundation

extension BadInput {
    static let database: [BadInput] = [
        BadInput(id: "db-empty-file", area: "Database", what: "`check` on a zero-byte `.sqlite` (a first import killed before it began)",
                 files: ["e.sqlite": Data()],
                 args: ["check", "e.sqlite", "--rules", "oosh14"], exit: 2,
                 expect: ["ошибка: файл базы данных «e.sqlite» пуст: загрузка журнала в него не была завершена"], forbid: ["нарушено 0"]),
        BadInput(id: "db-no-journal", area: "Database", what: "`check` on a database holding only a group list (no lessons, no marks)",
                 setup: { dir in
                     let r = try GuardedRun.run(["import", CLIRunner.root.appendingPathComponent("examples/7b-algebra/группы.csv").path, "--db", "e.sqlite"], in: dir)
                     guard r.status == 0 else { throw CocoaError(.fileWriteUnknown) }
                 },
                 args: ["check", "e.sqlite", "--rules", "oosh14"], exit: 2,
                 expect: ["ошибка: в базе «e.sqlite» нет ни уроков, ни отметок — проверять нечего"], forbid: ["нарушено 0"]),
        BadInput(id: "db-not-a-database", area: "Database", what: "`check` on a text file named `.sqlite`",
                 files: ["e.sqlite": text("Класс;Предмет\n")],
                 args: ["check", "e.sqlite", "--rules", "oosh14"], exit: 2,
                 expect: ["ошибка: «e.sqlite» — не база данных zhurnal"]),
        BadInput(id: "db-missing", area: "Database", what: "`check` on a `.sqlite` that does not exist",
                 args: ["check", "нет.sqlite", "--rules", "oosh14"], exit: 2,
                 expect: ["ошибка: базы данных «нет.sqlite» нет: сначала загрузите журнал — zhurnal import ПАПКА --db нет.sqlite"]),
        BadInput(id: "db-is-folder", area: "Database", what: "`import --db` naming a folder",
                 setup: { try FileManager.default.createDirectory(at: $0.appendingPathComponent("база"), withIntermediateDirectories: true) },
                 args: ["import", CLIRunner.root.appendingPathComponent("examples/7b-algebra/группы.csv").path, "--db", "база"], exit: 2,
                 expect: ["ошибка: «база» — папка: база данных — обычный файл"]),
        BadInput(id: "db-read-only", area: "Database", what: "`import --db` into a database that cannot be written (immutable or read-only file)",
                 setup: { dir in
                     try importExample(dir)
                     try makeReadOnly(dir.appendingPathComponent("e.sqlite"))
                 },
                 args: ["import", CLIRunner.root.appendingPathComponent("templates/import/звонки.csv").path, "--db", "e.sqlite"], exit: 2,
                 expect: ["ошибка: база данных «e.sqlite» доступна только для чтения"], forbid: ["readonly"]),
    ]

    static let outputs: [BadInput] = [
        BadInput(id: "out-is-folder", area: "Outputs", what: "`check --out` naming an existing folder",
                 setup: { dir in
                     try importExample(dir)
                     try FileManager.default.createDirectory(at: dir.appendingPathComponent("отчёты"), withIntermediateDirectories: true)
                 },
                 args: ["check", "e.sqlite", "--rules", "oosh14", "--out", "отчёты"], exit: 2,
                 expect: ["ошибка: нельзя записать «отчёты» — это папка"], forbid: ["Is a directory"]),
        BadInput(id: "out-is-symlink", area: "Outputs", what: "`check --out` naming a symbolic link (to a file of someone else's)",
                 files: ["чужой.txt": text("не трогать\n")],
                 setup: { dir in
                     try importExample(dir)
                     try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("отчёт.xlsx").path, withDestinationPath: "чужой.txt")
                 },
                 args: ["check", "e.sqlite", "--rules", "oosh14", "--out", "отчёт.xlsx"], exit: 2,
                 expect: ["ошибка: нельзя записать «отчёт.xlsx» — символическая ссылка"]),
        BadInput(id: "json-is-device", area: "Outputs", what: "`check --json /dev/null` (a device)",
                 setup: importExample,
                 args: ["check", "e.sqlite", "--rules", "oosh14", "--json", "/dev/null"], exit: 2,
                 expect: ["ошибка: нельзя записать «/dev/null» — не обычный файл (устройство)"]),
        BadInput(id: "rejects-is-symlink", area: "Outputs", what: "`import --rejects` naming a symbolic link",
                 files: ["чужой.txt": text("не трогать\n")],
                 setup: { try FileManager.default.createSymbolicLink(atPath: $0.appendingPathComponent("r.csv").path, withDestinationPath: "чужой.txt") },
                 args: ["import", CLIRunner.root.appendingPathComponent("examples/7b-algebra/группы.csv").path, "--db", "d.sqlite", "--rejects", "r.csv"], exit: 2,
                 expect: ["файл отклонённых строк «r.csv» нельзя записать: символическая ссылка", "импорт не выполнен, база не изменена"]),
        BadInput(id: "memo-out-is-symlink", area: "Outputs", what: "`memo --out` naming a symbolic link",
                 files: ["чужой.txt": text("не трогать\n")],
                 setup: { dir in
                     try importExample(dir)
                     try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("записка.md").path, withDestinationPath: "чужой.txt")
                 },
                 args: ["memo", "e.sqlite", "--rules", "oosh14", "--group", "7б", "--week", "15.09.2025", "--out", "записка.md"], exit: 2,
                 expect: ["записка.md", "символическая ссылка"]),
    ]

    static let generated: [BadInput] = [
        BadInput(id: "generate-out-device", area: "Outputs", what: "`generate --out /dev/null` (a device where a folder should be)",
                 args: ["generate", "--out", "/dev/null", "--classes", "1"], exit: 2,
                 expect: ["ошибка: --out «/dev/null» — устройство, а нужна папка для файлов журнала"], forbid: ["Error Domain"]),
        BadInput(id: "generate-out-under-file", area: "Outputs", what: "`generate --out файл/папка` where the parent is a file",
                 files: ["файл": text("x")],
                 args: ["generate", "--out", "файл/журнал", "--classes", "1"], exit: 2,
                 expect: ["ошибка: не удалось создать папку «файл/журнал»"], forbid: ["Error Domain"]),
    ]

    static let templates: [BadInput] = [
        BadInput(id: "template-nested-sections", area: "Templates", what: "5,000 nested `{{#teachers}}` sections in a memo template",
                 setup: { dir in
                     try importExample(dir)
                     try copyTemplates(to: dir)
                     let deep = String(repeating: "{{#teachers}}", count: 5000) + "x" + String(repeating: "{{/teachers}}", count: 5000) + "\n"
                     try Data(deep.utf8).write(to: dir.appendingPathComponent("tpl/memo/записка.md.mustache"))
                 },
                 args: ["memo", "e.sqlite", "--rules", "oosh14", "--group", "7б", "--week", "15.09.2025", "--templates", "tpl", "--out", "m.md"], exit: 2,
                 // 13 characters a tag: the second opens at column 14, the 51st at 50 × 13 + 1 = 651.
                 expect: ["tpl/memo/записка.md.mustache:1:14: ошибка: раздел {{#teachers}} внутри раздела {{#teachers}} из строки 1",
                          "tpl/memo/записка.md.mustache:1:651: ошибка: разделы вложены слишком глубоко: больше 50 разделов"],
                 maxOutput: 40_000),
        // 20,000 misspelt tags: 50 errors shown, 20,000 − 50 = 19,950 counted (it took 4 minutes
        // when every tag got its suggestion and its copy of the 200 KB line).
        BadInput(id: "template-many-errors", area: "Templates", what: "20,000 misspelt `{{titel}}` on one line of a memo template",
                 setup: { dir in
                     try importExample(dir)
                     try copyTemplates(to: dir)
                     try Data((String(repeating: "{{titel}} ", count: 20_000) + "\n").utf8).write(to: dir.appendingPathComponent("tpl/memo/записка.md.mustache"))
                 },
                 args: ["memo", "e.sqlite", "--rules", "oosh14", "--group", "7б", "--week", "15.09.2025", "--templates", "tpl", "--out", "m.md"], exit: 2,
                 // `title` lives inside the teachers' sections, not at the top: no «возможно» here.
                 expect: ["tpl/memo/записка.md.mustache:1:1: ошибка: неизвестная подстановка «titel»", "подсказка: список подстановок — в templates/memo/README.md",
                          "примечание: tpl/memo/записка.md.mustache: и ещё 19950 ошибок в шаблоне (показаны первые 50)"],
                 maxOutput: 40_000),
        BadInput(id: "template-fifo", area: "Templates", what: "a FIFO in place of a memo template",
                 setup: { dir in
                     try importExample(dir)
                     try copyTemplates(to: dir)
                     try FileManager.default.removeItem(at: dir.appendingPathComponent("tpl/memo/записка.md.mustache"))
                     try makeFifo(dir.appendingPathComponent("tpl/memo/записка.md.mustache"))
                 },
                 args: ["memo", "e.sqlite", "--rules", "oosh14", "--group", "7б", "--week", "15.09.2025", "--templates", "tpl", "--out", "m.md"], exit: 2,
                 expect: ["записка.md.mustache", "не обычный файл (именованный канал FIFO)"]),
    ]

    static let commandLine: [BadInput] = [
        BadInput(id: "cli-misspelt-command", area: "Command line", what: "a misspelt subcommand `zhurnal chek`",
                 args: ["chek"], exit: 2, expect: ["ошибка: неизвестная команда «chek» — возможно, «check»?"], forbid: ["Error:"]),
        BadInput(id: "cli-misspelt-option", area: "Command line", what: "a misspelt option `--jsn`",
                 args: ["check", "e.sqlite", "--rules", "oosh14", "--jsn", "x"], exit: 2,
                 expect: ["ошибка: неизвестный параметр «--jsn» — возможно, «--json»?"], forbid: ["Error:"]),
        BadInput(id: "cli-missing-option", area: "Command line", what: "`check` without `--rules`",
                 args: ["check", "e.sqlite"], exit: 2, expect: ["ошибка: не указано обязательное: --rules"], forbid: ["Missing expected argument"]),
        BadInput(id: "cli-unknown-pack", area: "Command line", what: "`--rules` naming a pack that does not exist",
                 setup: importExample,
                 args: ["check", "e.sqlite", "--rules", "oosh41"], exit: 2, expect: ["oosh41"]),
    ]

    static let all: [BadInput] = rules + templates + profiles + imports + database + outputs + generated + commandLine
}

@Sendable func copyTemplates(to dir: URL) throws {
    try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("templates"), to: dir.appendingPathComponent("tpl"))
}

/// Immutable when the tests run as root (root writes through any mode), else mode 0444.
@Sendable func makeReadOnly(_ url: URL) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    p.arguments = ["+i", url.path]
    p.standardError = FileHandle.nullDevice
    if getuid() == 0, (try? p.run()) != nil { p.waitUntilExit(); if p.terminationStatus == 0 { return } }
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: url.path)
}

/// Undoes `makeReadOnly` so the folder can be removed.
@Sendable func undoReadOnly(_ url: URL) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    p.arguments = ["-i", url.path]
    p.standardError = FileHandle.nullDevice
    if getuid() == 0, (try? p.run()) != nil { p.waitUntilExit() }
}
