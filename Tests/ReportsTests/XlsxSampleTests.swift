import Findings
import Foundation
import JournalModel
import Testing
import ZIPFoundation
@testable import Reports

/// Tools for people, skipped in the ordinary test run:
/// - `ZHURNAL_XLSX_SAMPLE=out/sample.xlsx` writes the fixture report (to render and look at
///   with `scripts/render-xlsx.sh`);
/// - `ZHURNAL_XLSX_BENCH=N` writes a report of N synthetic findings and prints time and memory.
@Suite("XLSX report: sample and benchmark (on request)")
struct XlsxSampleTests {
    static let env = ProcessInfo.processInfo.environment

    @Test(.enabled(if: env["ZHURNAL_XLSX_SAMPLE"] != nil))
    func writeSample() throws {
        let path = try #require(Self.env["ZHURNAL_XLSX_SAMPLE"])
        // Optional: ZHURNAL_XLSX_SAMPLE_FINDINGS=N synthetic findings, ZHURNAL_XLSX_SAMPLE_ROWS=rows
        // per sheet, ZHURNAL_XLSX_SAMPLE_PSEUDONYMIZE=1.
        let findings = Int(Self.env["ZHURNAL_XLSX_SAMPLE_FINDINGS"] ?? "").map(XlsxBenchData.findings(count:))
        let rows = Int(Self.env["ZHURNAL_XLSX_SAMPLE_ROWS"] ?? "") ?? XlsxReportOptions.excelMaxRows
        let options = XlsxReportOptions(createdAt: XlsxFixtures.createdAt,
                                        pseudonymize: Self.env["ZHURNAL_XLSX_SAMPLE_PSEUDONYMIZE"] == "1",
                                        maxRowsPerSheet: rows)
        try XlsxReport.write(report: XlsxFixtures.report(findings: findings ?? XlsxFixtures.findings),
                             journal: XlsxFixtures.journal, to: path, options: options)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test(.enabled(if: env["ZHURNAL_XLSX_BENCH"] != nil))
    func benchmark() throws {
        let n = Int(Self.env["ZHURNAL_XLSX_BENCH"] ?? "") ?? 100_000
        let findings = XlsxBenchData.findings(count: n)
        let report = XlsxFixtures.report(findings: findings)
        let path = try XlsxFixtures.tempFolder() + "/bench.xlsx"
        let rssBefore = XlsxBenchData.currentRSSKilobytes()
        let sortStart = ContinuousClock.now
        _ = FindingOrder.sortedIndices(findings)
        print("xlsx-bench: sorting \(n) findings took \(ContinuousClock.now - sortStart)")
        let cpuBefore = XlsxBenchData.cpuSeconds()
        let start = ContinuousClock.now
        try XlsxReport.write(report: report, journal: XlsxFixtures.journal, to: path,
                             options: XlsxReportOptions(createdAt: XlsxFixtures.createdAt))
        let elapsed = ContinuousClock.now - start
        let cpu = XlsxBenchData.cpuSeconds() - cpuBefore
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("xlsx-bench: \(n) findings, \(elapsed) wall, \(cpu) s CPU, file \(size / 1024) KiB, "
              + "RSS \(rssBefore / 1024) MiB before (findings in memory), peak \(XlsxBenchData.peakRSSKilobytes() / 1024) MiB")
        // Count the rows of the findings sheet without loading the workbook into a reader.
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let entry = try #require(archive["xl/worksheets/sheet2.xml"])
        var rows = 0
        var tail = Data()
        let marker = Data("<row ".utf8)
        _ = try archive.extract(entry) { chunk in
            let data = tail + chunk
            var from = data.startIndex
            while let r = data.range(of: marker, in: from..<data.endIndex) { rows += 1; from = r.upperBound }
            tail = data.suffix(marker.count - 1)
        }
        #expect(rows == min(n + 1, XlsxReportOptions.excelMaxRows))
    }
}

enum XlsxBenchData {
    /// `n` findings spread over 30 groups, 12 subjects, 40 teachers and 100 days.
    static func findings(count n: Int) -> [Finding] {
        (0..<n).map { i in
            let day = LocalDate(year: 2025, month: 9, day: 1)!.adding(days: i % 100)
            return Finding(ruleId: "R\(i % 9)", document: "oosh14", clause: "3.2.4.\(i % 9)",
                           severity: Severity.allCases[i % 3], area: FindingArea.allCases[i % 9], key: "k\(i)",
                           group: "\(5 + i % 7)\(["а", "б", "в", "г"][i % 4])", subject: "Предмет \(i % 12)",
                           teacher: "Учитель \(i % 40)", date: day, student: "Ученик \(i % 800)",
                           expected: "до \(day) 24:00", found: "\(day.adding(days: 1)) 10:00",
                           delaySeconds: Int64(36_000 + i % 5_000),
                           message: "Отметка обучающегося Ученик \(i % 800) за \(day) внесена с опозданием на 10 ч.")
        }
    }

    /// Resident memory now, from /proc/self/statm (pages → KiB).
    static func currentRSSKilobytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024 : 0
    }

    /// User + system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    static func peakRSSKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }
}
