import Foundation

/// Where `memo` and `inspection` write a document, from `--out`.
///
///     OutputPath.resolve("out/записка.docx", suffix: "7б", defaultName: "записка-7б")   // out/записка-7б.docx
///     OutputPath.resolve("out", suffix: nil, defaultName: "справка-2025-09")           // out/справка-2025-09.docx
public enum OutputPath {
    public enum Format: Sendable, Equatable { case docx, markdown }

    /// `--out` as given; with `-<suffix>` before the extension (one file per group); or
    /// `<folder>/<defaultName>.docx` when `--out` is an existing folder or has no extension.
    public static func resolve(_ out: String, suffix: String?, defaultName: String) -> String {
        var isDir: ObjCBool = false
        let ext = (out as NSString).pathExtension
        if ext.isEmpty || (FileManager.default.fileExists(atPath: out, isDirectory: &isDir) && isDir.boolValue) {
            let folder = out.hasSuffix("/") ? String(out.dropLast()) : out
            return folder + "/" + fileSafe(defaultName) + ".docx"
        }
        guard let s = suffix else { return out }
        return (out as NSString).deletingPathExtension + "-" + fileSafe(s) + "." + ext
    }

    /// The format a file name asks for; nil for an extension zhurnal does not write.
    public static func format(of path: String) -> Format? {
        switch (path as NSString).pathExtension.lowercased() {
        case "docx": .docx
        case "md", "txt": .markdown
        default: nil
        }
    }

    /// A group name usable in a file name («ИС/21» → «ИС_21»).
    public static func fileSafe(_ s: String) -> String {
        String(s.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 })
    }
}
