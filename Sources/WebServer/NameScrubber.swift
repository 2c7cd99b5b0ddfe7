import Findings
import JournalModel
import Reports

/// The pseudonymise switch for downloads: every student's name (the roster, the findings, the
/// «не проверено» lists) replaced by their code («Обучающийся 0007») in a document's text —
/// JSON, Markdown, the XML of a DOCX. Longer names first, so that no name is left half-replaced
/// inside another.
struct NameScrubber: Sendable {
    private let pairs: [(String, String)]

    init(report: CheckReport, journal: Journal?) {
        var all = (journal?.students ?? []).map { s in (group: journal?.group(s.group).name ?? "", name: s.name) }
        for f in report.findings { if let s = f.student { all.append((group: f.group ?? "", name: s)) } }
        for o in report.outcomes { for item in o.skippedItems { if let s = item.student { all.append((group: item.group ?? "", name: s)) } } }
        let codes = StudentPseudonyms(students: all)
        var seen = Set<String>()
        pairs = all.sorted { $0.name.count > $1.name.count }.compactMap { s in
            guard !s.name.isEmpty, seen.insert(s.name).inserted else { return nil }
            return (s.name, codes.code(group: s.group, name: s.name))
        }
    }

    func scrub(_ text: String) -> String {
        var t = text
        for (name, code) in pairs where t.contains(name) { t = t.replacingOccurrences(of: name, with: code) }
        return t
    }
}
