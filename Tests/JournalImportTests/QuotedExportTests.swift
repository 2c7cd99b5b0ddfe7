import Foundation
import Testing
import JournalGenerator
@testable import JournalImport
import JournalModel
import JournalStore

/// Metamorphic: the same journal written the way other programs write CSV — every field in
/// quotes with CRLF line ends (a spreadsheet's or a Windows export's «save as CSV»), or a mix of
/// quoted and bare fields, padded fields, LF and CRLF — imports into the same journal as the
/// generator's plain files. The quote-free lines are split without libcsv (`QuoteFreeLines`),
/// the rest by libcsv: this puts both, and every hand-over between them, on a whole generated
/// school (its weekly re-exports of the change history included).
@Suite struct QuotedExportTests {
    /// Every field quoted (a quote inside doubled), CRLF after every line.
    static func allQuoted(_ lines: [String]) -> String {
        lines.map { $0.split(separator: ";", omittingEmptySubsequences: false)
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ";") + "\r\n" }
            .joined()
    }

    /// Every 7th line's last field quoted, every 11th line's first field padded with spaces and
    /// a tab (bare fields lose them), LF and CRLF in turn.
    static func mixed(_ lines: [String]) -> String {
        lines.enumerated().map { i, line in
            var f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if i % 7 == 3 { f[f.count - 1] = "\"" + f[f.count - 1] + "\"" }
            if i % 11 == 5 { f[0] = "  " + f[0] + " \t" }
            return f.joined(separator: ";") + (i % 2 == 1 ? "\r\n" : "\n")
        }.joined()
    }

    /// The CSV files of `folder` (weekly change files included), ground truth left out.
    static func csvFiles(_ folder: String) -> [String] {
        let all = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.hasSuffix(".csv") && $0 != "ground_truth.csv" }.sorted()
    }

    @Test func quotedAndMixedExportsImportAsThePlainOne() throws {
        let t = TempDir()
        let plain = t.path("plain")
        _ = try SyntheticJournal.generate(GeneratorOptions(size: .small, seed: 7, outputFolder: plain, classes: 2))
        let files = Self.csvFiles(plain)
        #expect(files.count >= 12 && files.contains { $0.contains("/") }, "tables and weekly change files: \(files)")

        // CRs to expect, from the line counts: one per line quoted, one per odd line mixed.
        var quotes: [String: Int] = [:], carriageReturns = 0, expectedCRs = 0
        for (variant, write) in [("quoted", Self.allQuoted), ("mixed", Self.mixed)] {
            for f in files {
                let text = try String(contentsOfFile: plain + "/" + f, encoding: .utf8)
                // The generator writes LF and no quote: every quote and CR below is the variant's.
                #expect(!text.contains("\"") && !text.contains("\r"), "\(f)")
                var lines = text.components(separatedBy: "\n")
                if lines.last == "" { lines.removeLast() }
                let out = write(lines)
                quotes[variant, default: 0] += out.utf8.filter { $0 == 0x22 }.count
                carriageReturns += out.utf8.filter { $0 == 0x0D }.count
                expectedCRs += variant == "quoted" ? lines.count : lines.count / 2
                let path = t.path(variant + "/" + f)
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(out.utf8).write(to: URL(fileURLWithPath: path))
            }
        }
        #expect(carriageReturns == expectedCRs && expectedCRs > 20_000, "CR \(carriageReturns) of \(expectedCRs)")
        #expect(quotes["quoted", default: 0] > 100_000 && quotes["mixed", default: 0] > 2_000, "quotes \(quotes)")

        func imported(_ variant: String) throws -> (ImportSession.Summary, [String]) {
            let s = try importFiles(files.map { t.path(variant + "/" + $0) }, db: t.path(variant + ".sqlite"))
            return (s, JournalDump.lines(try JournalStore(path: t.path(variant + ".sqlite")).load()))
        }
        let (sp, expected) = try imported("plain")
        #expect(sp.rejected == 0 && sp.accepted > 15_000, "plain: accepted \(sp.accepted), rejected \(sp.rejected)")
        #expect(expected.filter { $0.hasPrefix("клетка|") }.count > 10_000)
        for variant in ["quoted", "mixed"] {
            let (s, lines) = try imported(variant)
            #expect(s.accepted == sp.accepted && s.rejected == 0, "\(variant): accepted \(s.accepted), rejected \(s.rejected)")
            let missing = Set(expected).subtracting(lines), extra = Set(lines).subtracting(expected)
            #expect(lines == expected, "\(variant): \(missing.count) lines missing, e.g. \(missing.sorted().prefix(2)); \(extra.count) extra, e.g. \(extra.sorted().prefix(2))")
        }
    }
}
