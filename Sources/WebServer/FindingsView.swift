import Foundation
import Findings
import JournalModel
import Reports

/// The findings of a check as the page lists them: filtered (teacher, class, subject, rule,
/// severity, dates, new/still open), in a stable order (severity, date, class, teacher), a page
/// at a time. Student names become codes when the session pseudonymises.
struct FindingsView {
    static let pageSize = 100

    struct Filter: Sendable {
        var teacher, group, subject, rule, severity, from, to, status: String?
        var page = 1

        init(query: [String: String]) {
            func v(_ k: String) -> String? { query[k].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
            (teacher, group, subject, rule, severity, from, to, status) = (v("teacher"), v("group"), v("subject"), v("rule"),
                                                                          v("severity"), v("from"), v("to"), v("status"))
            page = max(1, Int(query["page"] ?? "") ?? 1)
        }

        /// The query string of these filters (for the paging links), without the page.
        var query: String {
            let pairs: [(String, String?)] = [("teacher", teacher), ("group", group), ("subject", subject), ("rule", rule),
                                              ("severity", severity), ("from", from), ("to", to), ("status", status)]
            return pairs.compactMap { k, v in v.map { "\(k)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" } }
                .joined(separator: "&")
        }
    }

    let check: StoredCheck
    let index: CheckIndex
    let comparison: Comparison?
    let pseudonyms: StudentPseudonyms?

    /// The indices of the findings that pass `filter`, in the page's order.
    func matching(_ filter: Filter) -> [Int] {
        let from = filter.from.flatMap(DateParsing.date), to = filter.to.flatMap(DateParsing.date)
        let severity = filter.severity.flatMap(Severity.init(rawValue:))
        let fs = check.report.findings
        return index.order.filter { i in
            let f = fs[i]
            if let t = filter.teacher, f.teacher != t { return false }
            if let g = filter.group, f.group != g { return false }
            if let s = filter.subject, f.subject != s { return false }
            if let r = filter.rule, f.ruleId != r { return false }
            if let s = severity, f.severity != s { return false }
            if from != nil || to != nil {
                guard let d = index.due[i] else { return false }
                if let from, d < from { return false }
                if let to, d > to { return false }
            }
            if let st = filter.status, let c = comparison, c.status(of: f).rawValue != st { return false }
            return true
        }
    }

    /// One page of rows for the template.
    func rows(_ indices: ArraySlice<Int>) -> [[String: Any]] {
        let fs = check.report.findings
        var titles: [String: String] = [:]
        for o in check.report.outcomes { titles[o.ruleId] = o.title }
        return indices.map { i in
            let f = fs[i]
            var row: [String: Any] = ["severity": f.severity.rawValue, "severityClass": Self.cssClass(f.severity),
                                      "date": index.due[i].map { $0.description } ?? "",
                                      "group": f.group ?? "", "subject": f.subject ?? "", "teacher": f.teacher ?? "",
                                      "rule": titles[f.ruleId] ?? f.ruleId, "clause": f.clause,
                                      "message": scrub(f.message, f), "student": f.student.map { student($0, f.group) } ?? ""]
            if let c = comparison { row["status"] = c.status(of: f).rawValue; row["hasStatus"] = true }
            if let t = f.teacher { row["hasTeacher"] = true; row["teacherQuery"] = t.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
            return row
        }
    }

    func student(_ name: String, _ group: String?) -> String { pseudonyms?.code(group: group, name: name) ?? name }

    func scrub(_ text: String, _ f: Finding) -> String {
        guard let p = pseudonyms, let name = f.student, !name.isEmpty else { return text }
        return text.replacingOccurrences(of: name, with: p.code(group: f.group, name: name))
    }

    static func cssClass(_ s: Severity) -> String {
        switch s {
        case .violation: "violation"
        case .remark: "remark"
        case .recommendation: "recommendation"
        }
    }

    /// The choices of a filter: the values the findings have.
    static func choices(_ values: [String], selected: String?) -> [[String: Any]] {
        values.map { ["value": $0, "selected": $0 == selected] }
    }
}

/// What every page of one check needs, computed once: the findings in the page's order
/// (severity, due date, class, teacher), their due dates, and the filters' choices. A page of
/// 10,000 findings then only filters and slices.
final class CheckIndex: Sendable {
    let order: [Int]
    let due: [LocalDate?]
    let teachers, groups, subjects: [String]

    init(_ report: CheckReport) {
        let fs = report.findings
        let due = fs.map { $0.dueDate ?? $0.date }
        self.due = due
        order = fs.indices.sorted { a, b in
            let x = fs[a], y = fs[b]
            if x.severity != y.severity { return x.severity.rank < y.severity.rank }
            if due[a] != due[b] {
                guard let da = due[a] else { return false }
                guard let db = due[b] else { return true }
                return da < db
            }
            if (x.group ?? "") != (y.group ?? "") { return (x.group ?? "") < (y.group ?? "") }
            if (x.teacher ?? "") != (y.teacher ?? "") { return (x.teacher ?? "") < (y.teacher ?? "") }
            return a < b
        }
        teachers = Set(fs.compactMap(\.teacher)).sorted()
        groups = Set(fs.compactMap(\.group)).sorted()
        subjects = Set(fs.compactMap(\.subject)).sorted()
    }
}
