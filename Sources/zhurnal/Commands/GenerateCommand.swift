import ArgumentParser

// Placeholder: the owner of this command replaces this file with the real one.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "(в разработке)")
    func run() async throws { throw UserFacingError.fail("команда «generate» ещё не готова") }
}
