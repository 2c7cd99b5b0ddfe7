import Crypto
import FileAccess
import Foundation
import JournalModel
import Synchronization

/// SHA-256 of a file, read in chunks: identifies a file across imports. A sheet of a workbook
/// is identified by the workbook's digest and the sheet's name (the workbook is read once for
/// all its sheets).
public enum FileHash {
    /// SHA-256 of a file's bytes, read in chunks; with `sheet`, of that sheet of the workbook.
    public static func sha256(path: String, sheet: String? = nil, displayName: String) throws(ImportFailure) -> String {
        guard let sheet else { return try fileDigest(path: path, displayName: displayName) }
        let attrs = try? FileManager.default.attributesOfItem(atPath: path)
        let stamp = "\(path)|\((attrs?[.size] as? NSNumber)?.int64Value ?? -1)|\((attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        let whole: String
        if let known = workbookDigests.withLock({ $0[stamp] }) { whole = known } else {
            whole = try fileDigest(path: path, displayName: displayName)
            workbookDigests.withLock { known in
                // A few (two threads may hash two workbooks' sheets at once), never many.
                if known.count >= 8 { known.removeAll() }
                known[stamp] = whole
            }
        }
        return hex(SHA256.hash(data: Data((whole + "\0лист:" + sheet).utf8)))
    }

    /// The workbooks hashed last (a workbook's sheets are hashed one after another).
    private static let workbookDigests = Mutex<[String: String]>([:])

    /// The digests of `files` (`sha256`), in their order, read on two threads: the files are
    /// dealt largest first to the thread with fewer bytes so far, a workbook's sheets together
    /// (on the college's import, 0.15 → 0.10 s: its marks table is two thirds of the bytes).
    /// The error is the first file's in `files`' order that has one, as when they are read one
    /// after another.
    public static func sha256(of files: [(path: String, sheet: String?, displayName: String)]) throws(ImportFailure) -> [String] {
        // Each path once, with its places in `files` (a workbook's sheets share one path).
        var places: [String: [Int]] = [:], paths: [String] = []
        for (i, f) in files.enumerated() {
            if places[f.path] == nil { paths.append(f.path) }
            places[f.path, default: []].append(i)
        }
        let sizes = paths.map(FileSize.of)
        var share: [[Int]] = [[], []], bytes: [Int64] = [0, 0]
        // Largest first; files of one size in the order named.
        for k in paths.indices.sorted(by: { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }) {
            let lighter = bytes[0] <= bytes[1] ? 0 : 1
            share[lighter] += places[paths[k]]!
            bytes[lighter] += sizes[k]
        }
        typealias Digests = [Int: Result<String, ImportFailure>]
        func hash(_ mine: [Int]) -> Digests {
            var out: Digests = [:]
            for i in mine {
                do throws(ImportFailure) {
                    out[i] = .success(try sha256(path: files[i].path, sheet: files[i].sheet, displayName: files[i].displayName))
                } catch { out[i] = .failure(error) }
            }
            return out
        }
        // Each closure writes only its own result; both read `files` and `share`.
        var first: Digests = [:], second: Digests = [:]
        ParallelPair.run({ first = hash(share[0]) }, { second = hash(share[1]) })
        return try files.indices.map { i throws(ImportFailure) in try (first[i] ?? second[i]!).get() }
    }

    private static func fileDigest(path: String, displayName: String) throws(ImportFailure) -> String {
        let file: RawFile
        do { file = try RawFile(path: path) } catch {
            throw ImportFailure(Diagnostic(id: error.id == "file.not-regular" ? "import.not-regular" : "import.unreadable",
                                           location: SourceLocation(file: displayName, line: 1, column: 1),
                                           message: "не удалось открыть файл для чтения: \(error.reason)"))
        }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            guard let n = file.read(into: &buffer) else {
                throw ImportFailure(Diagnostic(id: "import.unreadable", location: SourceLocation(file: displayName, line: 1, column: 1),
                                               message: "ошибка чтения файла"))
            }
            if n == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<n])) }
        }
        return hex(hasher.finalize())
    }

    private static func hex<D: Sequence>(_ d: D) -> String where D.Element == UInt8 {
        d.map { String(format: "%02x", $0) }.joined()
    }
}
