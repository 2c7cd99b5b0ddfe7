import Foundation
import JournalImport
import JournalModel
import JournalStore
import Findings
import Workflows

/// The folder `zhurnal serve --data` works in (0700; every file 0600): the journal database
/// the uploads are imported into, the list of imports with their reports and rejected rows,
/// the checks run (JSON, for comparison and documents), the requisites and saved packs.
///
///     ПАПКА/журнал.sqlite   ПАПКА/imports/3/отклонённые.csv   ПАПКА/checks/5.json
actor Workspace {
    let folder: String
    var database: String { path("журнал.sqlite") }
    private var cachedJournal: Journal?
    private var importRunning = false
    private(set) var imports: [ImportRecord] = []
    private var checks: [Int: StoredCheck] = [:]
    private var nextCheck = 1
    private var indexes: [Int: CheckIndex] = [:]

    init(folder: String) throws {
        self.folder = (folder as NSString).standardizingPath
        let fm = FileManager.default
        for sub in ["", "imports", "checks", "uploads", "rules", "documents"] {
            let p = sub.isEmpty ? self.folder : (self.folder as NSString).appendingPathComponent(sub)
            try fm.createDirectory(atPath: p, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: p)
        }
        Self.linkShippedRules(into: (self.folder as NSString).appendingPathComponent("rules"))
        imports = Self.readImports(at: (self.folder as NSString).appendingPathComponent("imports/список.json"))
        if let numbers = try? fm.contentsOfDirectory(atPath: (self.folder as NSString).appendingPathComponent("checks")) {
            nextCheck = (numbers.compactMap { Int(($0 as NSString).deletingPathExtension) }.max() ?? 0) + 1
        }
    }

    /// Links the shipped rule files into the workspace's `rules/` so that a saved or uploaded
    /// pack there can `extends "oosh14.rules"` (or `"base.rules"`) by name.
    static func linkShippedRules(into dir: String) {
        let fm = FileManager.default
        guard let shipped = ResourceLocator.find("rules") else { return }
        for n in ((try? fm.contentsOfDirectory(atPath: shipped)) ?? []) where n.hasSuffix(".rules") {
            let link = (dir as NSString).appendingPathComponent(n)
            let target = (((shipped as NSString).appendingPathComponent(n)) as NSString).standardizingPath
            if let attrs = try? fm.attributesOfItem(atPath: link) {
                guard attrs[.type] as? FileAttributeType == .typeSymbolicLink else { continue }   // the user's own file
                try? fm.removeItem(atPath: link)
            }
            try? fm.createSymbolicLink(atPath: link, withDestinationPath: target)
        }
    }

    nonisolated func path(_ relative: String) -> String { (folder as NSString).appendingPathComponent(relative) }

    // MARK: Imports

    /// The import running or last finished in this server's life (its progress page).
    private(set) var current: ImportProgress?

    /// One import at a time per workspace: nil (and nothing started) when one is running;
    /// else the number the new import gets and its progress.
    func beginImport() -> (Int, ImportProgress)? {
        if importRunning { return nil }
        importRunning = true
        let p = ImportProgress()
        current = p
        return ((imports.map(\.number).max() ?? 0) + 1, p)
    }

    func endImport(_ record: ImportRecord?) {
        importRunning = false
        guard let record else { return }
        imports.append(record)
        cachedJournal = nil
        try? Self.writePrivate(try JSONEncoder().encode(imports), to: path("imports/список.json"))
    }

    var isImporting: Bool { importRunning }

    func importRecord(_ n: Int) -> ImportRecord? { imports.first { $0.number == n } }

    private static func readImports(at path: String) -> [ImportRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return (try? JSONDecoder().decode([ImportRecord].self, from: data)) ?? []
    }

    // MARK: The journal

    var hasJournal: Bool { FileManager.default.fileExists(atPath: database) && !imports.isEmpty }

    /// The whole journal of the workspace database, loaded once per import.
    func journal() throws(WorkflowError) -> Journal {
        if let j = cachedJournal { return j }
        guard hasJournal else { throw .message("в рабочей папке ещё нет журнала — загрузите выгрузку на странице «Журнал»") }
        let j: Journal
        do { j = try JournalSource.load(paths: [database], options: .init()) } catch { throw .diagnostics(error.diagnostics) }
        cachedJournal = j
        return j
    }

    // MARK: Checks

    /// Keeps a check (its report as JSON on disk, for comparisons after a restart) and numbers it.
    func store(_ check: StoredCheck) throws -> Int {
        let n = nextCheck
        nextCheck += 1
        var c = check
        c.number = n
        checks[n] = c
        let encoder = JSONEncoder()
        try Self.writePrivate(try encoder.encode(c), to: path("checks/\(n).json"))
        return n
    }

    func check(_ n: Int) -> StoredCheck? {
        if let c = checks[n] { return c }
        guard let data = FileManager.default.contents(atPath: path("checks/\(n).json")),
              let c = try? JSONDecoder().decode(StoredCheck.self, from: data) else { return nil }
        checks[n] = c
        return c
    }

    /// The check running or last finished in this server's life (its progress page).
    private(set) var currentCheck: CheckProgress?
    private var checkRunning = false

    /// One check at a time per workspace: nil when one is running.
    func beginCheck() -> CheckProgress? {
        if checkRunning { return nil }
        checkRunning = true
        let p = CheckProgress()
        currentCheck = p
        return p
    }

    func endCheck() { checkRunning = false }

    /// The check's page order and filter choices, computed on its first page.
    func index(_ n: Int, _ check: StoredCheck) -> CheckIndex {
        if let i = indexes[n] { return i }
        let i = CheckIndex(check.report)
        indexes[n] = i
        return i
    }

    /// The last checks, newest first.
    func recentChecks(limit: Int = 20) -> [StoredCheck] {
        var out: [StoredCheck] = []
        var i = nextCheck - 1
        while i > 0, out.count < limit {
            if let c = check(i) { out.append(c) }
            i -= 1
        }
        return out
    }

    /// The latest earlier check of the same pack (any window), for «new / still open / fixed».
    func previous(before n: Int, packId: String, group: String?) -> StoredCheck? {
        var i = n - 1
        while i > 0 {
            if let c = check(i), c.report.packId == packId, c.request.group == nil || c.request.group == group { return c }
            i -= 1
        }
        return nil
    }

    /// Writes `data` readable by the owner only, whole or not at all.
    static func writePrivate(_ data: Data, to path: String) throws {
        let tmp = path + ".\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        guard rename(tmp, path) == 0 else {
            try? FileManager.default.removeItem(atPath: tmp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}

/// One upload imported: when, which files, the counts (the report page and the list of imports).
struct ImportRecord: Codable, Sendable {
    var number: Int
    var date: String
    var batch: Int64?
    var files: [FileLine]
    var read: Int
    var accepted: Int
    var rejected: Int
    var disagreements: Int
    var notes: [String]
    /// Rejections (file:line:col and the reason), as the CLI's report lists them.
    var rejections: [String]
    var disagreementLines: [String]
    var unlinkedPeriods: [String]

    struct FileLine: Codable, Sendable {
        var name: String
        var profile: String
        var encoding: String
        var read: Int
        var accepted: Int
        var rejected: Int
        var earlier: String?
    }
}

/// A check run from the page: what was asked and the report.
struct StoredCheck: Codable, Sendable {
    var number = 0
    var request: CheckRequest
    var windowLabel: String
    /// The moment the journal was judged at.
    var asOf: String
    var report: CheckReport
}
