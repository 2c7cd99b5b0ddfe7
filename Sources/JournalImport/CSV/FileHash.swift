import Crypto
import Foundation
import JournalModel

/// SHA-256 of a file, read in chunks: identifies a file across imports.
public enum FileHash {
    /// SHA-256 of a file's bytes, read in chunks.
    public static func sha256(path: String, displayName: String) throws(ImportFailure) -> String {
        guard let file = RawFile(path: path) else {
            throw ImportFailure(Diagnostic(id: "import.unreadable", location: SourceLocation(file: displayName, line: 1, column: 1),
                                           message: "не удалось открыть файл для чтения"))
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
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
