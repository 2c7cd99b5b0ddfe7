/// What an upload may hold. Anything beyond is refused with a Russian message and nothing is
/// imported.
public struct UploadLimits: Sendable {
    /// The whole request (all files together), bytes.
    public var maxRequestBytes: Int64 = 200 << 20
    /// Files in the request plus entries of its archives.
    public var maxFiles = 200
    /// The unpacked size of all archives' entries together, bytes.
    public var maxUnpackedBytes: Int64 = 1 << 30
    /// An entry packed tighter than this is taken for a zip bomb.
    public var maxCompressionRatio: Int64 = 200

    public init() {}

    static func megabytes(_ b: Int64) -> String { b >= 1 << 20 ? "\(b >> 20) МБ" : "\(b >> 10) КБ" }
}

/// An upload refused: the Russian sentence the page shows.
struct UploadRefused: Error, Sendable {
    var message: String
}
