import Foundation
import JournalModel
import ZIPFoundation

/// Writes a `DocxPackage` as a .docx file (a ZIP of WordprocessingML parts). The file appears
/// whole or not at all: the package is written beside it and renamed.
public enum DocxWriter {
    public static func write(_ package: DocxPackage, to path: String) throws(MemoError) {
        let target = URL(fileURLWithPath: path)
        let temp = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try? FileManager.default.removeItem(at: temp)
            let archive = try Archive(url: temp, accessMode: .create)
            let stamp = Date(timeIntervalSince1970: TimeInterval(package.date.dayNumber) * 86400 + 43200)
            for part in package.parts {
                let data = Data(part.xml.utf8)
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: stamp, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            // rename(2) replaces an existing file atomically (FileManager.replaceItemAt does not
            // on Linux).
            guard rename(temp.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw MemoError("не удалось записать \(path) — проверьте, что папка существует и в неё можно писать",
                            id: "memo.docx.write")
        }
    }
}
