import ArgumentParser

// Placeholder: the owner of this command replaces this file with the real one.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "(в разработке)")
    func run() async throws { throw UserFacingError.fail("команда «import» ещё не готова") }
}
