import FileAccess
import Foundation
import JournalImport
#if canImport(Glibc)
import Glibc
#endif

/// The files of a folder given to `import`, `check`, `memo` or `inspection`: every delimited
/// text file (`.csv`, `.tsv`, `.txt`) and workbook (`.xlsx`, `.xlsm`), in name order,
/// recursively. Everything else is listed with the reason it is skipped, never only counted.
///
/// A folder, the one given or any below it, may hold a `.zhurnal-ignore` file: one pattern per
/// line (`*` and `?` wildcards, `#` comments), naming files or subfolders (with a trailing `/`)
/// relative to that folder that are not journal tables — e.g. the generator's
/// `ground_truth.csv` and `legacy/`.
///
///     # .zhurnal-ignore
///     ground_truth.csv
///     legacy/
public enum FolderListing {
    public static let ignoreFileName = ".zhurnal-ignore"
    static let textExtensions = ["csv", "tsv", "txt"]
    static let workbookExtensions = ["xlsx", "xlsm"]

    public struct Listing {
        public var files: [String]
        /// Relative paths skipped because `.zhurnal-ignore` names them.
        public var ignored: [String]
        /// Relative paths skipped for another reason, with it (Russian).
        public var skipped: [(path: String, reason: String)] = []
    }

    /// The table files below `folder` in name order, minus what the `.zhurnal-ignore` files of
    /// `folder` and of its subfolders exclude (each file's patterns relative to its own folder).
    public static func tableFiles(in folder: String) -> Listing {
        var ignores = IgnoreFiles(root: folder)
        var listing = Listing(files: [], ignored: [])
        let items = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        var ignoredFolders: [String] = []
        for item in items.sorted() {
            if ignoredFolders.contains(where: { item.hasPrefix($0 + "/") }) { continue }
            let full = (folder as NSString).appendingPathComponent(item)
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
            if isDir.boolValue, FileKind.of(full, followingLinks: false) == .symlink {
                // Not walked into: a link to a parent folder would go round for ever.
                listing.skipped.append((item, "ссылка на папку: папки по ссылкам не просматриваются — укажите папку саму"))
                continue
            }
            if isDir.boolValue {
                if ignores.excludes(item, folder: true) {
                    ignoredFolders.append(item)
                    listing.ignored.append(item + "/")
                }
                continue
            }
            let name = (item as NSString).lastPathComponent
            if name == ignoreFileName { continue }
            if ignores.excludes(item, folder: false) {
                listing.ignored.append(item)
                continue
            }
            if let reason = skipReason(name) { listing.skipped.append((item, reason)); continue }
            // A FIFO would block the import, a device (a link to /dev/zero) would never end.
            if let problem = InputFile.problem(full) { listing.skipped.append((item, problem.reason)); continue }
            listing.files.append(full)
        }
        return listing
    }

    /// The `.zhurnal-ignore` patterns of the folder walked and its subfolders, each read once.
    /// A folder of schools, each with its own file (`zhurnal generate --size district` writes
    /// one per school), keeps every school's ground truth out as the school's folder alone does.
    struct IgnoreFiles {
        let root: String
        private var patterns: [String: [String]] = [:]

        init(root: String) { self.root = root }

        /// Whether a pattern of the `.zhurnal-ignore` of `item`'s folder or of a folder above it
        /// names `item` (a path relative to the root; `folder`: it is a folder).
        mutating func excludes(_ item: String, folder: Bool) -> Bool {
            var parts = item.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            var below: [String] = []
            // From the item's own folder up to the root, the path relative to each.
            while !parts.isEmpty {
                below.insert(parts.removeLast(), at: 0)
                let relative = below.joined(separator: "/")
                for p in patterns(of: parts.joined(separator: "/")) where p.hasSuffix("/") == folder {
                    if matches(folder ? String(p.dropLast()) : p, relative) { return true }
                }
            }
            return false
        }

        private mutating func patterns(of folder: String) -> [String] {
            if let p = patterns[folder] { return p }
            let p = ignorePatterns(in: folder.isEmpty ? root : (root as NSString).appendingPathComponent(folder))
            patterns[folder] = p
            return p
        }
    }

    /// Why a file of a folder is not read, by its name; nil for a table file.
    public static func skipReason(_ name: String) -> String? {
        let ext = (name as NSString).pathExtension.lowercased()
        if name.hasPrefix("~$") || name.hasPrefix(".~lock.") { return "временный файл открытой книги" }
        if name.hasPrefix(".") { return "скрытый файл" }
        if textExtensions.contains(ext) || workbookExtensions.contains(ext) { return nil }
        switch ext {
        case "xls", "xlsb", "ods", "numbers":
            return "формат .\(ext) не читается — \(Workbook.saveHint)"
        case "":
            return "не таблица (файл без расширения)"
        default:
            return "не таблица (расширение .\(ext))"
        }
    }

    static func ignorePatterns(in folder: String) -> [String] {
        let path = (folder as NSString).appendingPathComponent(ignoreFileName)
        guard let text = try? InputFile.text(path, limit: 1 << 20) else { return [] }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, 0) == 0
    }
}
