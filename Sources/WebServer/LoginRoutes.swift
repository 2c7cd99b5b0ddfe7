import Foundation
import Hummingbird

/// The login page (only when the server has a password) and logging out.
enum LoginRoutes {
    static func add(to router: Router<WebContext>, state: WebState) {
        router.get("/login") { _, context in
            guard await state.sessions.needsLogin else { return redirect("/journal", context: context) }
            return state.pages.html("login", title: "Вход", context: context, section: "login", [:])
        }
        router.post("/login") { request, context in
            var r = request
            let form = FormFields(body: String(buffer: try await r.collectBody(upTo: 1 << 16)))
            guard await state.sessions.passwordMatches(form["password"] ?? "") else {
                try? await Task.sleep(for: .milliseconds(500))   // slows guessing
                return state.pages.html("login", title: "Вход", context: context, section: "login",
                                        ["message": "неверный пароль"], status: .unauthorized)
            }
            if let old = context.session?.id { await state.sessions.remove(old) }
            let s = await state.sessions.create()
            var response = redirect("/journal", context: context)
            response.headers[.setCookie] = Sessions.cookie(s.id)
            return response
        }
        router.post("/logout") { _, context in
            if let id = context.session?.id { await state.sessions.remove(id) }
            var response = redirect(await state.sessions.needsLogin ? "/login" : "/journal", context: context)
            response.headers[.setCookie] = "\(Sessions.cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
            return response
        }
        router.get("/static/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: .init(string: state.pages.library.render([:], withTemplate: "style") ?? "")))
        }
    }
}
