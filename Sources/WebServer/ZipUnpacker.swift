import Foundation
import ZIPFoundation

/// Unpacks the `.zip` files of an upload beside them (each into a folder named after it), and
/// refuses what is not an export: archives inside archives, names leading out of the folder
/// («../», «/etc/…»), links, and entries packed so tightly or so many that they are a zip bomb.
/// The sizes are counted as the bytes come out, not taken from the archive's own word.
enum ZipUnpacker {
    static func unpack(_ upload: inout ReceivedUpload, limits: UploadLimits) throws {
        var unpacked: Int64 = 0
        var count = upload.files.count
        for name in upload.files where name.lowercased().hasSuffix(".zip") {
            let zipPath = (upload.folder as NSString).appendingPathComponent(name)
            let target = (upload.folder as NSString).appendingPathComponent((name as NSString).deletingPathExtension + "-zip")
            let archive: Archive
            do { archive = try Archive(url: URL(fileURLWithPath: zipPath), accessMode: .read) } catch {
                throw UploadRefused(message: "«\(name)» — не архив ZIP или архив повреждён")
            }
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for entry in archive {
                let inner = ZipNames.name(of: entry)
                if entry.type == .directory || inner.hasPrefix("__MACOSX/") { continue }
                guard entry.type == .file else {
                    throw UploadRefused(message: "в архиве «\(name)» ссылка «\(inner)» — ссылки в архиве не принимаются")
                }
                guard let relative = safeRelative(inner) else {
                    throw UploadRefused(message: "в архиве «\(name)» путь «\(inner)» ведёт за пределы архива — загрузка отклонена")
                }
                if relative.lowercased().hasSuffix(".zip") {
                    throw UploadRefused(message: "в архиве «\(name)» вложенный архив «\(inner)» — распакуйте его и загрузите файлы или один архив")
                }
                count += 1
                guard count <= limits.maxFiles else {
                    throw UploadRefused(message: "в архивах больше \(limits.maxFiles) файлов — загрузите выгрузку частями")
                }
                let packed = max(Int64(entry.compressedSize), 1)
                if Int64(entry.uncompressedSize) / packed > limits.maxCompressionRatio {
                    throw UploadRefused(message: "файл «\(inner)» в архиве «\(name)» сжат в \(Int64(entry.uncompressedSize) / packed) раз — "
                                        + "так сжимаются только подделки («zip-бомбы»); загрузка отклонена")
                }
                let out = (target as NSString).appendingPathComponent(relative)
                try FileManager.default.createDirectory(atPath: (out as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                guard FileManager.default.createFile(atPath: out, contents: nil, attributes: [.posixPermissions: 0o600]),
                      let handle = FileHandle(forWritingAtPath: out) else {
                    throw UploadRefused(message: "не удалось распаковать «\(inner)» в рабочую папку")
                }
                defer { try? handle.close() }
                var written: Int64 = 0
                do {
                    _ = try archive.extract(entry, skipCRC32: false) { data in
                        written += Int64(data.count)
                        unpacked += Int64(data.count)
                        if unpacked > limits.maxUnpackedBytes || written / packed > limits.maxCompressionRatio {
                            throw UploadRefused(message: "архив «\(name)» распаковывается больше чем в \(UploadLimits.megabytes(limits.maxUnpackedBytes)) "
                                                + "или сжат неправдоподобно сильно («zip-бомба») — загрузка отклонена")
                        }
                        handle.write(data)
                    }
                } catch let e as UploadRefused {
                    throw e
                } catch {
                    throw UploadRefused(message: "файл «\(inner)» в архиве «\(name)» повреждён — загрузка отклонена")
                }
            }
            try? FileManager.default.removeItem(atPath: zipPath)
        }
        upload.files.removeAll { $0.lowercased().hasSuffix(".zip") }
    }

    /// The entry's path inside the archive if it stays there: relative, without «..».
    static func safeRelative(_ path: String) -> String? {
        let p = path.replacingOccurrences(of: "\\", with: "/")
        guard !p.hasPrefix("/"), !p.contains(":") else { return nil }
        let parts = p.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return parts.joined(separator: "/")
    }
}
