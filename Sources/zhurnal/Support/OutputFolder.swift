import Foundation

/// The folder of a file the user asked for (`--db out/7b.sqlite`, `--out out/report.xlsx`) is
/// made if it does not exist yet, as `memo --out` does: a fresh checkout has no `out/`.
/// A folder that cannot be made is left to the writer, whose error names the file.
enum OutputFolder {
    static func create(for file: String) {
        let folder = (file as NSString).deletingLastPathComponent
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
}
