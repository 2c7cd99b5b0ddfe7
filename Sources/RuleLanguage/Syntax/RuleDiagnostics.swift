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
    case unknownTemplate = "rules.unknown-template"
    case tooDeep = "rules.too-deep"
    case tooLarge = "rules.too-large"
    case slowRegex = "rules.slow-regex"
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
        guard name.count >= 4, name.count <= Suggestions.maxNameLength else { return nil }
        let near = list.filter { abs($0.count - name.count) <= 2 }.map { ($0, Suggestions.distance(name.lowercased(), $0.lowercased())) }
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

    /// Lines of the other files of a pack (a rule written from a template in `base.rules` may
    /// report a mistake in the template's text).
    public var otherFiles: [String: [Substring]] = [:]

    public func add(_ id: RuleDiagnosticID, at loc: SourceLocation, _ message: String, hint: String? = nil) {
        // Decided before the diagnostic (and its copy of the line) is made: a 30 KB line of
        // mistakes must not cost a copy of the line per token.
        if items.count >= Self.storageLimit { unkept += 1; return }
        if brokenLines.contains(LineKey(file: loc.file, line: loc.line)) { return }
        let ls = loc.file == file ? lines : (otherFiles[loc.file] ?? [])
        let src = loc.line >= 1 && loc.line <= ls.count ? String(ls[loc.line - 1]) : nil
        keep(Diagnostic(id: id.rawValue, location: loc, message: message, sourceLine: src, hint: hint))
    }

    public func append(_ ds: [Diagnostic]) { for d in ds { keep(d) } }

    /// Errors after which the rest of their line cannot be read as written: whatever else is
    /// reported on that line follows from them.
    static let lineBreaking: Set<String> = [RuleDiagnosticID.syntax, .unterminatedString, .badDate, .badDuration, .badPlaceholder, .tooDeep]
        .map(\.rawValue).reduce(into: []) { $0.insert($1) }

    /// One mistake gives one error: a diagnostic is dropped when it repeats one already kept, or
    /// when its line already has an error that broke the reading of that line.
    private func keep(_ d: Diagnostic) {
        // Past ten screens of errors, only count: a file of 10,000 broken lines must not cost
        // 10,000² comparisons or print them all.
        if items.count >= Self.storageLimit { unkept += 1; return }
        if let l = d.location {
            if brokenLines.contains(LineKey(file: l.file, line: l.line)) { return }
            for e in items where e.location?.line == l.line && e.location?.file == l.file {
                if e.location == l && e.message == d.message { return }
            }
            if Self.lineBreaking.contains(d.id) { brokenLines.insert(LineKey(file: l.file, line: l.line)) }
        }
        items.append(d)
    }

    static let storageLimit = 10 * RuleLimits.maxDiagnosticsPerFile

    private struct LineKey: Hashable { var file: String; var line: Int }
    /// Lines with an error that broke their reading: nothing more is reported there.
    private var brokenLines: Set<LineKey> = []

    /// Diagnostics not kept past the storage bound.
    private var unkept = 0

    public var hasErrors: Bool { !items.isEmpty }

    /// Diagnostics in file order: the first `RuleLimits.maxDiagnosticsPerFile`, then a note
    /// with how many more the file has.
    public var sorted: [Diagnostic] {
        let all = items.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        let more = all.count - RuleLimits.maxDiagnosticsPerFile + unkept
        guard more > 0 else { return all }
        return Array(all.prefix(RuleLimits.maxDiagnosticsPerFile)) + [Diagnostic(
            id: "rules.more-errors", level: .note, location: nil,
            message: "\(file): и ещё \(more) \(DurationText.plural(more, "ошибка", "ошибки", "ошибок")) (показаны первые \(RuleLimits.maxDiagnosticsPerFile))")]
    }
}
