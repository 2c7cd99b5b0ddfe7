import ArgumentParser
import JournalImport
import JournalStore
import Workflows

extension ImportSetup {
    /// Maps an import error to Russian diagnostics on stderr and exit code 2.
    static func exit(for error: Error) -> ExitCode {
        switch error {
        case let f as ImportFailure: return UserFacingError.fail([f.diagnostic])
        case let e as StoreError: return UserFacingError.fail(e.userMessage(database: nil))
        case let e as ExitCode: return e
        default: return UserFacingError.fail("\(error)")
        }
    }
}
