import Foundation
import JournalGenerator
import JournalImport
import JournalModel
import JournalStore

/// A reduced synthetic school generated, imported through the library (the same
/// `ImportSession` the CLI uses) and loaded back: the journal the packs check, and the ground
/// truth the generator wrote next to it.
struct SyntheticRun: Sendable {
    var journal: Journal
    var truth: [GroundTruthEntry]
    /// Rows of the generated `обучающиеся.csv` (read from the file, not from the journal).
    var students: [StudentRow] = []
    /// Rows of the generated `итоговые.csv`: group, subject, student, period.
    var periodMarks: [(group: String, subject: String, student: String, period: String)] = []

    struct StudentRow: Sendable {
        var group: String
        var name: String
        var enrolled: LocalDate?
        var left: LocalDate?
    }

    /// `small` school cut to `classes` classes (one per grade 2–…, then the second parallel), or a
    /// college cut to `classes` groups; quarters unless `periods` says otherwise.
    /// `spellings`: marks, period marks and changes spell names as a second system would
    /// (`zhurnal generate --spellings`); the journal is the same. `unnumberedMarks`: the marks
    /// table gives no lesson numbers (`zhurnal generate --unnumbered-marks`); `decimalMarks`: marks
    /// written «5.0» (`--decimal-marks`); `otherFormats`: dates and times split, times with a dot
    /// (`--other-formats`).
    static func make(seed: UInt64, inject: Double, classes: Int, size: JournalSize = .small,
                     periods: PeriodScheme? = nil, spellings: Bool = false, unnumberedMarks: Bool = false,
                     decimalMarks: Bool = false, otherFormats: Bool = false) throws -> SyntheticRun {
        let root = NSTemporaryDirectory() + "zhurnal-accuracy-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/csv"
        var options = GeneratorOptions(size: size, seed: seed, outputFolder: folder, injectRate: inject, classes: classes, periods: periods)
        options.spellings = spellings
        options.unnumberedMarks = unnumberedMarks
        options.decimalMarks = decimalMarks
        options.otherFormats = otherFormats
        _ = try SyntheticJournal.generate(options)
        let truth = try GroundTruth.read(folder: folder)
        // ground_truth.csv sits next to the tables but is not one of them; the weekly re-exports
        // of the change history (a subfolder) are imported with them, as `zhurnal import DIR` does.
        let names = try tables(in: folder)
        let store = try JournalStore(path: root + "/journal.sqlite")
        let session = ImportSession(importer: FileImporter(profiles: []))
        let summary = try session.run(names.map { .init(path: folder + "/" + $0, displayName: $0) }, into: store)
        guard summary.rejected == 0, (summary.outcome?.disagreements.count ?? 0) == 0 else {
            throw RunError.importLostRows(rejected: summary.rejected, disagreements: summary.outcome?.disagreements.count ?? 0)
        }
        var run = SyntheticRun(journal: try store.load(), truth: truth)
        for f in try table(folder + "/обучающиеся.csv") {
            run.students.append(StudentRow(group: f[0], name: f[1], enrolled: DateParsing.date(f[4]), left: DateParsing.date(f[5])))
        }
        run.periodMarks = try table(folder + "/итоговые.csv").map { ($0[0], $0[1], $0[2], $0[3]) }
        return run
    }

    /// A generated canonical table: `;`, UTF-8, a header line, no quoting.
    static func table(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
    }
}

/// The journal's CSV files below `folder` (relative paths, sorted): ground_truth.csv and the
/// legacy/ copy are not journal tables.
func tables(in folder: String) throws -> [String] {
    let all = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
    return all.filter { $0.hasSuffix(".csv") && $0 != GroundTruth.fileName && !$0.hasPrefix("legacy/") }.sorted()
}

enum RunError: Error {
    case importLostRows(rejected: Int, disagreements: Int)
}
