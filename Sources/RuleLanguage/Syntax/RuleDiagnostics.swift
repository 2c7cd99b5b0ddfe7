import JournalModel

/// The stable diagnostic ids of rule files (documented in rules/README.md, section 9).
public enum RuleDiagnosticID: String, Sendable, CaseIterable {
    case syntax = "rules.syntax"
    case unterminatedString = "rules.unterminated-string"
    case unknownKey = "rules.unknown-key"
    case missingKey = "rules.missing-key"
    case duplicateKey = "rules.duplicate-key"
    case unknownEntity = "rules.unknown-entity"
    case unknownField = "rules.unknown-field"
    case unknownName = "rules.unknown-name"
    case unknownFunction = "rules.unknown-function"
    case badArguments = "rules.bad-arguments"
    case typeMismatch = "rules.type-mismatch"
    case badSeverity = "rules.bad-severity"
    case missingArea = "rules.missing-area"
    case badDuration = "rules.bad-duration"
    case badRegex = "rules.bad-regex"
    case badDate = "rules.bad-date"
    case unknownParameter = "rules.unknown-parameter"
    case duplicateRule = "rules.duplicate-rule"
    case extends = "rules.extends"
    case badPlaceholder = "rules.bad-placeholder"
    case badExample = "rules.bad-example"
}

public enum RuleDiagnostics {
    public static func make(_ id: RuleDiagnosticID, file: String, line: Int, column: Int, sourceLine: String?,
                            message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(id: id.rawValue, location: SourceLocation(file: file, line: line, column: column),
                   message: message, sourceLine: sourceLine, hint: hint)
    }

    /// "возможно, `x`?" when a close candidate exists.
    public static func didYouMean(_ name: String, among: some Sequence<String>) -> String? {
        let list = Array(among)
        if let c = Suggestions.closest(to: name, among: list) { return "возможно, `\(c)`?" }
        // Keywords are short: also accept two edits (a swapped pair of letters) for names of 4+ letters.
        guard name.count >= 4 else { return nil }
        let near = list.map { ($0, Suggestions.distance(name.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
        return near.map { "возможно, `\($0.0)`?" }
    }
}

/// Collects diagnostics for one source file, with its lines for the caret display.
public final class DiagnosticSink {
    public let file: String
    public let lines: [Substring]
    public private(set) var items: [Diagnostic] = []

    public init(file: String, text: String) {
        self.file = file
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    public func add(_ id: RuleDiagnosticID, at loc: SourceLocation, _ message: String, hint: String? = nil) {
        let src = loc.line >= 1 && loc.line <= lines.count ? String(lines[loc.line - 1]) : nil
        items.append(Diagnostic(id: id.rawValue, location: loc, message: message, sourceLine: src, hint: hint))
    }

    public func append(_ ds: [Diagnostic]) { items += ds }

    public var hasErrors: Bool { !items.isEmpty }

    /// Diagnostics in file order.
    public var sorted: [Diagnostic] {
        items.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
    }
}
