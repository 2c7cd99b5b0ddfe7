import FileAccess

/// Output files (`--out`, `--json`) checked before any work is done: a folder, a symbolic
/// link, a device or a FIFO in an output's place is an error (exit 2) at once, not after a long
/// check whose results could then not be written. A missing folder is not an error here: it is
/// made before writing (`OutputFolder`).
enum OutputTargets {
    static func require(_ paths: [String]) throws {
        let problems = paths.compactMap(PrivateFile.problem).filter { $0.id != "file.folder-missing" }
        guard problems.isEmpty else {
            throw UserFacingError.fail(problems.map { "нельзя записать \($0.message)" }.joined(separator: "\nошибка: "))
        }
    }
}
