import ArgumentParser
import FileAccess
import Foundation
import JournalGenerator

/// `zhurnal generate`: a synthetic study year with known violations and their ground truth.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Создать синтетический журнал за учебный год с известными нарушениями (для проверки и замеров).",
        discussion: """
        Размеры: small — одна школа (30 классов, ~800 обучающихся); college — колледж (120 групп, \
        ~3000 студентов, подгруппы); district — 50 школ, каждая в своей папке school-NN.
        Рядом с таблицами записывается ground_truth.csv — список внесённых нарушений.
        """)

    @Option(name: .long, help: "Размер: small, college или district.")
    var size: String = "small"

    @Option(name: .long, help: "Начальное число генератора: одно и то же число даёт побайтно одинаковые файлы.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Папка для файлов (создаётся, существующие файлы перезаписываются).")
    var out: String

    @Option(name: .long, help: "Доля нарушений каждого вида, 0…0.1 (0 — журнал без нарушений).")
    var inject: Double = 0.01

    @Flag(name: .long, help: "Дополнительно записать выгрузки в старых форматах (папка legacy/).")
    var legacy = false

    @Flag(name: .long, help: "Писать имена в отметках, итоговых и изменениях по-другому, как их выгружает другая система: «2А» и «2a» (латинская a) вместо «2а», «Семенов  Петр» вместо «Семёнов Пётр». Журнал тот же.")
    var spellings = false

    @Flag(name: .long, help: "Писать отметки без номера урока (только дата урока), как их выгружают некоторые системы. В дни сдвоенных уроков zhurnal сам относит отметку к одному из уроков дня. Журнал тот же.")
    var unnumberedMarks = false

    @Flag(name: .long, help: "Писать отметки-числа десятичной дробью («5.0»), как их сохраняет электронная таблица или скрипт. zhurnal читает их как отметки. Журнал тот же.")
    var decimalMarks = false

    @Flag(name: .long, help: "Писать время в других формах, как его выгружают другие системы: дата и время выставления отметки и внесения темы — в двух столбцах, начало и конец урока через точку («9.25»). Журнал тот же.")
    var otherFormats = false

    @Option(name: .long, help: "Уменьшенное учреждение для быстрых проверок: small — столько классов (1…30), college — столько групп (1…120).")
    var classes: Int?

    @Option(name: .long, help: "Только для small: учебные периоды школы — четверти (по умолчанию), триместры или полугодия.")
    var periods: String?

    func run() async throws {
        guard let journalSize = JournalSize(rawValue: size) else {
            throw UserFacingError.fail("неизвестный размер «\(size)»: допустимы small, college, district")
        }
        var scheme: PeriodScheme?
        if let p = periods {
            guard let v = PeriodScheme(rawValue: p.lowercased()) else {
                throw UserFacingError.fail("--periods «\(p)»: допустимы \(PeriodScheme.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            scheme = v
        }
        var options = GeneratorOptions(size: journalSize, seed: seed, outputFolder: out, injectRate: inject, legacy: legacy,
                                      classes: classes, periods: scheme)
        options.spellings = spellings
        options.unnumberedMarks = unnumberedMarks
        options.decimalMarks = decimalMarks
        options.otherFormats = otherFormats
        // --out is a folder: a file, a device or a link to one in its place is an error at once.
        switch FileKind.of(out) {
        case .missing, .directory: break
        case let kind:
            throw UserFacingError.fail("--out «\(out)» — \(kind.russianName), а нужна папка для файлов журнала (она создаётся, если её нет)")
        }
        let started = Date()
        let summary: GenerationSummary
        do {
            summary = try SyntheticJournal.generate(options) { printError($0) }
        } catch let e as GeneratorError {
            throw UserFacingError.fail(e.description)
        } catch let e as CocoaError {
            // A folder that cannot be made (no right, a file in the path): Russian, not Foundation's English.
            throw UserFacingError.fail("не удалось создать папку «\(out)» или файл в ней (код \(e.code.rawValue)): проверьте права и путь")
        }
        let seconds = Date().timeIntervalSince(started)
        let mb = Double(summary.bytes) / 1_000_000
        print("Записано в «\(out)»: учреждений \(summary.folders.count), групп \(summary.groups), обучающихся \(summary.students)")
        print("занятий \(summary.lessons), клеток журнала \(summary.cells), итоговых отметок \(summary.periodMarks), исправлений \(summary.changes)")
        print("дней со сдвоенными уроками \(summary.doubleLessonDays), еженедельных повторных выгрузок истории изменений \(summary.changeReexports)"
              + (legacy ? ", сеток журнала в legacy/ \(summary.legacyGrids)" : ""))
        print(String(format: "объём таблиц %.1f МБ за %.1f с (%.0f МБ/с)", mb, seconds, seconds > 0 ? mb / seconds : 0))
        let total = summary.injected.reduce(0) { $0 + $1.count }
        print("Внесено нарушений: \(total) (ground_truth.csv)")
        for (kind, count) in summary.injected where count > 0 {
            print("  \(kind.rawValue): \(count)")
        }
    }
}
