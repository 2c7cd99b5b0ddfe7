import ArgumentParser

// Placeholder: the owner of this command replaces this file with the real one.
struct InspectionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspection", abstract: "(в разработке)")
    func run() async throws { throw UserFacingError.fail("команда «inspection» ещё не готова") }
}
