import Foundation
import Testing

/// Folders of exports of any layout, end to end: every delimited text file and workbook is
/// considered, what is skipped is listed with the reason; profiles of one's own (`--profiles`,
/// `ZHURNAL_PROFILES`) come before the shipped ones; a workbook gives the findings of its CSV
/// files.
@Suite struct LayoutFolderCLITests {
    static let root = CLIRunner.root
    static let fixtures = root.appendingPathComponent("Tests/JournalImportTests/Fixtures")
    static let elzhur = fixtures.appendingPathComponent("layouts/elzhur").path
    static let elzhurProfiles = fixtures.appendingPathComponent("layouts/elzhur-profiles").path

    func copy(_ from: String, to dir: URL, as name: String? = nil) throws {
        try FileManager.default.copyItem(atPath: from, toPath: dir.appendingPathComponent(name ?? (from as NSString).lastPathComponent).path)
    }

    @Test func everyTableFileOfAFolderIsReadAndEverySkipIsListed() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let export = dir.appendingPathComponent("выгрузка")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.elzhur) {
            try copy((Self.elzhur as NSString).appendingPathComponent(name), to: export)
        }
        try copy(Self.fixtures.appendingPathComponent("xlsx/7b-cover.xlsx").path, to: export)
        try Data("Выгрузка ЭлЖур от 01.10.2025.\nВопросы — к администратору.\n".utf8).write(to: export.appendingPathComponent("прочти.txt"))
        try Data("%PDF-1.4".utf8).write(to: export.appendingPathComponent("отчёт.pdf"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 64)).write(to: export.appendingPathComponent("старый.xls"))
        try Data("lock".utf8).write(to: export.appendingPathComponent("~$7b-cover.xlsx"))
        let db = dir.appendingPathComponent("j.sqlite").path
        let r = try CLIRunner.run(["import", export.path, "--profiles", Self.elzhurProfiles, "--db", db])
        #expect(r.status == 1, "rows rejected, a period not in the calendar")
        let e = export.path
        for line in [
            "пропущено: \(e)/~$7b-cover.xlsx — временный файл открытой книги",
            "пропущено: \(e)/отчёт.pdf — не таблица (расширение .pdf)",
            "пропущено: \(e)/старый.xls — формат .xls не читается — сохраните файл в Excel или LibreOffice как «Книга Excel (.xlsx)» или как CSV",
            "пропущено: \(e)/прочти.txt — не похоже на таблицу журнала (нет строки заголовков)",
            "пропущен лист: \(e)/7b-cover.xlsx[Титул] — не похоже на таблицу журнала (нет строки заголовков)",
            "пропущен лист: \(e)/7b-cover.xlsx[Справочник] — скрытый лист",
        ] { #expect(r.stderr.contains(line + "\n"), "\(line)\n\(r.stderr)") }
        // Each table file once, by its profile; 390 rows of the marks log on the sheet «Отметки».
        for row in ["7b-cover.xlsx[Отметки]  журнал отметок (лог выставления)  XLSX               390      390          0",
                    "оценки.tsv              ЭлЖур: оценки", "итоговые.txt            ЭлЖур: итоговые", "уроки.csv               ЭлЖур: уроки",
                    "изменения.csv           ЭлЖур: изменения", "периоды.csv             канонический: периоды"] {
            #expect(r.stdout.contains(row), "\(row)\n\(r.stdout)")
        }
        #expect(r.stdout.contains("\nИтоговые отметки за периоды, которых нет в календаре (1):\n  итоговые.txt:8: итоговых отметок за период «Зимняя сессия»: 1"))
    }

    /// A profile of one's own with the file name of a shipped one replaces it; the other shipped
    /// profiles stay. `--profiles` comes before `ZHURNAL_PROFILES`.
    @Test func profilesOfOnesOwnComeFirst() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        func profileDir(_ name: String, _ title: String) throws -> String {
            let d = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
            try Data("""
                название = \(title)
                таблица = отметки
                признак = Дата и время выставления; Выставил
                [столбцы]
                Класс = Группа
                Ученик = Обучающийся
                Отметка = Значение
                Дата и время выставления = Внесено
                Выставил = Внёс

                """.utf8).write(to: d.appendingPathComponent("журнал-отметок.profile"))
            return d.path
        }
        let env = try profileDir("env", "отметки (из ZHURNAL_PROFILES)")
        let opt = try profileDir("opt", "отметки (из --profiles)")
        let files = ["examples/7b-algebra/marks_log_7b_algebra.csv", "examples/7b-algebra/journal_7b_algebra.cp1251.csv"]
        let a = try CLIRunner.run(["import"] + files + ["--db", dir.appendingPathComponent("a.sqlite").path], environment: ["ZHURNAL_PROFILES": env])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.contains("marks_log_7b_algebra.csv       отметки (из ZHURNAL_PROFILES)"))
        #expect(a.stdout.contains("journal_7b_algebra.cp1251.csv  сетка журнала (выгрузка по классу)"))
        let b = try CLIRunner.run(["import"] + files + ["--db", dir.appendingPathComponent("b.sqlite").path, "--profiles", opt],
                                  environment: ["ZHURNAL_PROFILES": env])
        #expect(b.stdout.contains("marks_log_7b_algebra.csv       отметки (из --profiles)"))
        let missing = try CLIRunner.run(["import", files[0], "--db", dir.appendingPathComponent("c.sqlite").path],
                                        environment: ["ZHURNAL_PROFILES": dir.appendingPathComponent("нет").path])
        #expect(missing.status == 2)
        #expect(missing.stderr == "ошибка: папка профилей «\(dir.appendingPathComponent("нет").path)» (ZHURNAL_PROFILES) не найдена\n")
        // A file no profile reads: the hint names the folders searched.
        let note = dir.appendingPathComponent("заметка.csv").path
        try Data("просто текст\n".utf8).write(to: URL(fileURLWithPath: note))
        let none = try CLIRunner.run(["import", note, "--db", dir.appendingPathComponent("d.sqlite").path, "--profiles", opt],
                                     environment: ["ZHURNAL_PROFILES": env])
        #expect(none.status == 2)
        #expect(none.stderr.contains("подсказка: шаблоны таблиц — в templates/import/; профили искались в \(opt), \(env), templates/import/profiles"))
    }

    /// The bundled example re-saved as a workbook (a sheet per file): the same findings and
    /// per-rule outcomes as its CSV files.
    @Test func workbookOfTheExampleGivesTheSameFindings() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        func findings(_ source: String, _ name: String) throws -> (Any, Any, Int32) {
            let json = dir.appendingPathComponent(name).path
            let r = try CLIRunner.run(["check", source, "--rules", "rules/oosh14.rules", "--json", json])
            let d = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
            return (d?["findings"] as Any, d?["outcomes"] as Any, r.status)
        }
        let (cf, co, cs) = try findings("examples/7b-algebra", "csv.json")
        let (xf, xo, xs) = try findings(Self.fixtures.appendingPathComponent("xlsx/7b-algebra.xlsx").path, "xlsx.json")
        #expect(cs == 1 && xs == 1)
        #expect((cf as? [Any])?.count ?? 0 > 100)
        #expect(NSArray(array: cf as? [Any] ?? []).isEqual(to: xf as? [Any] ?? []))
        #expect(NSArray(array: co as? [Any] ?? []).isEqual(to: xo as? [Any] ?? []))
    }

    /// `книга.xlsx[Лист]` on the command line: that sheet only.
    @Test func oneSheetOfAWorkbook() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = Self.fixtures.appendingPathComponent("xlsx/7b-grid.xlsx").path
        let r = try CLIRunner.run(["import", book + "[Геометрия]", "--db", dir.appendingPathComponent("j.sqlite").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("7b-grid.xlsx[Геометрия]  сетка журнала (выгрузка по классу)  XLSX                26       26          0\nИтого"))
        let bad = try CLIRunner.run(["import", book + "[Физика]", "--db", dir.appendingPathComponent("k.sqlite").path])
        #expect(bad.status == 2)
        #expect(bad.stderr == "\(book):1:1: ошибка: в книге нет листа «Физика»\nподсказка: листы: «Алгебра», «Геометрия»\n")
    }

    /// `check` reads a folder of exports of an unseen layout through `--profiles`.
    @Test func checkReadsAFolderThroughProfilesOfOnesOwn() throws {
        let r = try CLIRunner.run(["check", Self.elzhur, "--profiles", Self.elzhurProfiles, "--rules", "rules/oosh14.rules"])
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("импорт: файлов 5, строк принято 16, отклонено 2"))
        // Two rows the check does not see: said next to the counts, with what it can do to findings.
        #expect(r.stderr.contains("предупреждение: строки, которые не загружены (2), в проверке не участвуют: по их ученикам и урокам "
                                  + "выводы неполны, а недостающие отметки могут дать ложные нарушения и замечания"))
        #expect(r.stderr.contains("импорт: итоговых отметок за период «Зимняя сессия»: 1 — такого периода нет в календаре учреждения"))
    }
}
