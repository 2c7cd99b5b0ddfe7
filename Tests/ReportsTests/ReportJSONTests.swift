import Foundation
import Testing
import Findings
@testable import Reports

/// `check --json`: the streamed document decodes to the very report that was written.
@Suite struct ReportJSONTests {
    func canonical(_ r: CheckReport) throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        return try enc.encode(r)
    }

    @Test func streamedJSONDecodesToTheSameReport() throws {
        let report = XlsxFixtures.report()
        let path = try XlsxFixtures.tempFolder() + "/findings.json"
        try ReportJSON.write(report, to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let back = try JSONDecoder().decode(CheckReport.self, from: data)
        #expect(try canonical(back) == canonical(report))
        #expect(back.findings.count == report.findings.count)
        // One finding per line, so the file can be read with line tools too.
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.components(separatedBy: "\n  {\"area\"").count - 1 == report.findings.count)
    }

    /// Findings are encoded two blocks at a time on two threads: across block boundaries (a
    /// block and a half, two blocks, five and one more) every finding is written once, on its own line, in
    /// the report's order, with the comma after every one but the last.
    @Test(arguments: [ReportJSON.findingsPerBlock * 3 / 2, ReportJSON.findingsPerBlock * 2,
                      ReportJSON.findingsPerBlock * 5 + 1])
    func manyFindingsKeepTheirOrderAcrossBlocks(count: Int) throws {
        let base = XlsxFixtures.findings[0]
        let many = (0..<count).map { i -> Finding in
            var f = base
            f.key = "\(base.ruleId):ключ-\(i)"
            f.message = "находка № \(i) — «кавычки» и \\ обратная черта"
            return f
        }
        let report = XlsxFixtures.report(findings: many)
        let path = try XlsxFixtures.tempFolder() + "/many.json"
        try ReportJSON.write(report, to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let back = try JSONDecoder().decode(CheckReport.self, from: data)
        #expect(back.findings.map(\.key) == (0..<count).map { "\(base.ruleId):ключ-\($0)" })
        #expect(try canonical(back) == canonical(report))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        let findingLines = lines.filter { $0.hasPrefix("  {\"area\"") }
        #expect(findingLines.count == count)
        #expect(findingLines.filter { $0.hasSuffix("},") }.count == count - 1)
    }

    @Test func anEmptyReportIsValidJSON() throws {
        var report = XlsxFixtures.report(findings: [])
        report.coverage = []
        let path = try XlsxFixtures.tempFolder() + "/empty.json"
        try ReportJSON.write(report, to: path)
        let back = try JSONDecoder().decode(CheckReport.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(back.findings.isEmpty && back.coverage.isEmpty)
    }

    /// Running `check --json` again over the same file replaces it (it once failed and removed it).
    @Test func writingAgainReplacesTheEarlierFile() throws {
        let folder = try XlsxFixtures.tempFolder()
        let path = folder + "/findings.json"
        let full = XlsxFixtures.report()
        try ReportJSON.write(full, to: path)
        var fewer = full
        fewer.findings = Array(full.findings.prefix(1))
        try ReportJSON.write(fewer, to: path)
        let back = try JSONDecoder().decode(CheckReport.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(full.findings.count > 1 && back.findings.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["findings.json"])
    }

    @Test func aMissingFolderIsARussianErrorAndNoFile() throws {
        let path = try XlsxFixtures.tempFolder() + "/нет такой папки/findings.json"
        let error = #expect(throws: ReportJSON.WriteError.self) { try ReportJSON.write(XlsxFixtures.report(), to: path) }
        let folder = (path as NSString).deletingLastPathComponent
        #expect(error?.message == "не удалось записать «\(path)» — папки «\(folder)» нет: создайте её или укажите другую")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
