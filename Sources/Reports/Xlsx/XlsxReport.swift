import FileAccess
import Findings
import Foundation
import JournalModel

/// The XLSX compliance report for the deputy director (libxlsxwriter).
///
///     try XlsxReport.write(report: report, journal: journal, to: "out/report.xlsx",
///                          options: XlsxReportOptions(createdAt: now))
///
/// Sheets: «Сводка», «Нарушения» (continued on «Нарушения (2)», … past the row limit),
/// «Преподаватели», «Классы», «Накопляемость», «Не проверено». The workbook is written to a
/// temporary file in the same folder and renamed over `path` only when complete.
public enum XlsxReport {
    public static func write(report: CheckReport, journal: Journal, to path: String,
                             options: XlsxReportOptions) throws {
        // Personal data: a 0600 temporary file beside the report, renamed over a regular file only.
        let tmp: String
        do { tmp = try PrivateFile.temporary(beside: path) } catch {
            switch error.id {
            case "file.folder-missing": throw XlsxReportError.folderMissing(path: path)
            // A folder, a symbolic link or a device where the report should go is not replaced.
            case "file.directory", "file.symlink", "file.not-regular": throw XlsxReportError.cannotReplace(path: path, reason: error.reason)
            default: throw XlsxReportError.library(code: error.reason, path: path)
            }
        }
        do {
            let wb = try XlsxWorkbook(file: tmp, reportPath: path, constantMemory: options.constantMemory)
            try fill(wb, report: report, journal: journal, options: options)
            try wb.close()
            do { try PrivateFile.commit(tmp, to: path) } catch {
                throw XlsxReportError.cannotReplace(path: path, reason: error.reason)
            }
        } catch {
            PrivateFile.discard(tmp)
            throw error
        }
    }

    static func fill(_ wb: XlsxWorkbook, report: CheckReport, journal: Journal, options: XlsxReportOptions) throws {
        let ctx = XlsxContext(workbook: wb, report: report, journal: journal, options: options)
        try wb.setProperties(.init(
            title: "Отчёт о проверке электронного журнала",
            subject: report.document,
            author: options.author,
            company: report.institution,
            comments: "Проверка: \(ctx.scope.periodText); набор правил \(report.packId)",
            keywords: "электронный журнал, проверка, \(report.packId)",
            created: utcSeconds(options.createdAt, zone: journal.institution.timeZone)))
        try SummarySheet.write(ctx)
        try FindingsSheet.write(ctx)
        try TeachersSheet.write(ctx)
        try GroupsSheet.write(ctx)
        try AccumulationSheet.write(ctx)
        try NotCheckedSheet.write(ctx)
        if ctx.options.comparison != nil { try FixedSheet.write(ctx) }
        try TeacherSheet.writeAll(ctx)
    }

    /// Institution-local time → seconds since 1970 UTC (what the document property holds).
    static func utcSeconds(_ t: LocalDateTime, zone: InstitutionTimeZone) -> Int64 {
        guard let tz = TimeZone(identifier: zone.identifier) else { return t.seconds }
        let guess = Date(timeIntervalSince1970: TimeInterval(t.seconds))
        return t.seconds - Int64(tz.secondsFromGMT(for: guess))
    }
}

/// The order of the «Нарушения» sheet: severity (нарушения first), then the rule in the pack's
/// order — so each rule's findings are one block the summary links to — then class or group
/// (natural order: 2а before 10а), subject, date, student; the finding key breaks the rare
/// ties. Names are replaced by their rank among the distinct names first, so the sort compares
/// integers.
enum FindingOrder {
    static func sortedIndices(_ findings: [Finding], ruleOrder: [String: Int] = [:]) -> [Int] {
        func ranks(_ value: (Finding) -> String, by less: (String, String) -> Bool = { $0 < $1 }) -> [Int32] {
            var ids: [String: Int32] = [:]
            let raw = findings.map { f -> Int32 in
                let v = value(f)
                if let id = ids[v] { return id }
                let id = Int32(ids.count)
                ids[v] = id
                return id
            }
            var rankOf = [Int32](repeating: 0, count: ids.count)
            for (r, (_, id)) in ids.sorted(by: { less($0.key, $1.key) }).enumerated() { rankOf[Int(id)] = Int32(r) }
            return raw.map { rankOf[Int($0)] }
        }
        let group = ranks({ $0.group ?? "" }, by: NaturalOrder.less), subject = ranks { $0.subject ?? "" }
        let student = ranks { $0.student ?? "" }
        let unknownRule = ruleOrder.count
        let rule = ranks({ $0.ruleId }, by: { (ruleOrder[$0] ?? unknownRule, $0) < (ruleOrder[$1] ?? unknownRule, $1) })
        let severity = findings.map { Int32($0.severity.rank) }
        let day = findings.map { $0.date?.dayNumber ?? 0 }
        return findings.indices.sorted { a, b in
            let ka = (severity[a], rule[a], group[a], subject[a], day[a], student[a])
            let kb = (severity[b], rule[b], group[b], subject[b], day[b], student[b])
            if ka != kb { return ka < kb }
            return (findings[a].key, a) < (findings[b].key, b)
        }
    }
}
