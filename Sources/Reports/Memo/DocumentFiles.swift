import FileAccess
import Foundation

/// Writes one document to one or more files (`--out записка.docx --out записка.md`) all or
/// nothing: each file is first written in full beside its target under a hidden temporary name;
/// only when every one is written are they renamed into place. A failed write leaves no
/// temporary file and no half-written target.
///
///     try DocumentFiles.write([.init(path: "out/записка.docx", contents: .docx(package)),
///                              .init(path: "out/записка.md", contents: .text(markdown))])
public enum DocumentFiles {
    public enum Contents: Sendable {
        case docx(DocxPackage)
        case text(String)
    }

    public struct Output: Sendable {
        public var path: String
        public var contents: Contents
        public init(path: String, contents: Contents) {
            self.path = path
            self.contents = contents
        }
    }

    public static func write(_ outputs: [Output]) throws(MemoError) {
        var staged: [(temp: String, output: Output)] = []
        func discard() { for s in staged { PrivateFile.discard(s.temp) } }
        // Personal data: each file is a 0600 temporary file beside its target (a folder, a
        // symbolic link or a device in a target's place is refused before any file is written).
        for output in outputs {
            do {
                let data: Data
                switch output.contents {
                case .docx(let package): data = try DocxWriter.archive(package)
                case .text(let text): data = Data(text.utf8)
                }
                let temp = try PrivateFile.temporary(beside: output.path)
                staged.append((temp, output))
                try PrivateFile.fill(temp, with: data, for: output.path)
            } catch {
                discard()
                throw failure(output, (error as? FileAccessError)?.reason)
            }
        }
        // rename(2) replaces an existing file atomically (FileManager.replaceItemAt does not
        // on Linux).
        for (i, s) in staged.enumerated() {
            do { try PrivateFile.commit(s.temp, to: s.output.path) } catch {
                for rest in staged[(i + 1)...] { PrivateFile.discard(rest.temp) }
                throw failure(s.output, error.reason)
            }
        }
    }

    static func failure(_ output: Output, _ reason: String? = nil) -> MemoError {
        let id = if case .docx = output.contents { "memo.docx.write" } else { "memo.text.write" }
        return MemoError("не удалось записать \(output.path) — " + (reason ?? "проверьте, что папка существует и в неё можно писать"),
                         id: id)
    }
}
