/// The placeholders a template may use: names at one level and, for sections (lists and
/// nested objects), the names inside them. Checked before rendering so that a misspelt
/// placeholder fails with its line instead of silently printing nothing.
public struct TemplateSchema: Sendable {
    public var fields: [String: TemplateSchema]

    public init(_ fields: [String: TemplateSchema] = [:]) { self.fields = fields }

    /// A placeholder with no names inside it.
    public static let leaf = TemplateSchema()

    static func leaves(_ names: [String]) -> TemplateSchema {
        TemplateSchema(Dictionary(uniqueKeysWithValues: names.map { ($0, TemplateSchema.leaf) }))
    }

    /// Resolves a dotted name in the innermost scope that knows its first part (as Mustache
    /// does); nil when no scope knows it.
    static func resolve(_ name: String, in scopes: [TemplateSchema]) -> TemplateSchema? {
        if name == "." { return scopes.last }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        let relative = name.hasPrefix(".")
        for scope in (relative ? Array(scopes.suffix(1)) : scopes.reversed()) {
            guard var node = scope.fields[first] else { continue }
            for p in parts.dropFirst() {
                guard let next = node.fields[p] else { return nil }
                node = next
            }
            return node
        }
        return nil
    }

    /// Every name visible in `scopes`, for "did you mean" suggestions.
    static func visibleNames(_ scopes: [TemplateSchema]) -> [String] {
        var out: [String] = []
        for s in scopes {
            for (k, v) in s.fields {
                out.append(k)
                for (k2, _) in v.fields where !v.fields.isEmpty { out.append("\(k).\(k2)") }
            }
        }
        return out
    }
}
