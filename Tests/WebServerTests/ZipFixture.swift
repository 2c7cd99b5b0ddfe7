import Foundation
import ZIPFoundation

/// Builds .zip files for upload tests (entries as given: names may be hostile on purpose).
enum ZipFixture {
    static func make(_ entries: [(String, Data)]) throws -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhurnal-fixture-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: path) }
        let archive = try Archive(url: path, accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return try Data(contentsOf: path)
    }
}
