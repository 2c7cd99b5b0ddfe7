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

extension ZipFixture {
    /// A zip as Windows' «Сжатая ZIP-папка» writes it: the entry names in code page 866, no
    /// UTF-8 flag. Built with ASCII placeholders of the same length, then the name bytes are
    /// replaced in the local header and the central directory.
    static func windows(_ entries: [(name: [UInt8], data: Data)]) throws -> Data {
        var placeholders: [(String, Data)] = []
        for (i, e) in entries.enumerated() {
            let p = String(repeating: Character(String(UnicodeScalar(UInt8(65 + i)))), count: e.name.count - 4) + ".csv"
            placeholders.append((p, e.data))
        }
        var zip = try make(placeholders)
        for (i, e) in entries.enumerated() {
            let from = Data(placeholders[i].0.utf8), to = Data(e.name)
            while let r = zip.range(of: from) { zip.replaceSubrange(r, with: to) }
        }
        return zip
    }
}
