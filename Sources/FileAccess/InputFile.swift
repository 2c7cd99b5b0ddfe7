import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C calls, named apart from `InputFile.open` and `InputFile.read`.
func sysOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { open(path, flags, mode) }
func sysRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buf, count) }
func sysWrite(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buf, count) }

/// Opening and reading the files a user names: only regular files (a FIFO would block, a
/// device like `/dev/zero` never ends), opened without blocking and checked on the open
/// descriptor, so nothing swapped in between is read.
///
///     let data = try InputFile.read("rules/oosh14.rules", limit: InputFile.textLimit)
public enum InputFile {
    /// Rule files, profiles, templates, settings: a regulation is a few hundred KB.
    public static let textLimit = 16 << 20

    /// Why `path` cannot be read as an input file, or nil when it can (a regular file, or a
    /// link to one).
    public static func problem(_ path: String) -> FileAccessError? {
        switch FileKind.of(path) {
        case .regular: nil
        case .missing: FileAccessError("file.missing", path: path, "файл не найден")
        case let kind: notRegular(path, kind)
        }
    }

    static func notRegular(_ path: String, _ kind: FileKind) -> FileAccessError {
        FileAccessError("file.not-regular", path: path, "не обычный файл (\(kind.russianName)): читаются только обычные файлы")
    }

    /// A read-only descriptor of the regular file `path`; the caller closes it.
    public static func open(_ path: String) throws(FileAccessError) -> Int32 {
        let fd = sysOpen(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            if e == ENOENT { throw FileAccessError("file.missing", path: path, "файл не найден") }
            if e == EACCES { throw FileAccessError("file.denied", path: path, "нет права на чтение файла") }
            throw FileAccessError("file.unreadable", path: path, "файл не открывается: \(SystemErrorText.russian(e))")
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            throw FileAccessError("file.unreadable", path: path, "файл не открывается")
        }
        let kind = FileKind.of(mode: st.st_mode)
        guard kind == .regular else {
            close(fd)
            throw notRegular(path, kind)
        }
        // Reads block normally from here on (a regular file never blocks anyway).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// The whole of the regular file `path`, at most `limit` bytes.
    public static func read(_ path: String, limit: Int = textLimit) throws(FileAccessError) -> Data {
        let fd = try open(path)
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, Int64(st.st_size) > Int64(limit) {
            throw tooLarge(path, limit)
        }
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = buffer.withUnsafeMutableBytes { sysRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileAccessError("file.unreadable", path: path, "ошибка чтения файла: \(SystemErrorText.russian(errno))")
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
            // A file that grows while it is read is cut off here, not read forever.
            if out.count > limit { throw tooLarge(path, limit) }
        }
        return out
    }

    /// The file `path` as UTF-8 text (a leading byte-order mark dropped).
    public static func text(_ path: String, limit: Int = textLimit) throws(FileAccessError) -> String {
        var data = try read(path, limit: limit)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        guard let s = String(data: data, encoding: .utf8) else {
            throw FileAccessError("file.encoding", path: path, "файл не в кодировке UTF-8: сохраните его как UTF-8")
        }
        return s
    }

    static func tooLarge(_ path: String, _ limit: Int) -> FileAccessError {
        FileAccessError("file.too-large", path: path, "файл больше \(limit >> 20) МБ: это не файл правил, профиля или шаблона")
    }
}
