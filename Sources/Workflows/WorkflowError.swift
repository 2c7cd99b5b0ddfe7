import JournalModel

/// Bad input a workflow met, in Russian: diagnostics with their locations, or one message.
/// The CLI prints `lines` on standard error and exits 2; the web page shows them.
///
///     throw WorkflowError.message("в журнале нет группы «7в»")   // CLI: «ошибка: в журнале нет группы «7в»»
public enum WorkflowError: Error, Sendable {
    case diagnostics([Diagnostic])
    case message(String)

    /// The lines as the CLI prints them: each diagnostic rendered (location, source line,
    /// caret), or «ошибка: » and the message.
    public var lines: [String] {
        switch self {
        case .diagnostics(let d): d.map(\.rendered)
        case .message(let m): ["ошибка: \(m)"]
        }
    }
}

/// Where a workflow reports what a user should see besides its result: notes (skipped files,
/// the moment a journal is judged at, warnings) and the progress of reading a large file.
/// The CLI prints notes on standard error and draws a progress bar; the web page shows them.
/// Notes carry counts and file names only, never personal data.
public struct WorkflowReporter: Sendable {
    public var note: @Sendable (String) -> Void
    /// `(file index, bytes read, file size)`.
    public var progress: @Sendable (Int, Int64, Int64) -> Void
    /// The progress display is done (the import finished or failed).
    public var progressDone: @Sendable () -> Void

    public init(note: @escaping @Sendable (String) -> Void = { _ in },
                progress: @escaping @Sendable (Int, Int64, Int64) -> Void = { _, _, _ in },
                progressDone: @escaping @Sendable () -> Void = {}) {
        self.note = note
        self.progress = progress
        self.progressDone = progressDone
    }

    /// Reports nothing.
    public static let silent = WorkflowReporter()
}

extension WorkflowError {
    /// The same as diagnostics (a message becomes a diagnostic without a location).
    public var diagnostics: [Diagnostic] {
        switch self {
        case .diagnostics(let d): d
        case .message(let m): [Diagnostic(id: "workflow.error", location: nil, message: m)]
        }
    }
}
