import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import WebServer

/// The project root (examples, templates, the built program).
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let exampleFolder = projectRoot.appendingPathComponent("examples/7b-algebra")

func temporaryFolder(_ tag: String) throws -> String {
    let u = FileManager.default.temporaryDirectory.appendingPathComponent("zhurnal-web-\(tag)-\(UUID().uuidString)")
    return u.path
}

/// A user with a browser: keeps the session cookie and the CSRF token of the last page.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookie: String?
    var csrf: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        var text: String { String(buffer: body) }
        var data: Data { Data(body.readableBytesView) }
        var location: String? { headers[.location] }
    }

    private func remember(_ r: TestResponse) -> Page {
        if let c = r.headers[.setCookie], let kv = c.split(separator: ";").first { cookie = String(kv) }
        let page = Page(status: r.status, headers: r.headers, body: r.body)
        let text = page.text
        if let range = text.range(of: "name=\"csrf\" value=\"") {
            csrf = String(text[range.upperBound...].prefix { $0 != "\"" })
        } else if let range = text.range(of: "csrf=") , r.headers[.contentType]?.hasPrefix("text/html") == true {
            csrf = String(text[range.upperBound...].prefix { $0.isHexDigit })
        }
        return page
    }

    private var baseHeaders: HTTPFields {
        var h: HTTPFields = [:]
        if let cookie { h[.cookie] = cookie }
        return h
    }

    func get(_ uri: String) async throws -> Page {
        remember(try await client.execute(uri: uri, method: .get, headers: baseHeaders, body: nil))
    }

    /// A form post; the page's CSRF token is added unless `csrf` is false.
    func post(_ uri: String, _ fields: [(String, String)], csrf withToken: Bool = true) async throws -> Page {
        var all = fields
        if withToken, let csrf { all.append(("csrf", csrf)) }
        let body = all.map { "\(enc($0.0))=\(enc($0.1))" }.joined(separator: "&")
        var h = baseHeaders
        h[.contentType] = "application/x-www-form-urlencoded"
        return remember(try await client.execute(uri: uri, method: .post, headers: h, body: ByteBuffer(string: body)))
    }

    /// A multipart upload of `files` (name, bytes) to `uri` with the CSRF token in the query.
    func upload(_ uri: String, field: String = "files", files: [(String, Data)], csrf withToken: Bool = true) async throws -> Page {
        let boundary = "----zhurnal\(UUID().uuidString)"
        var body = Data()
        // A browser sends an empty part when no file is chosen.
        for (name, data) in files.isEmpty ? [("", Data())] : files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\n".utf8))
            body.append(Data("Content-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var h = baseHeaders
        h[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let target = withToken ? "\(uri)?csrf=\(csrf ?? "")" : uri
        return remember(try await client.execute(uri: target, method: .post, headers: h, body: ByteBuffer(bytes: body)))
    }

    /// Uploads and waits for the background import; the page it ends on (report or failure).
    func importFiles(_ files: [(String, Data)]) async throws -> Page {
        _ = try await get("/journal")
        let r = try await upload("/journal/upload", files: files)
        guard r.status == .seeOther else { return r }
        for _ in 0..<600 {
            let p = try await get("/journal/progress")
            if p.status == .seeOther, let to = p.location, to.hasPrefix("/journal/imports/") { return try await get(to) }
            if p.status != .ok { return p }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CancellationError()
    }

    /// Posts the check form and waits for the background check: the answer that sends the user
    /// to the result (303 → /checks/N), or the form with the message.
    func runCheck(_ fields: [(String, String)]) async throws -> Page {
        let r = try await post("/check", fields)
        guard r.status == .seeOther, r.location == "/check/progress" else { return r }
        for _ in 0..<1200 {
            let p = try await get("/check/progress")
            if p.status == .seeOther, p.location?.hasPrefix("/checks/") == true { return p }
            if p.status != .ok { return p }
            #expect(visibleText(p.text).contains("Идёт проверка журнала"))
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CancellationError()
    }

    func enc(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

/// The bundled example's files, as a user selects them in the upload dialog.
func exampleFiles() throws -> [(String, Data)] {
    try FileManager.default.contentsOfDirectory(atPath: exampleFolder.path).sorted().filter { !$0.hasPrefix(".") }.map { name in
        (name, try Data(contentsOf: exampleFolder.appendingPathComponent(name)))
    }
}

/// Runs `body` against a fresh application over a new workspace folder.
func withWebApp(_ tag: String, password: String? = nil, host: String = "127.0.0.1", limits: UploadLimits = UploadLimits(),
                _ body: @escaping @Sendable (Browser, String) async throws -> Void) async throws {
    let folder = try temporaryFolder(tag)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var config = ServeConfiguration(host: host, port: 0, dataFolder: folder, password: password)
    config.limits = limits
    config.templatesFolder = projectRoot.appendingPathComponent("templates/web").path
    let app = try await WebApp.build(config)
    try await app.test(.router) { client in
        try await body(Browser(client), folder)
    }
}

/// Text without tags, for reading a page as a user does.
func visibleText(_ html: String) -> String {
    html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        .replacingOccurrences(of: "&nbsp;", with: " ")
        .replacingOccurrences(of: "[ \t]+", with: " ", options: .regularExpression)
}
