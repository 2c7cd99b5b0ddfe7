import ArgumentParser

// Placeholder: the owner of this command replaces this file with the real one.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(в разработке)")
    func run() async throws { throw UserFacingError.fail("команда «check» ещё не готова") }
}
