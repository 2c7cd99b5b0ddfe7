import ArgumentParser
import Foundation
import JournalModel
import Findings
import RuleLanguage
import RuleEngine
import Reports
import Workflows

/// `zhurnal check`: evaluates a rule pack over a journal and prints a Russian summary per rule.
/// Exit code 0 — no violations, 1 — violations found, 2 — bad input.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Проверить журнал по пакету правил.",
        discussion: """
        Печатает итог по каждому правилу; --out пишет отчёт XLSX, --json — все результаты в JSON. \
        --compare прошлый.json сравнивает с прошлой проверкой: что нового, что не устранено, что исправлено. \
        Код выхода: 0 — нарушений нет, 1 — нарушения найдены, 2 — ошибка во входных данных или в команде.
        """)

    @Argument(help: "База данных zhurnal или папка/файлы CSV-выгрузки") var paths: [String]
    @Option(name: .customLong("rules"), help: "Пакет правил: имя (oosh14) или файл .rules") var rulesFile: String
    @Option(help: "Начало окна проверки (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД): отчёт о записях, срок которых с этой даты") var from: String?
    @Option(help: "Конец окна проверки") var to: String?
    @Option(help: "Окно — учебный период по названию из календаря («1 четверть»)") var period: String?
    @Option(help: "Окно — неделя (понедельник–воскресенье), в которую входит дата") var week: String?
    @Option(help: "Окно — месяц: 2025-10, 10.2025 или «октябрь 2025»") var month: String?
    @OptionGroup var moment: AsOfOption
    @Option(help: "Только эта группа (класс)") var group: String?
    @Option(help: "Записать результат в JSON") var json: String?
    @Option(help: "Записать отчёт XLSX") var out: String?
    @Option(help: "Переопределить параметр пакета: имя=значение") var param: [String] = []
    @Flag(help: "Заменить фамилии обучающихся в отчёте XLSX кодами («Обучающийся 0007»)") var pseudonymize = false
    @OptionGroup var profileOptions: ProfileOptions
    @Option(help: "Сравнить с прошлой проверкой: файл, записанный --json") var compare: String?
    @Flag(help: "Показать в таблице идентификаторы правил (для zhurnal rules explain)") var ids = false

    func run() async throws {
        var params: [String: String] = [:]
        for p in param {
            guard let eq = p.firstIndex(of: "=") else { throw UserFacingError.fail("--param ожидает имя=значение, а указано «\(p)»") }
            params[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        let request = try CheckCommand.window(from: from, to: to, period: period, week: week, month: month)
        try OutputTargets.require([json, out].compactMap { $0 })
        let pack = try PackPath.resolve(rulesFile)
        var previous: PreviousCheck?
        if let path = compare {
            do { previous = try PreviousCheck.read(path: path) } catch { throw UserFacingError.fail(error.message) }
        }
        let judged = try JudgedJournal.load(paths: paths, asOf: moment.asOf, window: request, group: group,
                                            source: .init(profile: profileOptions.profile, profilesDirectory: profileOptions.profilesDirectory,
                                                            endsWithProcess: true),
                                            reporter: .terminal)
        printError(judged.momentNote)
        let report: CheckReport
        do {
            report = try Checker.check(packPath: pack, journal: judged.journal,
                                       options: judged.options(group: group, parameters: params))
        } catch let e as RulePackError {
            throw UserFacingError.fail(e.diagnostics)
        }
        print(SummaryText.render(report, window: judged.window.label, ids: ids), terminator: "")
        let comparison = previous.map { Comparison(current: report, previous: $0) }
        if let c = comparison {
            print("Сравнение с проверкой от \(c.previousCheckedAt): новых \(c.newCount), не устранено \(c.openCount), "
                  + "исправлено \(c.fixed.count)" + (c.notCompared > 0 ? " (вне этой проверки: \(c.notCompared))" : "") + ".")
        }
        if let path = json {
            OutputFolder.create(for: path)
            do { try ReportJSON.write(report, to: path) } catch { throw UserFacingError.fail(error.message) }
        }
        if let path = out {
            OutputFolder.create(for: path)
            try CheckCommand.writeXlsx(report, journal: judged.journal, to: path, pseudonymize: pseudonymize,
                                       comparison: comparison)
        }
        KeptUntilExit.keep(judged, report)
        if report.hasViolations { throw ExitCodes.violations }
    }

    /// One window at most: a range, a period, a week or a month (`WindowRequest`).
    static func window(from: String?, to: String?, period: String?, week: String?, month: String?) throws -> CheckWindow.Request {
        try WindowRequest.parse(from: from, to: to, period: period, week: week, month: month)
    }

    /// Writes the XLSX compliance report (atomically: a temp file renamed into place).
    static func writeXlsx(_ report: CheckReport, journal: Journal, to path: String, pseudonymize: Bool,
                          comparison: Comparison? = nil) throws {
        let options = XlsxReportOptions(createdAt: report.checkedAt, pseudonymize: pseudonymize, comparison: comparison)
        do {
            try XlsxReport.write(report: report, journal: journal, to: path, options: options)
        } catch let e as XlsxReportError {
            throw UserFacingError.fail([e.diagnostic])
        }
        print("Отчёт XLSX записан: \(path)")
    }
}
