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
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw XlsxReportError.folderMissing(path: path)
        }
        let tmp = folder + "/." + url.lastPathComponent + ".\(ProcessInfo.processInfo.processIdentifier)"
            + "-" + UUID().uuidString.prefix(8) + ".tmp"
        do {
            let wb = try XlsxWorkbook(file: tmp, reportPath: path, constantMemory: options.constantMemory)
            try fill(wb, report: report, journal: journal, options: options)
            try wb.close()
            guard rename(tmp, path) == 0 else {
                throw XlsxReportError.cannotReplace(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(tmp)
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
        try FindingsSheet.write(ctx, findings: FindingOrder.sorted(report.findings))
        try TeachersSheet.write(ctx)
        try GroupsSheet.write(ctx)
        try AccumulationSheet.write(ctx)
        try NotCheckedSheet.write(ctx)
    }

    /// Institution-local time → seconds since 1970 UTC (what the document property holds).
    static func utcSeconds(_ t: LocalDateTime, zone: InstitutionTimeZone) -> Int64 {
        guard let tz = TimeZone(identifier: zone.identifier) else { return t.seconds }
        let guess = Date(timeIntervalSince1970: TimeInterval(t.seconds))
        return t.seconds - Int64(tz.secondsFromGMT(for: guess))
    }
}

/// The order of the «Нарушения» sheet: group, subject, date, student, rule, key — the same as
/// `CheckReport.sortedFindings`, with the keys computed once per finding.
enum FindingOrder {
    static func sorted(_ findings: [Finding]) -> [Finding] {
        struct Key { var group: String; var subject: String; var day: Int32; var student: String; var rule: String; var key: String; var i: Int }
        let keys = findings.enumerated().map { i, f in
            Key(group: f.group ?? "", subject: f.subject ?? "", day: f.date?.dayNumber ?? 0,
                student: f.student ?? "", rule: f.ruleId, key: f.key, i: i)
        }.sorted { a, b in
            if (a.group, a.subject, a.day) != (b.group, b.subject, b.day) {
                return (a.group, a.subject, a.day) < (b.group, b.subject, b.day)
            }
            return (a.student, a.rule, a.key, a.i) < (b.student, b.rule, b.key, b.i)
        }
        return keys.map { findings[$0.i] }
    }
}
