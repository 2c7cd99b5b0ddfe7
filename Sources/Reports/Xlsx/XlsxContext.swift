import Foundation
import Findings
import JournalModel

/// What every sheet writer needs: the workbook, its formats, the report, the journal scope,
/// how students are named, and where things are in the workbook (so a sheet written early can
/// link to one written later).
struct XlsxContext {
    let workbook: XlsxWorkbook
    let formats: ReportFormats
    let report: CheckReport
    let scope: ReportScope
    let options: XlsxReportOptions
    let pseudonyms: StudentPseudonyms?
    /// Class or group, class teacher or curator.
    let words: InstitutionWords
    /// Rule titles by id, and rules in the pack's order.
    let ruleTitles: [String: String]
    let ruleOrder: [String: Int]
    /// The findings in the order of the «Нарушения» sheet (indices into `report.findings`).
    let findingOrder: [Int]
    /// Where each rule's findings start on «Нарушения»: sheet name and 1-based row.
    let ruleLocations: [String: (sheet: String, row: Int)]
    let teachers: [TeacherFigures]
    /// Teacher → the name of their own sheet (teachers with findings, or fixed ones).
    let teacherSheets: [String: String]
    let groupControls: [GroupControl]
    let names: SheetNames

    /// The workbook's sheet names, fixed before any is written.
    struct SheetNames {
        var summary: String
        var findings: [String]
        var teachers: String
        var groups: String
        var accumulation: String
        var notChecked: String
        var fixed: String?
    }

    init(workbook: XlsxWorkbook, report: CheckReport, journal: Journal, options: XlsxReportOptions) {
        self.workbook = workbook
        formats = ReportFormats(workbook)
        self.report = report
        let scope = ReportScope(report: report, journal: journal)
        self.scope = scope
        self.options = options
        words = InstitutionWords(journal.institution.kind)
        var titles: [String: String] = [:], order: [String: Int] = [:]
        for (i, o) in report.outcomes.enumerated() where titles[o.ruleId] == nil {
            titles[o.ruleId] = o.title
            order[o.ruleId] = i
        }
        ruleTitles = titles
        ruleOrder = order
        if options.pseudonymize {
            var all = journal.students.map { (group: journal.group($0.group).name, name: $0.name) }
            for f in report.findings { if let s = f.student { all.append((group: f.group ?? "", name: s)) } }
            for f in options.comparison?.fixed ?? [] { if let s = f.student { all.append((group: f.group ?? "", name: s)) } }
            pseudonyms = StudentPseudonyms(students: all)
        } else {
            pseudonyms = nil
        }
        let sorted = FindingOrder.sortedIndices(report.findings, ruleOrder: order)
        findingOrder = sorted
        teachers = TeacherFigures.compute(scope: scope, findings: report.findings, comparison: options.comparison)
        groupControls = GroupControl.compute(scope: scope, report: report)

        // Sheet names in the order the sheets are added.
        var taken: [String] = []
        func reserve(_ wanted: String) -> String {
            let n = SheetName.make(wanted, existing: taken)
            taken.append(n)
            return n
        }
        let perSheet = options.maxRowsPerSheet - FindingsSheet.headerRows
        let chunks = max(1, (report.findings.count + perSheet - 1) / perSheet)
        let summary = reserve("Сводка")
        let findingSheets = (0..<chunks).map { _ in reserve(FindingsSheet.name) }
        names = SheetNames(summary: summary, findings: findingSheets, teachers: reserve(TeachersSheet.name),
                           groups: reserve(words.groupsCapitalized), accumulation: reserve(AccumulationSheet.name),
                           notChecked: reserve(NotCheckedSheet.name),
                           fixed: options.comparison == nil ? nil : reserve(FixedSheet.name))
        var sheets: [String: String] = [:]
        for t in teachers where t.findings > 0 || t.fixed > 0 {
            sheets[t.name] = reserve(TeacherSheet.sheetName(t.name))
        }
        teacherSheets = sheets
        var locations: [String: (sheet: String, row: Int)] = [:]
        for (position, i) in sorted.enumerated() where locations[report.findings[i].ruleId] == nil {
            let sheet = findingSheets[min(findingSheets.count - 1, position / perSheet)]
            locations[report.findings[i].ruleId] = (sheet, position % perSheet + FindingsSheet.headerRows + 1)
        }
        ruleLocations = locations
    }

    /// Adds the sheet reserved under `name`, its cells top-aligned by default.
    func addSheet(_ name: String) throws -> XlsxSheet {
        let s = try workbook.addSheet(named: name)
        s.defaultFormat = formats.plain
        return s
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

    /// The left footer of every sheet.
    var footerLeft: String { report.institution }
}

extension Optional where Wrapped == Double {
    /// Writes a share as a percentage, or a dash when there is nothing to divide.
    func write(to sheet: XlsxSheet, _ row: Int, _ col: Int, _ f: ReportFormats) throws {
        if let v = self { try sheet.number(row, col, v, f.percent) } else { try sheet.text(row, col, "—") }
    }

    /// Writes a rate (per 100 lessons) with one decimal, or a dash.
    func writeRate(to sheet: XlsxSheet, _ row: Int, _ col: Int, _ f: ReportFormats) throws {
        if let v = self { try sheet.number(row, col, v, f.decimal) } else { try sheet.text(row, col, "—") }
    }
}
