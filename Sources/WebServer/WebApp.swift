import Foundation
import Hummingbird
import Logging
import Workflows

/// `zhurnal serve`: where it listens, the workspace folder, the password.
public struct ServeConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var dataFolder: String
    /// Required for any address but the loopback one; then every page needs a login.
    public var password: String?
    public var templatesFolder: String?
    public var limits = UploadLimits()

    public init(host: String = "127.0.0.1", port: Int = 8080, dataFolder: String, password: String? = nil) {
        self.host = host
        self.port = port
        self.dataFolder = dataFolder
        self.password = password
    }

    /// Loopback addresses the page may serve without a password.
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }

    /// A password-less server off the loopback would show the journal to the whole network.
    public func validate() throws(WorkflowError) {
        if !isLoopback, (password ?? "").isEmpty {
            throw .message("адрес \(host) доступен из сети: задайте пароль (--password или --password-file) — "
                           + "без него страница открывается только на 127.0.0.1")
        }
    }
}

/// What every route shares.
struct WebState: Sendable {
    let workspace: Workspace
    let sessions: Sessions
    let pages: Pages
    let limits: UploadLimits
}

public enum WebApp {
    /// The application `zhurnal serve` runs (and the route tests drive).
    public static func build(_ config: ServeConfiguration) async throws -> some ApplicationProtocol {
        try config.validate()
        var logger = Logger(label: "zhurnal-serve")
        logger.logLevel = .info
        let state = WebState(workspace: try Workspace(folder: config.dataFolder), sessions: Sessions(password: config.password),
                             pages: try await Pages.load(directory: config.templatesFolder), limits: config.limits)
        let router = Router(context: WebContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityMiddleware(sessions: state.sessions))
        router.get("/") { _, context in redirect("/journal", context: context) }
        LoginRoutes.add(to: router, state: state)
        JournalRoutes.add(to: router, state: state)
        CheckRoutes.add(to: router, state: state)
        DocumentRoutes.add(to: router, state: state)
        RulesRoutes.add(to: router, state: state)
        return Application(router: router, configuration: .init(address: .hostname(config.host, port: config.port),
                                                                 serverName: "zhurnal"),
                           logger: logger)
    }
}

/// One line per request: the method, the route pattern (never the query or a teacher's name in
/// the path), the status and the time. No personal data reaches the server log.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebContext
    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let ms = (ContinuousClock.now - start).components
        let millis = ms.seconds * 1000 + ms.attoseconds / 1_000_000_000_000_000
        context.logger.info("\(request.method) \(context.endpointPath ?? "?") \(response.status.code) \(millis) мс")
        return response
    }
}

/// What the CLI runs: the application behind a protocol the CLI can hold without Hummingbird.
public protocol ApplicationRunner: Sendable {
    func run() async throws
}

public enum WebServerRunner {
    public static func make(_ config: ServeConfiguration) async throws -> any ApplicationRunner {
        Runner(app: try await WebApp.build(config))
    }

    struct Runner<App: ApplicationProtocol>: ApplicationRunner {
        let app: App
        func run() async throws { try await app.runService() }
    }
}
