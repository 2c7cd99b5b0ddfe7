import ArgumentParser
import JournalModel

/// Exit codes follow linters: 0 — no violations, 1 — violations found, 2 — bad input or usage.
enum ExitCodes {
    static let clean = ExitCode(0)
    static let violations = ExitCode(1)
    static let badInput = ExitCode(2)
}

/// Prints Russian diagnostics to standard error and turns them into exit code 2.
enum UserFacingError {
    static func fail(_ diagnostics: [Diagnostic]) -> ExitCode {
        for d in diagnostics { printError(d.rendered) }
        return ExitCodes.badInput
    }

    static func fail(_ message: String) -> ExitCode {
        printError("ошибка: \(message)")
        return ExitCodes.badInput
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    var stderr = StandardError()
    print(text, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleWriter.writeStderr(VisibleText.of(string))   // no control characters from the data
    }
}
