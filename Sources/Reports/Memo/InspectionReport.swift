import Foundation
import JournalModel
import Findings

/// Builds the monthly inspection report from a check over the month and the journal it ran on.
///
///     let doc = InspectionReport.build(report: r, journal: j, month: LocalDate(year: 2025, month: 9, day: 1)!,
///                                      settings: s)
public enum InspectionReport {
    static let monthNames = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                             "сентябрь", "октябрь", "ноябрь", "декабрь"]

    /// Parses `2025-09`, `09.2025` or «сентябрь 2025» to the first day of that month.
    public static func month(parsing text: String) -> LocalDate? {
        let t = text.trimmingSpaces().lowercased()
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == " " || $0 == "/" }).map(String.init)
        guard parts.count == 2 else { return nil }
        if let y = Int(parts[0]), parts[0].count == 4, let m = Int(parts[1]) { return LocalDate(year: y, month: m, day: 1) }
        if let m = Int(parts[0]), let y = Int(parts[1]), parts[1].count == 4 { return LocalDate(year: y, month: m, day: 1) }
        if let y = Int(parts[1]), let i = monthNames.firstIndex(where: { parts[0].hasPrefix(String($0.prefix(3))) }) {
            return LocalDate(year: y, month: i + 1, day: 1)
        }
        return nil
    }

    public static func build(report: CheckReport, journal: Journal, month: LocalDate,
                             settings: MemoSettings) -> InspectionDocument {
        let start = month.monthStart
        let end = start.adding(days: LocalDate.daysIn(month: start.month, year: start.year) - 1)
        let findings = report.findings.filter { f in
            guard let d = f.dueDate, d >= start, d <= end else { return false }
            return f.severity != .recommendation || settings.includeRecommendations
        }
        let lessons = journal.lessons.indices.filter { journal.lessons[$0].date >= start && journal.lessons[$0].date <= end }
        var warnings: [String] = []
        let director = settings.value(.reportRecipient) ?? journal.institution.director
        let deputy = settings.value(.reportAuthor) ?? journal.institution.deputyDirector
        if director == nil && settings.value(.reportRecipientDative) == nil {
            warnings.append("не указан директор — укажите «Адресат справки» в файле реквизитов")
        }
        if deputy == nil { warnings.append("не указан составитель справки — укажите «Составитель справки» в файле реквизитов") }

        let words = InstitutionWords(journal.institution.kind)
        let titles = Dictionary(report.outcomes.map { ($0.ruleId, $0.title) }, uniquingKeysWith: { a, _ in a })
        let groups = InspectionFigures.groups(journal: journal, lessons: lessons, findings: findings, start: start, end: end)
        let teachers = InspectionFigures.teachers(journal: journal, lessons: lessons, findings: findings, titles: titles)
        return InspectionDocument(
            words: words,
            institution: settings.value(.institution) ?? journal.institution.name,
            monthStart: start, monthEnd: end,
            monthTitle: "\(monthNames[start.month - 1]) \(start.year) г.",
            date: settings.date ?? report.checkedAt.date,
            number: settings.value(.reportNumber),
            recipient: Parties.recipient(position: settings.value(.reportRecipientPosition) ?? "Директору",
                                         fullName: director, exactForm: settings.value(.reportRecipientDative)),
            author: Parties.author(position: settings.value(.reportAuthorPosition)
                                       ?? "Заместитель директора по учебно-воспитательной работе",
                                   fullName: deputy),
            regulation: Parties.regulation(report), packTitle: report.packTitle,
            rulesChecked: report.outcomes.filter { $0.status == .passed || $0.status == .violated }.count,
            groups: groups, teachers: teachers,
            topTeachers: InspectionFigures.topTeachers(teachers), topGroups: InspectionFigures.topGroups(groups),
            violations: violations(findings, outcomes: report.outcomes),
            unchecked: report.outcomes.filter(UncheckedNote.concernsUser).map {
                InspectionDocument.Unchecked(
                    title: $0.title, clause: Parties.clause($0.clause),
                    reason: $0.status == .error ? "ошибка: \($0.errorMessage ?? "причина не указана")"
                        : $0.missingData.isEmpty ? "нет нужных данных"
                        : $0.missingData.map { $0.hasPrefix("нет ") ? $0 : "нет данных: \($0)" }.joined(separator: "; "))
            },
            findingCount: findings.count, lessonCount: lessons.count, warnings: warnings)
    }

    static func violations(_ findings: [Finding], outcomes: [RuleOutcome]) -> [InspectionDocument.Violation] {
        let titles = Dictionary(outcomes.map { ($0.ruleId, $0.title) }, uniquingKeysWith: { a, _ in a })
        return Dictionary(grouping: findings, by: \.ruleId).map { id, fs in
            InspectionDocument.Violation(
                title: titles[id] ?? id, clause: Parties.clause(fs[0].clause), severity: fs[0].severity,
                count: fs.count, groups: Array(Set(fs.compactMap(\.group))).sorted(),
                teachers: Array(Set(fs.compactMap(\.teacher))).sorted())
        }.sorted { ($0.severity.rank, -$0.count, $0.clause) < ($1.severity.rank, -$1.count, $1.clause) }
    }
}
