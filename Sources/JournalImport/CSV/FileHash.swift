import Crypto
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
            workbookDigests.withLock { $0 = [stamp: whole] }
        }
        return hex(SHA256.hash(data: Data((whole + "\0лист:" + sheet).utf8)))
    }

    /// The last workbook hashed (its sheets are hashed one after another).
    private static let workbookDigests = Mutex<[String: String]>([:])

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
