import ArgumentParser
import FileAccess
import Foundation
import JournalModel
import Findings
import RuleEngine
import Reports
import Workflows

/// `zhurnal memo`: the curator's weekly service memo about late journal entries.
struct MemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memo",
        abstract: "Служебная записка куратора (классного руководителя) о заполнении журнала за неделю.",
        discussion: """
        Проверяет журнал группы за неделю (понедельник–воскресенье), содержащую дату --week, и пишет \
        служебную записку заместителю директора: DOCX (--out записка.docx) или Markdown (--out записка.md; \
        без --out — в терминал). --out можно повторить: --out записка.docx --out записка.md — оба файла \
        по одной проверке. Если нарушений нет, записка не создаётся. Код выхода: 0 — нарушений нет, \
        1 — записка составлена, 2 — ошибка во входных данных.
        """)

    @Argument(help: "База данных (.sqlite) или папка/файлы CSV.")
    var paths: [String]

    @Option(help: "Пакет правил: имя (hexlet) или файл .rules.")
    var rules: String

    @Option(help: "Группа (класс), например 7б.")
    var group: String?

    @Flag(help: "По записке на каждую группу с нарушениями (от её куратора).")
    var allGroups = false

    @Option(help: "Любая дата проверяемой недели (ДД.ММ.ГГГГ).")
    var week: String

    @Option(help: ArgumentHelp("Куда записать: файл .docx или .md (с --all-groups к имени добавляется группа) или папка;"
        + " можно повторить, чтобы за одну проверку получить оба формата."))
    var out: [String] = []

    @OptionGroup var document: DocumentOptions
    @OptionGroup var moment: AsOfOption

    func validate() throws {
        if group == nil && !allGroups { throw ValidationError("укажите группу (--group) или --all-groups") }
        if group != nil && allGroups { throw ValidationError("--group и --all-groups вместе не указываются") }
        if DateParsing.date(week) == nil { throw ValidationError("дата недели «\(week)» не распознана — пишите ДД.ММ.ГГГГ") }
    }

    func run() async throws {
        guard let day = DateParsing.date(week) else { throw UserFacingError.fail("дата недели «\(week)» не распознана") }
        let start = day.weekStart, end = start.adding(days: 6)
        let job = try DocumentJob.prepare(paths: paths, rules: rules, window: .week(day), asOf: moment.asOf, group: group,
                                          settingsPath: document.settings, templatesDir: document.templates,
                                          profiles: document.profileOptions)
        let groups = group.map { [$0] } ?? ServiceMemo.groups(report: job.report, journal: job.journal)
        var written = 0
        var quiet: [String] = []
        for g in groups {
            guard let memo = ServiceMemo.build(report: job.report, journal: job.journal, group: g, week: day,
                                               settings: job.settings, phrases: job.phrases, sequence: written) else {
                quiet.append(g)
                continue
            }
            for w in memo.warnings { printError("предупреждение: \(w)") }
            let targets = out.map { OutputPath.resolve($0, suffix: allGroups ? g : nil, defaultName: "записка-\(g)") }
            if targets.isEmpty && written > 0 { print("\n---\n") }
            try DocumentJob.emit(targets: targets,
                                 markdown: { try MemoRenderer.markdown(memo, templates: job.templates) },
                                 docx: { try MemoRenderer.docx(memo, templates: job.templates) })
            written += 1
        }
        let period = "\(start)–\(end)"
        if allGroups {
            if !quiet.isEmpty {
                print("Нарушений за неделю \(period) не выявлено в группах: \(quiet.joined(separator: ", ")) — записки не составлялись.")
            }
            print("Составлено служебных записок: \(written).")
        } else if written == 0, let g = group {
            print("Группа \(g): за неделю \(period) нарушений не выявлено — служебная записка не составлялась.")
        }
        DocumentJob.noteUnchecked(job.report)
        if written > 0 { throw ExitCodes.violations }
    }
}
