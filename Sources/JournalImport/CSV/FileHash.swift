import Crypto
import Foundation
import JournalModel

/// SHA-256 of a file, read in chunks: identifies a file across imports.
public enum FileHash {
    /// SHA-256 of a file's bytes, read in chunks.
    public static func sha256(path: String, displayName: String) throws(ImportFailure) -> String {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw ImportFailure(Diagnostic(id: "import.unreadable", location: SourceLocation(file: displayName, line: 1, column: 1),
                                           message: "не удалось открыть файл для чтения"))
        }
        defer { try? h.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data
            do { chunk = try h.read(upToCount: 1 << 20) ?? Data() } catch {
                throw ImportFailure(Diagnostic(id: "import.unreadable", location: SourceLocation(file: displayName, line: 1, column: 1),
                                               message: "ошибка чтения файла"))
            }
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
