/// Why a file could not be read or written, in Russian for the user.
///
///     throw FileAccessError(path: "out", "это папка: укажите имя файла, например out/отчёт.xlsx")
///     // rendered: «out» — это папка: укажите имя файла, например out/отчёт.xlsx
public struct FileAccessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable id tests and docs can name (`file.not-regular`, `file.symlink`, …).
    public var id: String
    public var path: String
    /// What is wrong, without the path (Russian).
    public var reason: String

    public init(_ id: String, path: String, _ reason: String) {
        self.id = id
        self.path = path
        self.reason = reason
    }

    /// «path» — reason.
    public var message: String { "«\(path)» — \(reason)" }
    public var description: String { message }
}
