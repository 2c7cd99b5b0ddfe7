import Foundation
import Testing

/// `scripts/install.sh` puts the program on PATH with its packs and templates in share/zhurnal; the
/// installed binary, run from another folder through PATH, finds its import profiles (a legacy
/// grid export is recognised), its packs by name and its memo templates.
@Suite(.serialized) struct InstallCLITests {
    @Test func anInstalledBinaryRunFromElsewhereFindsProfilesPacksAndTemplates() throws {
        let prefix = try CLIRunner.tempDir(), elsewhere = try CLIRunner.tempDir()
        defer {
            try? FileManager.default.removeItem(at: prefix)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let install = try CLIRunner.run(["scripts/install.sh", prefix.path], executable: "/bin/bash", in: CLIRunner.root,
                                        environment: ["BIN": CLIRunner.binary])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.hasPrefix("zhurnal установлен: \(prefix.path)/bin/zhurnal"))
        for file in ["bin/zhurnal", "share/zhurnal/rules/oosh14.rules", "share/zhurnal/rules/oosh14.coverage.csv",
                     "share/zhurnal/templates/memo/записка.md.mustache", "share/zhurnal/templates/memo/формулировки.txt",
                     "share/zhurnal/templates/import/profiles"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)")
        }
        // Through PATH, from a folder with nothing of the project in it.
        let path = ["PATH": prefix.path + "/bin:/usr/bin:/bin"]
        func zhurnal(_ args: [String]) throws -> CLIRunner.Run {
            try CLIRunner.run(["zhurnal"] + args, executable: "/usr/bin/env", in: elsewhere, environment: path)
        }
        let grid = CLIRunner.root.appendingPathComponent("examples/7b-algebra/journal_7b_algebra.cp1251.csv").path
        let imported = try zhurnal(["import", grid, "--db", "журнал.sqlite"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("сетка журнала (выгрузка по классу)"))
        let check = try zhurnal(["check", "журнал.sqlite", "--rules", "oosh14"])
        #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("Проверка: "))
        let memo = try zhurnal(["memo", "журнал.sqlite", "--rules", "oosh14", "--group", "7б", "--week", "08.10.2025"])
        #expect(memo.status == 0 || memo.status == 1, "\(memo.stderr)")
        #expect(memo.stdout.contains("СЛУЖЕБНАЯ ЗАПИСКА") || memo.stdout.contains("нарушений не выявлено"))
        let unknown = try zhurnal(["check", "журнал.sqlite", "--rules", "oosh15"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("доступные пакеты: btotis, hexlet, oosh14, peresvet5, sosh30 (\(prefix.path)/share/zhurnal/rules)"))
    }

    @Test func aBareCopyWithoutItsFilesSaysWhereItLooked() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("zhurnal").path
        try FileManager.default.copyItem(atPath: CLIRunner.binary, toPath: copy)
        let r = try CLIRunner.run(["check", "x.sqlite", "--rules", "oosh14"], executable: copy, in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "ошибка: пакет правил «oosh14» не найден\n"
                + "папка rules с пакетами не найдена ни в текущей папке, ни рядом с программой\n")
        // Without its import profiles a legacy export cannot be recognised: the program says why first.
        let grid = CLIRunner.root.appendingPathComponent("examples/7b-algebra/journal_7b_algebra.cp1251.csv").path
        let imported = try CLIRunner.run(["import", grid, "--db", "x.sqlite"], executable: copy, in: dir)
        #expect(imported.status == 2)
        #expect(imported.stderr.hasPrefix("предупреждение: профили импорта старых выгрузок не найдены"))
        #expect(imported.stderr.contains("ошибка: не найдена строка заголовков"))
        // With the share folder beside it (a folder copied whole), the same copy finds the pack.
        let share = dir.appendingPathComponent("share/zhurnal/rules")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        // A pack comes with the templates it extends.
        for name in ["sosh30.rules", "base.rules"] {
            try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("rules/" + name), to: share.appendingPathComponent(name))
        }
        let found = try CLIRunner.run(["rules", "lint", "sosh30.rules"], executable: copy, in: dir)
        #expect(found.status == 2)   // lint takes files: the name alone is not a file here
        let explain = try CLIRunner.run(["rules", "explain", "SOSH30-2.3-FOREIGN-ENTRY", "--rules", "sosh30"], executable: copy, in: dir)
        #expect(explain.status == 0, "\(explain.stderr)")
    }
}
