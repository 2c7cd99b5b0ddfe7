import Foundation
import Hummingbird
import Mustache
import Workflows

/// The Russian pages: Mustache templates of `templates/web` (found like the other templates:
/// `$ZHURNAL_SHARE`, the current folder, beside the program, the checkout), each page rendered
/// into `layout.mustache`. Values are HTML-escaped by Mustache (`{{…}}`).
struct Pages: Sendable {
    let library: MustacheLibrary

    static func load(directory: String?) async throws -> Pages {
        guard let dir = directory ?? ResourceLocator.find("templates/web") else {
            throw WorkflowError.message("папка templates/web со страницами не найдена — установите программу командой bash scripts/install.sh "
                                        + "или укажите папку с шаблонами в ZHURNAL_SHARE")
        }
        return Pages(library: try await MustacheLibrary(directory: dir))
    }

    func html(_ template: String, title: String, context: WebContext, section: String, _ values: [String: Any],
              status: HTTPResponse.Status = .ok) -> Response {
        var values = (Self.clean(values) as? [String: Any]) ?? [:]
        values["csrf"] = context.csrf
        let content = library.render(values, withTemplate: template) ?? "шаблон \(template) не найден"
        var page: [String: Any] = ["title": title, "content": content, "csrf": context.csrf,
                                   "pseudonymize": context.session?.pseudonymize ?? false, "section_" + section: true]
        page["loggedIn"] = context.session != nil && context.needsLogin
        let body = library.render(page, withTemplate: "layout") ?? content
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Content-Security-Policy")!] = "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'"
        headers[.init("X-Frame-Options")!] = "DENY"
        return SecurityMiddleware.withCookie(Response(status: status, headers: headers, body: .init(byteBuffer: .init(string: body))),
                                             context.newCookie)
    }

    /// Values with absent optionals removed (Mustache would print «nil» and take it for true).
    static func clean(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let inner = mirror.children.first?.value else { return nil }
            return clean(inner)
        }
        if let d = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (k, v) in d { if let c = clean(v) { out[k] = c } }
            return out
        }
        if let a = value as? [[String: Any]] { return a.compactMap { clean($0) } }
        return value
    }

    /// The error page: the Russian lines of a `WorkflowError` (location, source line, caret).
    func error(_ lines: [String], context: WebContext, section: String, status: HTTPResponse.Status = .badRequest) -> Response {
        html("error", title: "Ошибка", context: context, section: section, ["lines": lines.joined(separator: "\n")], status: status)
    }
}

/// A file to download: the name in Russian (RFC 5987), never cached.
func download(_ data: Data, name: String, type: String, context: WebContext) -> Response {
    let ascii = name.unicodeScalars.map { $0.isASCII && $0 != "\"" ? String($0) : "_" }.joined()
    let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
    var headers: HTTPFields = [.contentType: type]
    headers[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    headers[.cacheControl] = "no-store"
    return SecurityMiddleware.withCookie(Response(status: .ok, headers: headers, body: .init(byteBuffer: .init(bytes: data))),
                                         context.newCookie)
}

func redirect(_ to: String, context: WebContext) -> Response {
    SecurityMiddleware.withCookie(Response(status: .seeOther, headers: [.location: to]), context.newCookie)
}
