#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size of a file named by a path, a symbolic link followed (`stat`): `FileManager`'s
/// attributes give a link's own size.
public enum FileSize {
    /// Bytes of `path`'s file; 0 when it cannot be read.
    public static func of(_ path: String) -> Int64 {
        var st = stat()
        return stat(path, &st) == 0 ? Int64(st.st_size) : 0
    }
}
