import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The CSV files of a folder given to `import`, `check` or `memo`.
///
/// A folder may hold a `.zhurnal-ignore` file: one pattern per line (`*` and `?` wildcards,
/// `#` comments), naming files or subfolders (with a trailing `/`) relative to that folder
/// that are not journal tables — e.g. the generator's `ground_truth.csv` and `legacy/`.
///
///     # .zhurnal-ignore
///     ground_truth.csv
///     legacy/
enum FolderListing {
    static let ignoreFileName = ".zhurnal-ignore"

    struct Listing {
        var files: [String]
        /// Relative paths skipped because `.zhurnal-ignore` names them (reported to the user).
        var ignored: [String]
    }

    /// CSV files below `folder` in name order, minus what `.zhurnal-ignore` excludes.
    static func csvFiles(in folder: String) -> Listing {
        let patterns = ignorePatterns(in: folder)
        var listing = Listing(files: [], ignored: [])
        let items = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        var ignoredFolders: [String] = []
        for item in items.sorted() {
            if ignoredFolders.contains(where: { item.hasPrefix($0 + "/") }) { continue }
            let full = (folder as NSString).appendingPathComponent(item)
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
            if isDir.boolValue {
                if patterns.contains(where: { $0.hasSuffix("/") && matches(String($0.dropLast()), item) }) {
                    ignoredFolders.append(item)
                    listing.ignored.append(item + "/")
                }
                continue
            }
            guard item.lowercased().hasSuffix(".csv") else { continue }
            if patterns.contains(where: { !$0.hasSuffix("/") && matches($0, item) }) {
                listing.ignored.append(item)
                continue
            }
            listing.files.append(full)
        }
        return listing
    }

    static func ignorePatterns(in folder: String) -> [String] {
        let path = (folder as NSString).appendingPathComponent(ignoreFileName)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, 0) == 0
    }
}
