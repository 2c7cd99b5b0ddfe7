import ArgumentParser
import Foundation
import JournalModel
import Reports

/// `zhurnal inspection`: the monthly inspection report for the director.
struct InspectionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspection",
        abstract: "Справка о результатах ежемесячной проверки электронного журнала.",
        discussion: """
        Проверяет журнал за месяц и пишет справку директору: что проверялось, показатели по группам и \
        преподавателям, основные нарушения с пунктами положения, выводы и рекомендации (текст шаблона). \
        DOCX (--out справка.docx) или Markdown (--out справка.md; без --out — в терминал); --out можно \
        повторить, чтобы получить оба файла по одной проверке. Код выхода: \
        0 — нарушений нет, 1 — нарушения есть, 2 — ошибка во входных данных.
        """)

    @Argument(help: "База данных (.sqlite) или папка/файлы CSV.")
    var paths: [String]

    @Option(help: "Пакет правил: имя (oosh14) или файл .rules.")
    var rules: String

    @Option(help: "Месяц: 2025-09, 09.2025 или «сентябрь 2025».")
    var month: String

    @Option(help: ArgumentHelp("Куда записать: файл .docx или .md; можно повторить, чтобы за одну проверку"
        + " получить оба формата."))
    var out: [String] = []

    @OptionGroup var document: DocumentOptions
    @OptionGroup var moment: AsOfOption

    func validate() throws {
        if InspectionReport.month(parsing: month) == nil {
            throw UserFacingError.fail("месяц «\(month)» не распознан — пишите 2025-09, 09.2025 или «сентябрь 2025»")
        }
    }

    func run() async throws {
        guard let first = InspectionReport.month(parsing: month) else { throw UserFacingError.fail("месяц не распознан") }
        let job = try DocumentJob.prepare(paths: paths, rules: rules, window: .month(first), asOf: moment.asOf, group: nil,
                                          settingsPath: document.settings, templatesDir: document.templates,
                                          profiles: document.profileOptions)
        let doc = InspectionReport.build(report: job.report, journal: job.journal, month: first, settings: job.settings)
        for w in doc.warnings { printError("предупреждение: \(w)") }
        let targets = out.map { OutputPath.resolve($0, suffix: nil, defaultName: "справка-\(first.iso.prefix(7))") }
        try DocumentJob.emit(targets: targets,
                             markdown: { try MemoRenderer.markdown(doc, templates: job.templates) },
                             docx: { try MemoRenderer.docx(doc, templates: job.templates) })
        DocumentJob.noteUnchecked(job.report)
        if doc.findingCount > 0 { throw ExitCodes.violations }
    }
}
