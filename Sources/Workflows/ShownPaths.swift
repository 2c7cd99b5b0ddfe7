import Foundation

/// How the import report names its files: relative to the folder all of them are in, so that a
/// district's two «учреждение.csv», or a week's «изменения-по-неделям/…», are told apart; a file
/// alone, or all in one folder, by its name.
struct ShownPaths {
    private let prefix: String

    init(_ paths: [String]) {
        let folders = paths.map { ($0 as NSString).deletingLastPathComponent.split(separator: "/", omittingEmptySubsequences: false) }
        guard var common = folders.first else { prefix = ""; return }
        for f in folders.dropFirst() {
            common = Array(zip(common, f).prefix { $0 == $1 }.map(\.0))
        }
        prefix = common.isEmpty ? "" : common.joined(separator: "/") + "/"
    }

    subscript(path: String) -> String {
        if !prefix.isEmpty, path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        return prefix.isEmpty && !path.contains("/") ? path : (path as NSString).lastPathComponent
    }
}
