import Foundation
import JournalImport
import JournalModel
import JournalStore

/// Paths and helpers shared by the import tests.
enum Repo {
    /// The package root (this file is Tests/JournalImportTests/Support/TestSupport.swift).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let example = root.appendingPathComponent("examples/7b-algebra")
    static let profilesDir = root.appendingPathComponent("templates/import/profiles")
    static func sample(_ name: String) -> String { example.appendingPathComponent(name).path }
    static let binary = root.appendingPathComponent(".build/debug/zhurnal").path

    static func profiles() throws -> [Profile] {
        try FileManager.default.contentsOfDirectory(atPath: profilesDir.path).sorted()
            .filter { $0.hasSuffix(".profile") }
            .map { try ProfileParser.load(path: profilesDir.appendingPathComponent($0).path) }
    }
}

/// A fresh temporary directory, removed at deinit.
final class TempDir {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("zhurnal-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` as UTF-8 (or raw bytes) and returns the path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let p = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let p = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }

    func copy(_ sample: String, as name: String? = nil) throws -> String {
        let p = path(name ?? sample)
        try FileManager.default.copyItem(atPath: Repo.sample(sample), toPath: p)
        return p
    }
}

/// Imports `paths` into the store at `db` with the shipped profiles (and `profiles` before
/// them); a workbook is imported sheet by sheet.
func importFiles(_ paths: [String], db: String, forced: Profile? = nil, profiles: [Profile] = []) throws -> ImportSession.Summary {
    let session = ImportSession(importer: FileImporter(profiles: profiles + (try Repo.profiles()), forced: forced))
    let store = try JournalStore(path: db)
    return try session.run(try sessionFiles(paths), into: store)
}

/// The files of an import: a workbook's sheets, each a file (`книга.xlsx[Лист]`).
func sessionFiles(_ paths: [String]) throws -> [ImportSession.File] {
    var out: [ImportSession.File] = []
    for p in paths {
        if Workbook.isWorkbook(p) {
            for s in try Workbook.sheets(path: p, displayName: p) where s.skipReason == nil {
                out.append(.init(path: p, displayName: Workbook.displayName(file: p, sheet: s.name), sheet: s.name))
            }
        } else {
            out.append(.init(path: p, displayName: p))
        }
    }
    return out
}

/// The fixtures of this test target.
enum Fixtures {
    static let dir = Repo.root.appendingPathComponent("Tests/JournalImportTests/Fixtures")
    static func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
}

/// Runs `body` expecting an `ImportFailure`, returning it.
func expectFailure(_ body: () throws -> Void) -> ImportFailure? {
    do { try body() } catch let f as ImportFailure { return f } catch { return nil }
    return nil
}

func date(_ s: String) -> LocalDate { DateParsing.date(s)! }

/// Re-encodes UTF-8 text as Windows-1251 (Cyrillic, ASCII and «»/№ only), for fixtures.
func cp1251(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    for u in text.unicodeScalars {
        switch u.value {
        case 0..<0x80: out.append(UInt8(u.value))
        case 0x0410...0x044F: out.append(UInt8(u.value - 0x0410 + 0xC0))
        case 0x0401: out.append(0xA8)
        case 0x0451: out.append(0xB8)
        case 0x2116: out.append(0xB9)
        case 0x00AB: out.append(0xAB)
        case 0x00BB: out.append(0xBB)
        default: out.append(0x3F)
        }
    }
    return out
}

/// Keeps the records a file gives (before the store), with their lines.
final class RecordCollector: RecordSink {
    let symbols = NameSymbols()
    var records: [(line: Int, record: Record)] = []
    func beginFile(path: String, profile: String) throws -> Int { 0 }
    func accept(_ record: Record, line: Int) throws { records.append((line, record)) }

    /// The cell records.
    var cells: [(line: Int, cell: CellRecord)] {
        records.compactMap { if case .cell(let c) = $0.record { ($0.line, c) } else { nil } }
    }
}
