import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// The profile reference in `templates/import/README.md` cannot drift from the parser: every
/// parameter, section and grid parameter the parser knows is in the reference and used by one
/// of its examples, and every example — files and profiles taken from the README's own text —
/// imports to what the README says (the expected values below are read off the examples).
@Suite struct ProfileReferenceTests {
    static let ids = ["столбцы", "соединение", "уроки", "словарь", "периоды", "форматы", "шапка", "книга", "сетка", "пошагово"]

    struct Imported {
        var summary: ImportSession.Summary
        var journal: Journal
        var lines: [String]
        var profiles: [Profile]
        var dir: TempDir
        func report(_ name: String) -> FileReport? { summary.files.first { ($0.path as NSString).lastPathComponent.hasPrefix(name) } }
    }

    /// Writes an example's files into a fresh folder and imports them with its profiles, as
    /// `zhurnal import данные --profiles профили` does.
    func run(_ id: String) throws -> Imported {
        let e = try #require(try ImportReadme.examples()[id], "example «\(id)» in the README")
        let t = TempDir()
        for dir in ["данные", "профили"] { try FileManager.default.createDirectory(atPath: t.path(dir), withIntermediateDirectories: true) }
        var profiles: [Profile] = []
        for p in e.profiles {
            let path = t.path("профили/" + (p.name as NSString).lastPathComponent)
            try Data(p.text.utf8).write(to: URL(fileURLWithPath: path))
            profiles.append(try ProfileParser.load(path: path))
        }
        var paths: [String] = []
        for f in e.files {
            let path = t.path("данные/" + (f.name as NSString).lastPathComponent)
            try Data(f.cp1251 ? cp1251(f.text) : Array(f.text.utf8)).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        for book in Set(e.sheets.map(\.book)).sorted() {
            let sheets = e.sheets.filter { $0.book == book }.map { s in
                XlsxFixture.Sheet(name: s.sheet, rows: s.text.split(separator: "\n").map { line in
                    line.components(separatedBy: ";").map { XlsxFixture.Cell.text($0) } })
            }
            let path = t.path("данные/" + book)
            try XlsxFixture.write(to: path, sheets: sheets)
            paths.append(path)
        }
        let importer = FileImporter(profiles: profiles + (try Repo.profiles()))
        // Sheets and notes without a table are left out, as the command line lists them.
        let files = try sessionFiles(paths.sorted()).filter {
            if case .noHeader = importer.probeResult(path: $0.path, displayName: $0.displayName, sheet: $0.sheet) { return false }
            return true
        }
        let db = t.path("j.sqlite")
        let s = try ImportSession(importer: importer).run(files, into: try JournalStore(path: db))
        let j = try JournalStore(path: db).load()
        return Imported(summary: s, journal: j, lines: JournalDump.lines(j), profiles: profiles, dir: t)
    }

    @Test func everyConstructHasAnExampleInTheReference() throws {
        let text = try ImportReadme.text()
        let examples = try ImportReadme.examples()
        #expect(Set(examples.keys) == Set(Self.ids))
        let profileTexts = examples.values.flatMap(\.profiles).map(\.text)
        for p in ProfileParser.parameters {
            #expect(text.contains("| `\(p)` |"), "parameter «\(p)» in the reference table")
            #expect(profileTexts.contains { $0.contains("\n\(p) = ") || $0.hasPrefix("\(p) = ") }, "an example uses «\(p)»")
        }
        for s in ProfileParser.sections {
            let header = s == "словарь" ? "[словарь: " : "[\(s)]"
            #expect(text.contains("| `\(s == "словарь" ? "[словарь: Столбец]" : header)` |"), "section «\(s)» in the reference table")
            #expect(profileTexts.contains { $0.contains(header) }, "an example uses \(header)")
        }
        for g in ProfileParser.gridParameters {
            #expect(text.contains("`\(g)`") && profileTexts.contains { $0.contains("\n\(g) = ") }, "grid parameter «\(g)»")
        }
        // The constructs of [столбцы]: several columns, a join, a split.
        #expect(profileTexts.contains { $0.contains("; Тема внесена") } && profileTexts.contains { $0.contains(" + ") }
                && profileTexts.contains { $0.contains("= Начало - Окончание") })
    }

    @Test func renamedColumns() throws {
        let r = try run("столбцы")
        #expect(r.report("оценки-класса")?.encoding == .cp1251)
        #expect((r.summary.accepted, r.summary.rejected) == (2, 0))
        #expect(r.lines.filter { $0.hasPrefix("клетка|") } == ["клетка|7а|Химия|04.09.2025|-|Лисицына Мария|5|-|-|-",
                                                              "клетка|7а|Химия|04.09.2025|-|Носов Кирилл|4|-|-|-"])
    }

    @Test func dateAndTimeJoined() throws {
        let r = try run("соединение")
        #expect((r.summary.accepted, r.summary.rejected) == (2, 0))
        let sink = RecordCollector()
        _ = try FileImporter(profiles: r.profiles).run(path: r.dir.path("данные/отметки-со-временем.csv"), displayName: "x", sink: sink)
        #expect(sink.cells.map { "\($0.cell.enteredAt?.description ?? "-") \($0.cell.enteredAt?.isDayOnly == true)" }
                == ["04.09.2025 12:40 false", "05.09.2025 true"])
        // Both columns mapped to «Внесено» separately: the profile says where.
        let twice = expectFailure { _ = try ProfileParser.parse("название = x\nтаблица = отметки\n[столбцы]\nДата выставления = Внесено\nВремя выставления = Внесено\n", file: "p") }
        #expect(twice?.diagnostic.message.hasPrefix("столбец «Внесено» уже заполняется в строке") == true)
    }

    @Test func oneColumnForTwoAndARangeSplit() throws {
        let r = try run("уроки")
        let f = try #require(r.report("уроки-химии"))
        #expect((f.read, f.accepted, f.rejected) == (3, 2, 1))
        // «7а;Химия;18.09.2025;» is 2 + 1 + 5 + 1 + 10 + 1 = 20 characters.
        #expect(f.rejections.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line):\($0.location.column): \($0.reason)" }
                == ["уроки-химии.csv:4:21: в «10:30» нет разделителя «-»: столбец «Начало» берётся из диапазона вида «начало-окончание»"])
        #expect(r.lines.filter { $0.hasPrefix("урок|") } == [
            "урок|7а|-|Химия|04.09.2025|-|10:30|11:15|-|-|-|Вещества и их свойства|-|04.09.2025 11:20|04.09.2025 11:20|-",
            "урок|7а|-|Химия|11.09.2025|-|10:30|11:15|-|-|-|Чистые вещества и смеси|-|12.09.2025 08:05|12.09.2025 08:05|-",
        ])
    }

    @Test func valueMapOfWorkTypes() throws {
        let r = try run("словарь")
        let f = try #require(r.report("виды-работ"))
        #expect((f.read, f.accepted, f.rejected) == (4, 3, 1))
        // «7а;Химия;11.09.2025;Носов Кирилл;5;» is 2 + 1 + 5 + 1 + 10 + 1 + 12 + 1 + 1 + 1 = 35 characters.
        let rej = try #require(f.rejections.first)
        #expect("\(rej.location.line):\(rej.location.column)" == "5:36")
        #expect(rej.reason.hasPrefix("значение «Реферат» не найдено в словаре «Вид работы» профиля ("))
        #expect(rej.reason.contains("виды-работ.profile:8)"))
        #expect(Set(r.journal.cells.compactMap(\.workType)) == ["устный ответ", "контрольная работа", "практическая работа"])
    }

    @Test func periodNames() throws {
        let r = try run("периоды")
        #expect(r.summary.rejected == 0)
        #expect(r.lines.filter { $0.hasPrefix("итоговая|") } == [
            "итоговая|Лисицына Мария|Право|1 полуг.|I полугодие|5",
            "итоговая|Носов Кирилл|Право|1 п/г|I полугодие|4",
            "итоговая|Носов Кирилл|Право|Годовая|2025/2026|4",
            "итоговая|Носов Кирилл|Право|Экзамен|-|5",
            "итоговая|Орлова Ольга|Право|I полугодие|I полугодие|5",
        ])
        #expect(r.summary.outcome?.unlinkedPeriods.map(\.message) == [
            "итоговых отметок за период «Экзамен»: 1 — такого периода нет в календаре учреждения («I полугодие», «II полугодие», «2025/2026»); "
            + "они сохранены, но правила об итоговых отметках их не проверяют. Добавьте период в периоды.csv или словарь [словарь: Период] в профиль выгрузки",
        ])
    }

    @Test func formatsOfDatesAndTimes() throws {
        let r = try run("форматы")
        #expect((r.summary.accepted, r.summary.rejected) == (2, 0))
        // ДЗ внесено 09:15Z and 11:00:00.250Z in Moscow (UTC+3).
        #expect(r.lines.filter { $0.hasPrefix("урок|") } == [
            "урок|9в|-|Физика|02.09.2025|-|-|-|-|-|-|Равномерное движение|-|02.09.2025 10:30|-|02.09.2025 12:15",
            "урок|9в|-|Физика|04.09.2025|-|-|-|-|-|-|Скорость|-|04.09.2025 10:35|-|04.09.2025 14:00",
        ])
    }

    @Test func valuesFromTheHeaderTheFileNameAndFixed() throws {
        let r = try run("шапка")
        #expect((r.summary.accepted, r.summary.rejected) == (1, 0))
        #expect(r.lines.filter { $0.hasPrefix("клетка|") } == ["клетка|7а|Химия|04.09.2025|-|Лисицына Мария|5|текущая|-|Прохорова Анна Львовна"])
    }

    @Test func sheetsOfAWorkbook() throws {
        let r = try run("книга")
        #expect(r.summary.files.map { ($0.path as NSString).lastPathComponent } == ["7а.xlsx[Оценки Химия]", "7а.xlsx[Оценки Физика]"])
        #expect(r.lines.filter { $0.hasPrefix("клетка|") } == ["клетка|7а|Физика|05.09.2025|-|Носов Кирилл|4|-|-|-",
                                                              "клетка|7а|Химия|04.09.2025|-|Лисицына Мария|5|-|-|-"])
    }

    @Test func grid() throws {
        let r = try run("сетка")
        #expect((r.summary.read, r.summary.accepted) == (2, 2))
        #expect(r.lines.filter { $0.hasPrefix("урок|") }.map { $0.split(separator: "|")[4] } == ["06.10.2025", "10.11.2025", "20.10.2025"])
        #expect(r.lines.filter { $0.hasPrefix("клетка|") } == [
            "клетка|5а|Музыка|06.10.2025|-|Абрамова Вера|5|-|-|-", "клетка|5а|Музыка|06.10.2025|-|Белов Игорь|н|-|-|-",
            "клетка|5а|Музыка|10.11.2025|-|Абрамова Вера|4|-|-|-", "клетка|5а|Музыка|20.10.2025|-|Белов Игорь|4|-|-|-",
        ])
        #expect(r.lines.filter { $0.hasPrefix("итоговая|") } == ["итоговая|Абрамова Вера|Музыка|1 четверть|-|5", "итоговая|Белов Игорь|Музыка|1 четверть|-|4"])
    }

    /// The walk-through imports as the README says (its report is compared whole by
    /// `ReadmeWalkthroughCLITests`, which runs the program).
    @Test func walkThrough() throws {
        let r = try run("пошагово")
        #expect(r.summary.files.map { "\(($0.path as NSString).lastPathComponent) \($0.profile) \($0.read) \($0.accepted)" }
                == ["итоговые.csv итоговые за период (отчёт) 2 2", "оценки.csv оценки за период (отчёт) 4 3", "периоды.csv канонический: периоды 2 2"])
        #expect(r.lines.filter { $0.hasPrefix("клетка|") } == [
            "клетка|8б|Алгебра|01.10.2025|2|Абрамова Вера|5|устный ответ|01.10.2025 10:12|-",
            "клетка|8б|Алгебра|01.10.2025|2|Белов Игорь|н|-|01.10.2025 09:31|-",
            "клетка|8б|Алгебра|03.10.2025|3|Белов Игорь|4|контрольная работа|06.10.2025 17:45|-",
        ])
        #expect(r.lines.filter { $0.hasPrefix("итоговая|") } == ["итоговая|Абрамова Вера|Алгебра|I четв.|1 четверть|5",
                                                                "итоговая|Белов Игорь|Алгебра|I четв.|1 четверть|4"])
        #expect(r.summary.outcome?.unlinkedPeriods.isEmpty == true)
    }
}
