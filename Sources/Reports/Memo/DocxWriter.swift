import Foundation
import JournalModel
import ZIPFoundation

/// Writes a `DocxPackage` as a .docx file (a ZIP of WordprocessingML parts). The file appears
/// whole or not at all: the package is written beside it and renamed (see `DocumentFiles`).
public enum DocxWriter {
    public static func write(_ package: DocxPackage, to path: String) throws(MemoError) {
        try DocumentFiles.write([DocumentFiles.Output(path: path, contents: .docx(package))])
    }

    /// The ZIP archive of `package` at `url` (a new file).
    static func archive(_ package: DocxPackage, at url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        let stamp = Date(timeIntervalSince1970: TimeInterval(package.date.dayNumber) * 86400 + 43200)
        for part in package.parts {
            let data = Data(part.xml.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: stamp, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }
}
