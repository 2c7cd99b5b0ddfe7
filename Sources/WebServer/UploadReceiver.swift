import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Streams a `multipart/form-data` request into a fresh folder: every file part under its own
/// (checked) name, the text fields kept. Sizes are counted while the body arrives, so an
/// oversize upload stops at the limit and leaves nothing behind.
struct ReceivedUpload: Sendable {
    var folder: String
    var files: [String]
    var fields: [String: String]
}

enum UploadReceiver {
    static func receive(_ request: Request, into folder: String, limits: UploadLimits) async throws -> ReceivedUpload {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
              let boundary = boundary(of: type) else {
            throw UploadRefused(message: "форма отправлена не как файлы (нужен multipart/form-data) — выберите файлы и нажмите «Загрузить»")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let state = PartState(folder: folder, limits: limits)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.complete() }
        var total: Int64 = 0
        do {
            for try await chunk in request.body {
                total += Int64(chunk.readableBytes)
                if total > limits.maxRequestBytes {
                    throw UploadRefused(message: "загрузка больше \(UploadLimits.megabytes(limits.maxRequestBytes)) — "
                                        + "загрузите файлы частями или уберите из архива лишнее")
                }
                try parser.execute(chunk)
                if let e = state.failure { throw e }
            }
            if let e = state.failure { throw e }
        } catch {
            state.close()
            try? FileManager.default.removeItem(atPath: folder)
            if error is UploadRefused { throw error }
            throw UploadRefused(message: "загрузка прервана или повреждена — отправьте файлы ещё раз")
        }
        return ReceivedUpload(folder: folder, files: state.files, fields: state.fields)
    }

    static func boundary(of contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let p = part.trimmingCharacters(in: .whitespaces)
            if p.lowercased().hasPrefix("boundary=") {
                return String(p.dropFirst(9)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// A file name as the browser sent it, if it is a plain name: no folders, no «..», no
    /// control characters. Browsers send the bare name; anything else is refused.
    static func safeName(_ raw: String) -> String? {
        let name = raw.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\\"),
              !name.hasPrefix("."), name.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value != 127 }),
              name.utf8.count <= 255 else { return nil }
        return name
    }
}

/// The parser's callbacks' state (the parser runs on one task; the class is confined to it).
private final class PartState: @unchecked Sendable {
    let folder: String
    let limits: UploadLimits
    var files: [String] = []
    var fields: [String: String] = [:]
    var failure: UploadRefused?
    private var headers: [(String, String)] = []
    private var handle: FileHandle?
    private var fieldName: String?
    private var fieldValue = Data()
    private var started = false

    init(folder: String, limits: UploadLimits) {
        self.folder = folder
        self.limits = limits
    }

    func header(_ name: String, _ value: String) {
        headers.append((name.lowercased(), value))
        started = false
    }

    func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        if !started { start() }
        guard failure == nil, let bytes = buffer.readBytes(length: buffer.readableBytes) else { return }
        if let handle { handle.write(Data(bytes)) } else if fieldName != nil, fieldValue.count < 64 << 10 { fieldValue.append(contentsOf: bytes) }
    }

    func complete() {
        if !started { start() }
        if let handle { try? handle.close() }
        if let n = fieldName { fields[n] = String(decoding: fieldValue, as: UTF8.self) }
        handle = nil
        fieldName = nil
        fieldValue = Data()
        headers = []
        started = false
    }

    func close() { try? handle?.close(); handle = nil }

    private func start() {
        started = true
        guard let disposition = headers.first(where: { $0.0 == "content-disposition" })?.1 else { return }
        let params = Self.parameters(disposition)
        guard let filename = params["filename"] else {
            fieldName = params["name"]
            return
        }
        if filename.isEmpty { return }   // an empty file input
        guard let name = UploadReceiver.safeName(filename) else {
            failure = UploadRefused(message: "имя файла «\(filename)» недопустимо (папки, «..» и служебные символы в имени не принимаются) — загрузка отклонена")
            return
        }
        guard !files.contains(name) else {
            failure = UploadRefused(message: "два файла с одним именем «\(name)» — переименуйте один из них")
            return
        }
        guard files.count < limits.maxFiles else {
            failure = UploadRefused(message: "файлов больше \(limits.maxFiles) — загрузите их частями или одним архивом .zip")
            return
        }
        let path = (folder as NSString).appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let h = FileHandle(forWritingAtPath: path) else {
            failure = UploadRefused(message: "не удалось сохранить файл «\(name)» в рабочей папке")
            return
        }
        handle = h
        files.append(name)
    }

    /// `form-data; name="files"; filename="отметки.csv"` → ["name": "files", "filename": …].
    /// `filename*=UTF-8''…` (RFC 5987) is decoded too.
    static func parameters(_ header: String) -> [String: String] {
        var out: [String: String] = [:]
        var rest = Substring(header)
        while let semi = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semi)...]
            let trimmed = rest.drop { $0 == " " }
            guard let eq = trimmed.firstIndex(of: "=") else { break }
            let key = trimmed[..<eq].lowercased()
            var value: String
            var after = trimmed[trimmed.index(after: eq)...]
            if after.first == "\"" {
                after = after.dropFirst()
                var v = ""
                var i = after.startIndex
                while i < after.endIndex, after[i] != "\"" {
                    if after[i] == "\\", after.index(after: i) < after.endIndex { i = after.index(after: i) }
                    v.append(after[i])
                    i = after.index(after: i)
                }
                value = v
                rest = i < after.endIndex ? after[after.index(after: i)...] : after[after.endIndex...]
            } else {
                let end = after.firstIndex(of: ";") ?? after.endIndex
                value = String(after[..<end]).trimmingCharacters(in: .whitespaces)
                rest = after[end...]
            }
            if key == "filename*", let tick = value.range(of: "''") {
                value = String(value[tick.upperBound...]).removingPercentEncoding ?? value
                out["filename"] = value
                continue
            }
            if key == "filename", out["filename"] != nil { continue }
            out[key] = value
        }
        return out
    }
}
