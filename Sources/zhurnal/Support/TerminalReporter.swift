import ArgumentParser
import Workflows

extension WorkflowReporter {
    /// Notes on standard error; a progress bar while a large file is read (stderr a terminal).
    static let terminal = WorkflowReporter(note: { printError($0) },
                                           progress: { ProgressBar.shared.update(file: $0, read: $1, size: $2) },
                                           progressDone: { ProgressBar.shared.clear() })
}

extension UserFacingError {
    /// Prints a workflow's Russian lines on standard error and turns them into exit code 2.
    static func fail(_ error: WorkflowError) -> ExitCode {
        for line in error.lines { printError(line) }
        return ExitCodes.badInput
    }
}
