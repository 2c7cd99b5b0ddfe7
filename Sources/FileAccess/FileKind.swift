#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path is, as `stat`/`lstat` tell, and its Russian name for messages.
///
///     FileKind.of("/dev/zero")        // .device
///     FileKind.of("/tmp", link: true) // .directory
public enum FileKind: Sendable, Equatable {
    case missing
    case regular
    case directory
    case symlink
    case fifo
    case device
    case socket
    case other

    /// The kind of `path`; with `followingLinks: false` a symbolic link is `.symlink`.
    public static func of(_ path: String, followingLinks: Bool = true) -> FileKind {
        var st = stat()
        let rc = followingLinks ? stat(path, &st) : lstat(path, &st)
        guard rc == 0 else { return .missing }
        return of(mode: st.st_mode)
    }

    static func of(mode: mode_t) -> FileKind {
        switch mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symlink
        case S_IFIFO: .fifo
        case S_IFCHR, S_IFBLK: .device
        case S_IFSOCK: .socket
        default: .other
        }
    }

    /// «именованный канал (FIFO)», «устройство», …: what a user is told the path is.
    public var russianName: String {
        switch self {
        case .missing: "не существует"
        case .regular: "обычный файл"
        case .directory: "папка"
        case .symlink: "символическая ссылка"
        case .fifo: "именованный канал FIFO"
        case .device: "устройство"
        case .socket: "сокет"
        case .other: "не обычный файл"
        }
    }
}
