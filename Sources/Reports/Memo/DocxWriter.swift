import Foundation
import JournalModel
import ZIPFoundation

/// Writes a `DocxPackage` as a .docx file (a ZIP of WordprocessingML parts). The file appears
/// whole or not at all: the package is written beside it and renamed (see `DocumentFiles`).
public enum DocxWriter {
    public static func write(_ package: DocxPackage, to path: String) throws(MemoError) {
        try DocumentFiles.write([DocumentFiles.Output(path: path, contents: .docx(package))])
    }

    /// The ZIP archive of `package`, built in memory (it is written by `DocumentFiles` as a
    /// private file: created 0600, renamed into place).
    static func archive(_ package: DocxPackage) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let stamp = Date(timeIntervalSince1970: TimeInterval(package.date.dayNumber) * 86400 + 43200)
        for part in package.parts {
            let data = Data(part.xml.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: stamp, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }
}
