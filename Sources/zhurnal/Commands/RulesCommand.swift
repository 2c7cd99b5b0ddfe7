import ArgumentParser

// Placeholder: the owner of this command replaces this file with the real one.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "(в разработке)")
    func run() async throws { throw UserFacingError.fail("команда «rules» ещё не готова") }
}
