import Foundation
import JournalImport
import JournalModel

/// Runs a whole import: every file through `FileImporter` into one `ImportBatch`; files whose
/// SHA-256 the store already has are skipped. Any `ImportFailure` rolls everything back.
public struct ImportSession {
    public struct File: Sendable {
        public var path: String
        public var displayName: String
        /// The sheet, when the file is a workbook (each sheet is imported as a file of its own).
        public var sheet: String?
        public init(path: String, displayName: String, sheet: String? = nil) {
            self.path = path
            self.displayName = displayName
            self.sheet = sheet
        }
    }

    public struct Summary: Sendable {
        public var files: [FileReport]
        public var outcome: MergeOutcome?
        /// The cells of one file went straight into the journal (`DirectCells`).
        public var cellsWrittenDirectly = false
        public var read: Int { files.reduce(0) { $0 + $1.read } }
        public var accepted: Int { files.reduce(0) { $0 + $1.accepted } }
        public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    }

    public var importer: FileImporter
    /// Cells of a single cell-bringing file go straight into an empty journal (`DirectCells`),
    /// and a first import adds numbered lessons with their attributes
    /// (`ImportBatch.describesNewLessons`) and finds its lessons without SQL
    /// (`NameTables.lessonsComplete`); false stages every file, adds every lesson bare for the
    /// merge to describe and looks each up in the table (the database is the same either way).
    public var directCells = ProcessInfo.processInfo.environment["ZHURNAL_STAGED_IMPORT"] == nil
    public init(importer: FileImporter) { self.importer = importer }

    /// The one pending file that brings cells, when it is a table of marks and no other does.
    private func directCandidate(_ pending: [(Int, File, String)], kinds: [Int: FileKind]) -> Int? {
        guard directCells else { return nil }
        var found: Int?
        for (i, _, _) in pending {
            guard let kind = kinds[i] else { return nil }
            if kind.bringsCells {
                if found != nil || kind.isGrid { return nil }
                found = i
            }
        }
        return found
    }

    /// `pending` in the order the store needs, whatever order the files were named in (kept
    /// otherwise): the institution (its time zone converts offsets) and the bell schedule
    /// (bell slots number unnumbered lessons) first; then the tables that declare groups,
    /// students and lessons; then grids (their rows are a roster, their columns lessons); then
    /// tables of marks and period marks, which attach to those; the change history last.
    private func ordered(_ pending: [(Int, File, String)], kinds: [Int: FileKind]) -> [(Int, File, String)] {
        func phase(_ p: (Int, File, String)) -> Int {
            guard let kind = kinds[p.0] else { return 1 }
            if kind.isGrid { return 2 }
            switch kind.table {
            case .institution, .bells: return 0
            case .marks, .periodMarks: return 3
            case .changes: return 4
            default: return 1
            }
        }
        return pending.enumerated().sorted { (phase($0.element), $0.offset) < (phase($1.element), $1.offset) }.map(\.element)
    }

    /// Imports `files` into `store`. `progress(file index, bytes read, file size)`.
    /// Imports into one database are serialised: the files already imported are found under the
    /// import's lock, so two imports of one export at once record it once.
    public func run(_ files: [File], into store: JournalStore,
                    progress: (Int, Int64, Int64) -> Void = { _, _, _ in }) throws -> Summary {
        var importer = self.importer
        var reports: [FileReport] = []
        var timer = PhaseTimer()
        // The digests skip a file imported before. A store in memory is the journal of one
        // check: nothing is compared with its files afterwards, so they are not read twice.
        // (On a file they are read before the import takes the database, as before issue 17:
        // read in the background, they let an import take a new database while another was
        // still opening it, and under load ConcurrentImportTests then waited out its 120 s.)
        let digests = store.isInMemory ? files.map { _ in "" }
            : try FileHash.sha256(of: files.map { ($0.path, $0.sheet, $0.displayName) })
        var hashed: [(Int, File, String)] = []
        for (i, f) in files.enumerated() {
            hashed.append((i, f, digests[i]))
            reports.append(FileReport(path: f.displayName, profile: "", table: "", encoding: nil, delimiter: ""))
        }
        timer.mark("SHA-256")
        let batch = try store.beginImport()
        if !directCells { batch.disableShortcuts() }
        var pending: [(Int, File, String)] = []
        for (i, f, sha) in hashed {
            if !store.isInMemory, let b = try batch.batchContaining(sha256: sha) {
                var r = FileReport(path: f.displayName, profile: "—", table: "—", encoding: nil, delimiter: "")
                r.sha256 = sha
                r.alreadyImportedInBatch = b
                r.earlierRejections = try store.rejections(sha256: sha)
                reports[i] = r
            } else {
                pending.append((i, f, sha))
            }
        }
        guard !pending.isEmpty else {
            batch.rollback()
            return Summary(files: reports, outcome: nil)
        }
        let pipe = RecordPipe(target: batch)
        defer { pipe.close() }
        do {
            // Each file's header, read once (the probe reads only as far as the header row).
            var kinds: [Int: FileKind] = [:]
            for (i, f, _) in pending { kinds[i] = importer.probe(path: f.path, displayName: f.displayName, sheet: f.sheet) }
            pending = ordered(pending, kinds: kinds)
            let directFile = directCandidate(pending, kinds: kinds)
            timer.mark("распознавание файлов")
            let direct = try directFile != nil && !batch.hasCells()
            if direct, store.isInMemory { batch.useMemoryLessons() }
            var staged: [FileReport] = []
            var wroteDirectly = false
            var fileTimer = PhaseTimer(indent: "    ")
            // The institution's time zone (offsets convert to it once the journal names it), read
            // from the journal when the writer is idle: at the start and after each file that
            // may be the institution's table (those come first, see `ordered`).
            var zoneStale = true
            func read(_ i: Int, _ f: File, direct: Bool = false) throws -> FileReport {
                if zoneStale {
                    try pipe.drain()
                    if let zone = try batch.institutionTimeZone() { importer.options.timeZone = zone }
                    zoneStale = false
                }
                pipe.nextFile = RecordPipe.FileStart(userPlace: i, isGrid: kinds[i]?.isGrid ?? false, direct: direct)
                let r: FileReport
                do {
                    r = try importer.run(path: f.path, displayName: f.displayName, sheet: f.sheet, sink: pipe) { progress(i, $0, $1) }
                } catch {
                    // A write error of an earlier row (an earlier file's, say) comes first.
                    try pipe.drain()
                    throw error
                }
                if kinds[i].map({ $0.table == .institution }) ?? true { zoneStale = true }
                // The reading thread's time; the table and size only (a file's name may name a class).
                fileTimer.mark(String(format: "файл %d («%@», %.1f МБ)", i + 1, r.table, Double(r.bytes) / 1e6))
                return r
            }
            for (i, f, _) in pending {
                var r: FileReport
                if direct, i == directFile {
                    do {
                        r = try read(i, f, direct: true)
                        // Whether the direct path took the whole file is known once it is written.
                        try pipe.drain()
                        try batch.endDirectCells()
                        wroteDirectly = true
                    } catch {
                        pipe.reset()   // the writer is idle from here on
                        guard batch.directAbandoned else { throw error }
                        // A row the direct path cannot take: the file again, through the staging tables.
                        try batch.endDirectCells()
                        r = try read(i, f)
                    }
                } else {
                    r = try read(i, f)
                }
                r.sha256 = pending.first { $0.0 == i }?.2 ?? r.sha256
                staged.append(r)
            }
            try pipe.drain()
            if PhaseTimer.enabled {
                for (path, seconds) in pipe.writerSecondsByFile where seconds >= 0.005 {
                    let name = (path as NSString).lastPathComponent
                    FileHandle.standardError.write(Data(String(format: "      ЦП потока записи, «%@»: %.2f с\n", name, seconds).utf8))
                }
                FileHandle.standardError.write(Data(String(format: "    ЦП потока записи: %.2f с\n", pipe.writerSeconds).utf8))
            }
            timer.mark("чтение и запись во временные таблицы")
            let outcome = try batch.merge(reports: &staged)
            timer.mark("слияние")
            for (k, (_, f, _)) in pending.enumerated() { importer.locate(&staged[k], path: f.path, sheet: f.sheet) }
            try batch.commit(reports: staged)
            timer.mark("фиксация")
            for (k, (i, _, _)) in pending.enumerated() { reports[i] = staged[k] }
            return Summary(files: reports, outcome: outcome, cellsWrittenDirectly: wroteDirectly)
        } catch {
            pipe.reset()
            batch.rollback()
            throw error
        }
    }
}
