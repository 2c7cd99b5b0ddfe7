import Hummingbird
import Logging

/// A request's context: the session the security middleware found (or made).
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var session: Sessions.Session?
    /// A session made on this request (its cookie goes out with the response).
    var newCookie: String?
    /// The server has a password (the pages show «Выйти»).
    var needsLogin = false

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    var csrf: String { session?.csrf ?? "" }
}

/// Lets a request through only with a session; on a POST, only with the session's CSRF token
/// (form field or `?csrf=` on a file upload). Without a password a session is made on the
/// first visit; with one, the visitor is sent to the login page.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let sessions: Sessions

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        let path = request.uri.path
        let cookie = Self.cookieValue(request.headers[.cookie], name: Sessions.cookieName)
        context.session = await sessions.session(cookie)
        context.needsLogin = await sessions.needsLogin
        if path == "/login" || path == "/static/style.css" { return try await next(request, context) }
        if context.session == nil {
            if await sessions.needsLogin {
                if request.method == .get { return .redirect(to: "/login") }
                return Response(status: .unauthorized, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: .init(string: "нужно войти: откройте страницу входа")))
            }
            let s = await sessions.create()
            context.session = s
            context.newCookie = Sessions.cookie(s.id)
            if request.method != .get {
                return Self.forbidden("сеанс устарел — откройте страницу заново и повторите")
            }
        }
        if request.method == .post {
            let token = request.uri.queryParameters["csrf"].map(String.init)
            let formToken: String?
            if token == nil, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
                var r = request
                let body = try await r.collectBody(upTo: 1 << 20)
                let form = FormFields(body: String(buffer: body))
                formToken = form["csrf"]
                var forwarded = r
                forwarded.body = .init(buffer: body)
                guard formToken == context.csrf else { return Self.forbidden("форма устарела (нет проверочного кода) — откройте страницу заново и повторите") }
                return try await Self.withCookie(next(forwarded, context), context.newCookie)
            }
            guard token == context.csrf else { return Self.forbidden("форма устарела (нет проверочного кода) — откройте страницу заново и повторите") }
        }
        return try await Self.withCookie(next(request, context), context.newCookie)
    }

    static func withCookie(_ response: Response, _ cookie: String?) -> Response {
        guard let cookie else { return response }
        var r = response
        r.headers[.setCookie] = cookie
        return r
    }

    static func forbidden(_ message: String) -> Response {
        Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: .init(string: message)))
    }

    static func cookieValue(_ header: String?, name: String) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces)
            if kv.hasPrefix(name + "=") { return String(kv.dropFirst(name.count + 1)) }
        }
        return nil
    }
}

/// `application/x-www-form-urlencoded` fields (the last value of a repeated name wins).
struct FormFields: Sendable {
    var values: [String: String] = [:]
    init(body: String) {
        for pair in body.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0) }
            guard let k = kv.first else { continue }
            values[k] = kv.count > 1 ? kv[1] : ""
        }
    }
    subscript(_ name: String) -> String? { values[name] }
    /// The value, or nil when empty.
    func nonEmpty(_ name: String) -> String? {
        guard let v = values[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }
}
