import ArgumentParser
import FileAccess
import Foundation
import JournalModel
import Findings
import RuleEngine
import Reports

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

/// What `memo` and `inspection` share: loading the journal, checking it, finding the
/// templates and settings, and writing the result.
struct DocumentJob {
    var journal: Journal
    var report: CheckReport
    var templates: MemoTemplates
    var settings: MemoSettings
    /// How memos name what each rule found (`templates/memo/формулировки.txt`).
    var phrases: MemoPhrases

    static func prepare(paths: [String], rules: String, window: CheckWindow.Request, asOf: String?, group: String?,
                        settingsPath: String?, templatesDir: String?, profiles: ProfileOptions = ProfileOptions()) throws -> DocumentJob {
        let packPath = try PackPath.resolve(rules)
        do {
            let templates = try MemoTemplates.locate(explicit: templatesDir, roots: ResourceLocator.roots)
            let phrases = try MemoPhrases.load(directory: templates.directory)
            var settings = MemoSettings()
            if let path = settingsPath ?? templates.defaultSettingsPath {
                let text: String
                do { text = try InputFile.text(path) } catch {
                    throw UserFacingError.fail("не удалось прочитать файл реквизитов \(error.message)")
                }
                settings = try MemoSettings.parse(text, file: path)
            }
            let judged = try JudgedJournal.load(paths: paths, asOf: asOf, window: window, group: group,
                                                source: .init(profile: profiles.profile, profilesDirectory: profiles.profilesDirectory))
            printError(judged.momentNote)
            let report = try Checker.check(packPath: packPath, journal: judged.journal, options: judged.options(group: group))
            return DocumentJob(journal: judged.journal, report: report, templates: templates, settings: settings,
                               phrases: phrases)
        } catch let e as MemoError {
            throw UserFacingError.fail(e.diagnostics)
        } catch let e as RulePackError {
            throw UserFacingError.fail(e.diagnostics)
        }
    }

    /// Rules that could not be checked for want of data (or failed) are named: «no violations»
    /// must not read as «complied». Rules with nothing to judge in the window (no 1st grade, no
    /// month ending in the week) are not news and are left out (`UncheckedNote`).
    static func noteUnchecked(_ report: CheckReport) {
        let unchecked = report.outcomes.filter(UncheckedNote.concernsUser)
        guard !unchecked.isEmpty else { return }
        let lines = unchecked.prefix(5).map { o -> String in
            let clause = ClauseText.cited(o.clause)
            let why = o.missingData.map { $0.hasPrefix("нет ") ? $0 : "нет данных — \($0)" }.joined(separator: "; ")
            return "  – «\(o.title)» (\(clause))" + (why.isEmpty ? "" : ": \(why)")
        }
        let more = unchecked.count > 5
            ? ["  … и ещё \(unchecked.count - 5) (полный список — лист «Не проверено» отчёта `zhurnal check --out`)"] : []
        printError((["примечание: правила, не проверенные за этот период (нарушения по ним в документ не попали):"]
                    + lines + more).joined(separator: "\n"))
    }

    /// Markdown to standard output without targets; else each file in the format its extension
    /// names, every format rendered once and all files written together (none if one fails).
    static func emit(targets: [String], markdown: () throws -> String,
                     docx: () throws -> DocxPackage) throws {
        do {
            guard !targets.isEmpty else {
                print(try markdown(), terminator: "")
                return
            }
            var unique: [String] = []
            for t in targets where !unique.contains(t) { unique.append(t) }
            for t in unique where OutputPath.format(of: t) == nil {
                throw UserFacingError.fail("непонятный формат «\(t)»: укажите файл .docx или .md")
            }
            var text: String?, package: DocxPackage?
            var outputs: [DocumentFiles.Output] = []
            for t in unique {
                switch OutputPath.format(of: t) {
                case .docx:
                    if package == nil { package = try docx() }
                    if let package { outputs.append(.init(path: t, contents: .docx(package))) }
                case .markdown:
                    if text == nil { text = try markdown() }
                    if let text { outputs.append(.init(path: t, contents: .text(text))) }
                case nil:
                    continue
                }
            }
            for t in unique {
                let folder = (t as NSString).deletingLastPathComponent
                if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            }
            try DocumentFiles.write(outputs)
            for t in unique { printError("записано: \(t)") }
        } catch let e as MemoError {
            throw UserFacingError.fail(e.diagnostics)
        }
    }
}
