import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing files that hold personal data (reports, JSON, memos, rejected rows, generated
/// journals): created readable by the owner only (0600), written in full under a hidden
/// temporary name in the same folder and renamed into place, and only over a regular file —
/// a symbolic link, a folder, a device or a FIFO given as the output is refused, never
/// replaced or written through.
///
///     try PrivateFile.write(Data(json.utf8), to: "out/findings.json")
///
///     let temp = try PrivateFile.temporary(beside: "out/report.xlsx")   // empty, 0600
///     … a C library writes `temp` …
///     try PrivateFile.commit(temp, to: "out/report.xlsx")
public enum PrivateFile {
    public static let mode: mode_t = 0o600

    /// Why `path` cannot be written as an output, or nil: it must be missing (in an existing,
    /// writable folder) or a regular file.
    public static func problem(_ path: String) -> FileAccessError? {
        switch FileKind.of(path, followingLinks: false) {
        case .regular:
            return nil
        case .missing:
            let folder = folderOf(path)
            switch FileKind.of(folder) {
            case .directory:
                return access(folder, W_OK) == 0 ? nil
                    : FileAccessError("file.folder-denied", path: path, "нет права записи в папку «\(folder)»")
            case .missing:
                return FileAccessError("file.folder-missing", path: path, "папки «\(folder)» нет: создайте её или укажите другую")
            default:
                return FileAccessError("file.folder-not-folder", path: path, "«\(folder)» — не папка")
            }
        case .directory:
            return FileAccessError("file.directory", path: path, "это папка: укажите имя файла (путь к файлу в этой папке)")
        case .symlink:
            return FileAccessError("file.symlink", path: path,
                                   "символическая ссылка: файл с личными данными записывается только в обычный файл, не через ссылку — укажите сам файл")
        case let kind:
            return FileAccessError("file.not-regular", path: path, "не обычный файл (\(kind.russianName)): записывается только обычный файл")
        }
    }

    /// Throws `problem(path)`, if any.
    public static func check(_ path: String) throws(FileAccessError) {
        if let p = problem(path) { throw p }
    }

    /// A new, empty file beside `path` (hidden, unique, mode 0600) for a writer to fill; pass it
    /// to `commit` or `discard`.
    public static func temporary(beside path: String) throws(FileAccessError) -> String {
        try check(path)
        let name = (path as NSString).lastPathComponent
        for _ in 0..<8 {
            let temp = joined(folderOf(path), ".\(name).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
            let fd = sysOpen(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode)
            if fd >= 0 {
                _ = fchmod(fd, mode)   // whatever the umask
                close(fd)
                return temp
            }
            if errno != EEXIST { break }
        }
        let code = errno
        throw FileAccessError("file.unwritable", path: path, code == ENOSPC || code == EDQUOT || code == EROFS
                              ? "не удалось создать файл: \(SystemErrorText.russian(code))"
                              : "не удалось создать файл: нет прав на запись в папку или диск заполнен")
    }

    /// Renames the finished `temp` over `path` (checked again: nothing swapped in meanwhile is
    /// replaced); on failure the temporary file is removed.
    public static func commit(_ temp: String, to path: String) throws(FileAccessError) {
        if let p = problem(path) { discard(temp); throw p }
        _ = chmod(temp, mode)
        guard rename(temp, path) == 0 else {
            let why = SystemErrorText.russian(errno)
            discard(temp)
            throw FileAccessError("file.unwritable", path: path, "не удалось записать файл: \(why)")
        }
    }

    /// Removes an unfinished temporary file.
    public static func discard(_ temp: String) { unlink(temp) }

    /// `data` as the whole of `path`, all or nothing.
    public static func write(_ data: Data, to path: String) throws(FileAccessError) {
        let temp = try temporary(beside: path)
        do { try fill(temp, with: data, for: path) } catch { discard(temp); throw error }
        try commit(temp, to: path)
    }

    /// Writes `data` into the temporary file `temp` (from `temporary(beside: path)`).
    public static func fill(_ temp: String, with data: Data, for path: String) throws(FileAccessError) {
        let fd = sysOpen(temp, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw FileAccessError("file.unwritable", path: path, "не удалось записать файл") }
        var ok = true
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = sysWrite(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                done += n
            }
        }
        let why = ok ? "" : SystemErrorText.russian(errno)
        if close(fd) != 0 { ok = false }
        guard ok else { throw FileAccessError("file.unwritable", path: path, "не удалось записать файл: \(why)") }
    }

    /// Creates (or empties) `path` for writing in place with mode 0600 — for a generator that
    /// writes many files into a folder of its own; the caller closes the descriptor.
    public static func create(_ path: String) throws(FileAccessError) -> Int32 {
        try check(path)
        let fd = sysOpen(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw FileAccessError("file.unwritable", path: path, "не удалось создать файл: \(SystemErrorText.russian(errno))") }
        _ = fchmod(fd, mode)
        return fd
    }

    /// Takes away the group's and others' access to an existing file (a database made by an
    /// older version or copied with other permissions); false when it could not.
    @discardableResult
    public static func tighten(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, FileKind.of(mode: st.st_mode) == .regular else { return false }
        guard st.st_mode & 0o077 != 0 else { return true }
        return chmod(path, st.st_mode & 0o700) == 0
    }

    static func folderOf(_ path: String) -> String {
        let f = (path as NSString).deletingLastPathComponent
        return f.isEmpty ? "." : f
    }

    static func joined(_ folder: String, _ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }
}
