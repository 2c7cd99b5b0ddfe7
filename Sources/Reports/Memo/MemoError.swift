import JournalModel

/// A template, settings file or document request that cannot be used: every problem found, as
/// Russian diagnostics with `file:line:col` where there is a file.
public struct MemoError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ message: String, id: String = "memo.error") {
        diagnostics = [Diagnostic(id: id, location: nil, message: message)]
    }
    public var description: String { diagnostics.map(\.rendered).joined(separator: "\n") }
}
