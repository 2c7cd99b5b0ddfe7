import ArgumentParser
import Foundation
import JournalModel
import Findings
import RuleLanguage
import RuleEngine
import Reports

/// `zhurnal check`: evaluates a rule pack over a journal and prints a Russian summary per rule.
/// Exit code 0 — no violations, 1 — violations found, 2 — bad input.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Проверить журнал по пакету правил.")

    @Argument(help: "База данных zhurnal или папка/файлы CSV-выгрузки") var paths: [String]
    @Option(name: .customLong("rules"), help: "Файл пакета правил") var rulesFile: String
    @Option(help: "Начало проверяемого периода (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)") var from: String?
    @Option(help: "Конец проверяемого периода") var to: String?
    @Option(help: "Учебный период по названию из календаря («1 четверть»)") var period: String?
    @Option(help: "Только эта группа (класс)") var group: String?
    @Option(help: "Записать результат в JSON") var json: String?
    @Option(help: "Записать отчёт XLSX") var out: String?
    @Option(help: "Переопределить параметр пакета: имя=значение") var param: [String] = []
    @Flag(help: "Заменить фамилии обучающихся в отчёте XLSX кодами («Обучающийся 0007»)") var pseudonymize = false
    @OptionGroup var profileOptions: ProfileOptions

    func run() async throws {
        let fromDate = try from.map { try CheckCommand.date($0, "--from") }
        let toDate = try to.map { try CheckCommand.date($0, "--to") }
        var params: [String: String] = [:]
        for p in param {
            guard let eq = p.firstIndex(of: "=") else { throw UserFacingError.fail("--param ожидает имя=значение, а указано «\(p)»") }
            params[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        let journal: Journal
        do {
            journal = try JournalSource.load(paths: paths, options: .init(from: fromDate, to: toDate, group: group, profile: profileOptions.profile,
                                                                          profilesDirectory: profileOptions.profilesDirectory))
        } catch let e as JournalSourceError {
            throw UserFacingError.fail(e.diagnostics)
        }
        var options = CheckOptions(from: fromDate, to: toDate, group: group, parameters: params)
        if let name = period {
            guard let p = journal.calendar.periods.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                let names = journal.calendar.periods.map(\.name)
                let hint = Suggestions.closest(to: name, among: names).map { " — возможно, «\($0)»?" }
                    ?? (names.isEmpty ? " (в календаре нет периодов)" : " (есть: \(names.joined(separator: ", ")))")
                throw UserFacingError.fail("нет учебного периода «\(name)»\(hint)")
            }
            options.from = max(p.start, fromDate ?? p.start)
            options.to = min(p.end, toDate ?? p.end)
        }
        let report: CheckReport
        do {
            report = try Checker.check(packPath: rulesFile, journal: journal, options: options)
        } catch let e as RulePackError {
            throw UserFacingError.fail(e.diagnostics)
        }
        print(SummaryText.render(report), terminator: "")
        if let path = json {
            do { try ReportJSON.write(report, to: path) } catch { throw UserFacingError.fail(error.message) }
        }
        if let path = out {
            try CheckCommand.writeXlsx(report, journal: journal, to: path, pseudonymize: pseudonymize)
        }
        if report.hasViolations { throw ExitCodes.violations }
    }

    static func date(_ s: String, _ option: String) throws -> LocalDate {
        guard let d = DateParsing.date(s) else {
            throw UserFacingError.fail("\(option): непонятная дата «\(s)» — пишите 01.09.2025 или 2025-09-01")
        }
        return d
    }

    /// Writes the XLSX compliance report (atomically: a temp file renamed into place).
    static func writeXlsx(_ report: CheckReport, journal: Journal, to path: String, pseudonymize: Bool) throws {
        let options = XlsxReportOptions(createdAt: report.checkedAt, pseudonymize: pseudonymize)
        do {
            try XlsxReport.write(report: report, journal: journal, to: path, options: options)
        } catch let e as XlsxReportError {
            throw UserFacingError.fail([e.diagnostic])
        }
        print("Отчёт XLSX записан: \(path)")
    }
}
