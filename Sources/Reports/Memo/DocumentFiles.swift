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
        var staged: [(temp: URL, output: Output)] = []
        func discard() { for s in staged { try? FileManager.default.removeItem(at: s.temp) } }
        for output in outputs {
            let temp = temporary(for: output.path)
            staged.append((temp, output))
            do {
                try? FileManager.default.removeItem(at: temp)
                switch output.contents {
                case .docx(let package): try DocxWriter.archive(package, at: temp)
                case .text(let text): try Data(text.utf8).write(to: temp)
                }
            } catch {
                discard()
                throw failure(output)
            }
        }
        // A folder in a target's place cannot be replaced: found before any file is.
        for s in staged {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: s.output.path, isDirectory: &isDir), isDir.boolValue {
                discard()
                throw failure(s.output)
            }
        }
        // rename(2) replaces an existing file atomically (FileManager.replaceItemAt does not
        // on Linux).
        for (i, s) in staged.enumerated() where rename(s.temp.path, s.output.path) != 0 {
            for rest in staged[i...] { try? FileManager.default.removeItem(at: rest.temp) }
            throw failure(s.output)
        }
    }

    /// `.<name>.<pid>.tmp` beside the target: same folder, so the rename stays on one file system.
    static func temporary(for path: String) -> URL {
        let target = URL(fileURLWithPath: path)
        return target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    }

    static func failure(_ output: Output) -> MemoError {
        let id = if case .docx = output.contents { "memo.docx.write" } else { "memo.text.write" }
        return MemoError("не удалось записать \(output.path) — проверьте, что папка существует и в неё можно писать",
                         id: id)
    }
}
