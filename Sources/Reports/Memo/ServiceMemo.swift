import Foundation
import JournalModel
import Findings

/// Builds the weekly service memo of a curator to the deputy director (`hexlet` 3.3–3.4) from
/// a check's findings: each teacher's late or wrong entries, worded by `MemoPhrases`, the
/// subject line chosen by what the memo reports, class or group words by the institution's kind.
///
///     if let memo = ServiceMemo.build(report: r, journal: j, group: "7б", week: d, settings: s) {
///         let md = try MemoRenderer.markdown(memo, templates: set)
///     }
public enum ServiceMemo {
    /// The memo for `group` and the ISO week (Monday–Sunday) containing `week`; nil when the
    /// week has nothing to report for the group. `sequence` numbers memos of one batch
    /// (`--all-groups`): the settings' number is advanced by it.
    public static func build(report: CheckReport, journal: Journal, group: String, week: LocalDate,
                             settings: MemoSettings, phrases: MemoPhrases = MemoPhrases(),
                             sequence: Int = 0) -> MemoDocument? {
        let start = week.weekStart, end = start.adding(days: 6)
        let findings = report.findings.filter { f in
            guard f.group == group, let d = f.dueDate, d >= start, d <= end else { return false }
            return f.severity != .recommendation || settings.includeRecommendations
        }
        guard !findings.isEmpty else { return nil }

        var warnings: [String] = []
        let groupRecord = journal.groups.first { $0.name == group }
        let curator = settings.value(.memoAuthor, group: group) ?? groupRecord?.curator
        if curator == nil {
            warnings.append("в журнале не указан куратор группы \(group) — укажите «Автор записки» в файле реквизитов")
        }
        let deputy = settings.value(.memoRecipient, group: group) ?? journal.institution.deputyDirector
        if deputy == nil && settings.value(.memoRecipientDative, group: group) == nil {
            warnings.append("не указан заместитель директора — укажите «Адресат записки» в файле реквизитов")
        }
        let words = InstitutionWords(journal.institution.kind)
        let named = Namer(titles: titles(report), phrases: phrases)

        return MemoDocument(
            words: words,
            institution: settings.value(.institution) ?? journal.institution.name,
            group: group, weekStart: start, weekEnd: end,
            date: settings.date ?? report.checkedAt.date,
            number: Parties.number(settings.value(.memoNumber, group: group), offset: sequence),
            recipient: Parties.recipient(
                position: settings.value(.memoRecipientPosition, group: group)
                    ?? "Заместителю директора по учебно-воспитательной работе",
                fullName: deputy, exactForm: settings.value(.memoRecipientDative, group: group)),
            author: Parties.author(position: settings.value(.memoAuthorPosition, group: group) ?? words.curatorOf(group),
                                   fullName: curator),
            regulation: Parties.regulation(report),
            teachers: teachers(findings, journal: journal, namer: named),
            rows: rows(findings, namer: named),
            findingCount: findings.count,
            warnings: warnings)
    }

    /// The groups that have any lesson or finding in the journal/report, sorted by name.
    public static func groups(report: CheckReport, journal: Journal) -> [String] {
        var names = Set(journal.groups.map(\.name))
        for f in report.findings { if let g = f.group { names.insert(g) } }
        return names.sorted { $0.localizedStandardCompareAscending($1) }
    }

    static let noTeacher = "преподаватель не указан"

    /// Rule id → title, for naming the requirement a rule without a phrase checks.
    static func titles(_ report: CheckReport) -> [String: String] {
        Dictionary(report.outcomes.map { ($0.ruleId, $0.title) }, uniquingKeysWith: { a, _ in a })
    }

    /// Names what each finding shows, from the phrase table and the rules' titles.
    struct Namer {
        var titles: [String: String]
        var phrases: MemoPhrases
        func callAsFunction(_ f: Finding) -> MemoPhrases.Phrase { phrases.phrase(for: f, title: titles[f.ruleId]) }
    }

    static func teachers(_ findings: [Finding], journal: Journal, namer: Namer) -> [MemoTeacher] {
        let byTeacher = Dictionary(grouping: findings) { $0.teacher ?? noTeacher }
        return byTeacher.keys.sorted().map { name in
            let fs = byTeacher[name] ?? []
            struct ItemKey: Hashable {
                var area: FindingArea; var problem: EntryProblem; var phrase: MemoPhrases.Phrase
                var clause: String; var subject: String?
            }
            let byItem = Dictionary(grouping: fs) {
                ItemKey(area: $0.area, problem: EntryProblem($0), phrase: namer($0),
                        clause: Parties.clause($0.clause), subject: $0.subject)
            }
            let items = byItem.map { key, group in
                MemoItem(area: key.area, problem: key.problem, phrase: key.phrase,
                         clause: key.clause, subject: key.subject,
                         dates: Array(Set(group.compactMap(\.date))).sorted(), count: group.count,
                         maxDelaySeconds: group.compactMap { $0.delaySeconds.flatMap { $0 > 0 ? $0 : nil } }.max())
            }.sorted {
                ($0.subject ?? "", areaOrder($0.area), $0.problem.order, $0.clause, $0.phrase.one)
                    < ($1.subject ?? "", areaOrder($1.area), $1.problem.order, $1.clause, $1.phrase.one)
            }
            let subjects = Array(Set(fs.compactMap(\.subject))).sorted()
            let position = journal.teachers.first { $0.name == name }?.position
            return MemoTeacher(name: name, position: position, subjects: subjects, items: items, findingCount: fs.count)
        }
    }

    static func rows(_ findings: [Finding], namer: Namer) -> [MemoRow] {
        struct RowKey: Hashable {
            var date: LocalDate?; var teacher: String; var subject: String?
            var area: FindingArea; var problem: EntryProblem; var phrase: MemoPhrases.Phrase; var clause: String
        }
        let byRow = Dictionary(grouping: findings) {
            RowKey(date: $0.date, teacher: $0.teacher ?? noTeacher, subject: $0.subject, area: $0.area,
                   problem: EntryProblem($0), phrase: namer($0), clause: Parties.clause($0.clause))
        }
        return byRow.map { key, group in
            let expected = Set(group.map { $0.expected ?? "" })
            return MemoRow(date: key.date, teacher: key.teacher, subject: key.subject, area: key.area,
                           problem: key.problem, phrase: key.phrase, count: group.count,
                           maxDelaySeconds: group.compactMap { $0.delaySeconds.flatMap { $0 > 0 ? $0 : nil } }.max(),
                           clause: key.clause,
                           expected: expected.count == 1 ? expected.first.flatMap { $0.isEmpty ? nil : $0 } : nil)
        }.sorted {
            ($0.date?.dayNumber ?? 0, $0.teacher, $0.subject ?? "", areaOrder($0.area), $0.problem.order,
             $0.clause + $0.phrase.one)
                < ($1.date?.dayNumber ?? 0, $1.teacher, $1.subject ?? "", areaOrder($1.area), $1.problem.order,
                   $1.clause + $1.phrase.one)
        }
    }

    static func areaOrder(_ a: FindingArea) -> Int { FindingArea.allCases.firstIndex(of: a) ?? 0 }
}
