import FileAccess
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C `read`, named apart from `RawFile.read`.
private func posixRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buf, count) }

/// One owner of a file descriptor opened for reading; reads into a caller's reusable buffer
/// (no per-chunk allocation, no attribute lookups).
final class RawFile {
    private let fd: Int32

    /// Opens the regular file `path` (a FIFO or a device is refused: it would block or never end).
    init(path: String) throws(FileAccessError) {
        fd = try InputFile.open(path)
    }

    deinit { close(fd) }

    /// The size of the file opened (through any symbolic link to it); 0 when unknown.
    var size: Int64 {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int64(st.st_size) : 0
    }

    /// Fills `buffer` (up to its count) and returns how many bytes were read; 0 at the end.
    func read(into buffer: inout [UInt8]) -> Int? {
        var total = 0
        let capacity = buffer.count
        while total < capacity {
            let n = buffer.withUnsafeMutableBytes { raw in
                posixRead(fd, raw.baseAddress! + total, capacity - total)
            }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            total += n
        }
        return total
    }
}
