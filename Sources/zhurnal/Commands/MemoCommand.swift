import ArgumentParser

// Placeholder: the owner of this command replaces this file with the real one.
struct MemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "memo", abstract: "(в разработке)")
    func run() async throws { throw UserFacingError.fail("команда «memo» ещё не готова") }
}
