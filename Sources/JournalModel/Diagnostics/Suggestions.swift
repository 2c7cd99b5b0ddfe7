/// "Did you mean" suggestions for misspelt names, by edit distance.
///
///     Suggestions.closest(to: "enterd_at", among: ["entered_at", "date"])   // "entered_at"
public enum Suggestions {
    /// Longest text a suggestion is looked for.
    public static let maxNameLength = 200

    /// The candidate nearest to `name` if it is close enough to be a plausible typo.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        // No name is hundreds of characters long: a typo suggestion for such a text is
        // meaningless, and the edit distance to it costs its length times each candidate's.
        guard name.count <= maxNameLength else { return nil }
        let limit = max(1, name.count / 3)
        var best: (String, Int)?
        for c in candidates where abs(c.count - name.count) <= limit {
            let d = distance(name.lowercased(), c.lowercased())
            if d <= limit, best.map({ d < $0.1 }) ?? true { best = (c, d) }
        }
        return best?.0
    }

    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }
}
