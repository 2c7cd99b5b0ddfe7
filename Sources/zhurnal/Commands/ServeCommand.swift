import ArgumentParser
import Foundation
import WebServer
import Workflows

/// `zhurnal serve [--host 127.0.0.1] [--port 8080] [--data ПАПКА] [--password … | --password-file …]`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Открыть программу в браузере: загрузка выгрузок, проверка, документы, правила.",
        discussion: """
            Запускает веб-страницу на этом компьютере (по умолчанию http://127.0.0.1:8080). \
            Выгрузки, база, проверки и реквизиты хранятся в рабочей папке --data (доступ только владельцу). \
            Любой адрес, кроме 127.0.0.1, требует пароля (--password или --password-file): \
            тогда каждая страница открывается после входа. Остановить — Ctrl+C.
            """)

    @Option(help: "Адрес, на котором принимать подключения.") var host = "127.0.0.1"
    @Option(help: "Порт.") var port = 8080
    @Option(help: "Рабочая папка (создаётся; доступ только владельцу).") var data = "zhurnal-data"
    @Option(help: "Пароль для входа на страницу.") var password: String?
    @Option(help: "Файл с паролем (первая строка).") var passwordFile: String?

    func run() async throws {
        var secret = password
        if let file = passwordFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw UserFacingError.fail("не удалось прочитать файл пароля \(file)")
            }
            secret = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces)
        }
        let config = ServeConfiguration(host: host, port: port, dataFolder: data, password: secret)
        let app: any ApplicationRunner
        do {
            app = try await WebServerRunner.make(config)
        } catch let e as WorkflowError {
            throw UserFacingError.fail(e)
        } catch {
            throw UserFacingError.fail("рабочая папка \(data): \(error.localizedDescription)")
        }
        printError("zhurnal: страница открыта по адресу http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ "
                   + "(рабочая папка \(data)); остановить — Ctrl+C")
        try await app.run()
    }
}
