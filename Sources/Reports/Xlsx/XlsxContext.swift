import Foundation
import Findings
import JournalModel

/// What every sheet writer needs: the workbook, its formats, the report, the journal scope and
/// how students are named.
struct XlsxContext {
    let workbook: XlsxWorkbook
    let formats: ReportFormats
    let report: CheckReport
    let scope: ReportScope
    let options: XlsxReportOptions
    let pseudonyms: StudentPseudonyms?
    /// Rule titles by id, for the findings sheet.
    let ruleTitles: [String: String]

    init(workbook: XlsxWorkbook, report: CheckReport, journal: Journal, options: XlsxReportOptions) {
        self.workbook = workbook
        formats = ReportFormats(workbook)
        self.report = report
        scope = ReportScope(report: report, journal: journal)
        self.options = options
        var titles: [String: String] = [:]
        for o in report.outcomes where titles[o.ruleId] == nil { titles[o.ruleId] = o.title }
        ruleTitles = titles
        if options.pseudonymize {
            var all = journal.students.map { (group: journal.group($0.group).name, name: $0.name) }
            for f in report.findings { if let s = f.student { all.append((group: f.group ?? "", name: s)) } }
            pseudonyms = StudentPseudonyms(students: all)
        } else {
            pseudonyms = nil
        }
    }

    func addSheet(_ wanted: String) throws -> XlsxSheet {
        try workbook.addSheet(named: SheetName.make(wanted, existing: workbook.sheetNames))
    }

    /// The student as the report shows them: the name, or the pseudonym.
    func studentLabel(group: String?, name: String) -> String {
        pseudonyms?.code(group: group, name: name) ?? name
    }

    /// A finding's text with its student's name replaced by the pseudonym when pseudonymising.
    func scrub(_ text: String?, _ f: Finding) -> String? {
        guard let text, let p = pseudonyms, let name = f.student, !name.isEmpty else { return text }
        return text.replacingOccurrences(of: name, with: p.code(group: f.group, name: name))
    }
}

extension Optional where Wrapped == Double {
    /// Writes a share as a percentage, or a dash when there is nothing to divide.
    func write(to sheet: XlsxSheet, _ row: Int, _ col: Int, _ f: ReportFormats) throws {
        if let v = self { try sheet.number(row, col, v, f.percent) } else { try sheet.text(row, col, "—") }
    }
}
