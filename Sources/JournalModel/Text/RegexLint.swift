/// Finds the shapes of a regular expression that make a backtracking matcher (ICU, Swift
/// Regex) take exponential time on a text that almost matches: a repeated group that itself
/// repeats (`(а+)+`, `(\s*\w+)*`), and a repeated choice whose branches match the same text
/// (`(а|аа)+`, `(x|x)*`). Such a pattern is always rewritable (`а+`), so rule packs and
/// profiles reject it when they load, at the pattern's place; what the lint misses is stopped
/// by the step budget of every match (`BoundedRegex`).
///
///     RegexLint.problem("(а+)+$|б")?.fragment   // "(а+)+"
///     RegexLint.problem("^\\s*(дз|д/з)\\s*$")    // nil
public enum RegexLint {
    public struct Problem: Equatable, Sendable {
        /// Character offset of the fragment in the pattern.
        public var offset: Int
        public var fragment: String
        /// Russian: why the fragment is slow and how to write it instead.
        public var message: String
    }

    public static func problem(_ pattern: String) -> Problem? {
        let cs = Array(pattern)
        /// An open group: where it starts, whether an unbounded repetition occurs inside, its
        /// top-level alternatives so far.
        /// `fixedAtom`: something in it must match exactly once (`\.` in `([a-z]+\.)+`), which
        /// keeps the repetitions of the group apart.
        struct Group {
            var start: Int
            var innerRepeat = false
            var fixedAtom = false
            var earlierBranchesFixed = true
            var branches: [String] = []
            var current = ""
            var plainText = true
            /// Every branch must match something exactly once for the repetitions to stay apart.
            var fixed: Bool { earlierBranchesFixed && fixedAtom }
        }
        var stack: [Group] = [Group(start: -1)]
        var i = 0
        /// Whether the element ending at `j` (exclusive) is followed by an unbounded quantifier,
        /// and where the element (with its quantifier) ends. An element without a quantifier (or
        /// `{n}`) makes the group's `fixedAtom`.
        func unboundedQuantifier(at j: Int) -> (Bool, Int) {
            guard j < cs.count else { stack[stack.count - 1].fixedAtom = true; return (false, j) }
            switch cs[j] {
            case "*", "+": return (true, j + 1)
            case "?": return (false, j + 1)
            case "{":
                var k = j + 1
                var text = ""
                while k < cs.count, cs[k] != "}" { text.append(cs[k]); k += 1 }
                guard k < cs.count else { return (false, j) }
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                // `{n,}` repeats without end; `{n,m}` with a large m behaves the same.
                if parts.count == 2, parts[1].isEmpty || (Int(parts[1]) ?? 0) > 16 { return (true, k + 1) }
                if parts.count == 1 || (Int(parts[0]) ?? 0) > 0 { stack[stack.count - 1].fixedAtom = true }
                return (false, k + 1)
            default:
                stack[stack.count - 1].fixedAtom = true
                return (false, j)
            }
        }
        while i < cs.count {
            let c = cs[i]
            switch c {
            case "\\":
                // An escape: `\p{L}` and `\x{…}` carry braces.
                var end = min(i + 2, cs.count)
                if i + 1 < cs.count, "pPxN".contains(cs[i + 1]), end < cs.count, cs[end] == "{" {
                    while end < cs.count, cs[end] != "}" { end += 1 }
                    end = min(end + 1, cs.count)
                }
                stack[stack.count - 1].current += String(cs[i..<end])
                if "dDwWsSpPXR.".contains(cs[min(i + 1, cs.count - 1)]) { stack[stack.count - 1].plainText = false }
                let (rep, next) = unboundedQuantifier(at: end)
                if rep { stack[stack.count - 1].innerRepeat = true; stack[stack.count - 1].plainText = false }
                i = next
            case "[":
                // A class: up to its closing bracket (a `]` right after `[` or `[^` is literal).
                var k = i + 1
                if k < cs.count, cs[k] == "^" { k += 1 }
                if k < cs.count, cs[k] == "]" { k += 1 }
                while k < cs.count, cs[k] != "]" { if cs[k] == "\\" { k += 1 }; k += 1 }
                let end = min(k + 1, cs.count)
                stack[stack.count - 1].current += String(cs[i..<end])
                stack[stack.count - 1].plainText = false
                let (rep, next) = unboundedQuantifier(at: end)
                if rep { stack[stack.count - 1].innerRepeat = true }
                i = next
            case "(":
                stack.append(Group(start: i))
                // `(?:`, `(?i)`, `(?<name>`: the group's own syntax is not text.
                if i + 1 < cs.count, cs[i + 1] == "?" {
                    var k = i + 2
                    while k < cs.count, cs[k] != ":", cs[k] != ")", cs[k] != ">" , cs[k] != "=", cs[k] != "!" { k += 1 }
                    i = min(k + 1, cs.count)
                    if k < cs.count, cs[k] == ")" { stack.removeLast() }   // `(?i)`: a flag, not a group
                } else {
                    i += 1
                }
            case ")":
                guard stack.count > 1 else { i += 1; continue }
                var g = stack.removeLast()
                g.branches.append(g.current)
                let parentFixedBefore = stack[stack.count - 1].fixedAtom
                let (rep, next) = unboundedQuantifier(at: i + 1)
                let fragment = String(cs[g.start..<next])
                if rep, !g.fixed, !g.current.isEmpty || g.branches.count > 1 {
                    if let (a, b) = g.plainText ? overlapping(g.branches) : nil {
                        return Problem(offset: g.start, fragment: fragment,
                                       message: "в повторяемом выборе «\(fragment)» варианты «\(a)» и «\(b)» подходят к одному тексту: на тексте, который почти подходит, проверка длится часами — оставьте один из них")
                    }
                    return Problem(offset: g.start, fragment: fragment,
                                   message: "повторение внутри повторения «\(fragment)»: на тексте, который почти подходит, проверка длится часами — уберите одно из повторений (например, «(а+)+» — это то же, что «а+»)")
                }
                if rep, g.plainText, let (a, b) = overlapping(g.branches) {
                    return Problem(offset: g.start, fragment: fragment,
                                   message: "в повторяемом выборе «\(fragment)» варианты «\(a)» и «\(b)» подходят к одному тексту: на тексте, который почти подходит, проверка длится часами — оставьте один из них")
                }
                // What the group holds counts for the group it is in: an unrepeated group is a
                // fixed atom there only if it is fixed itself (`((а+))+` is `(а+)+`).
                stack[stack.count - 1].current += fragment
                if !rep, next == i + 1, !g.fixed { stack[stack.count - 1].fixedAtom = parentFixedBefore }
                if rep || g.innerRepeat { stack[stack.count - 1].innerRepeat = true }
                if !g.plainText || rep { stack[stack.count - 1].plainText = false }
                i = next
            case "|":
                stack[stack.count - 1].branches.append(stack[stack.count - 1].current)
                stack[stack.count - 1].current = ""
                stack[stack.count - 1].earlierBranchesFixed = stack[stack.count - 1].fixed
                stack[stack.count - 1].fixedAtom = false
                i += 1
            default:
                if c == "." || c == "^" || c == "$" { stack[stack.count - 1].plainText = false }
                stack[stack.count - 1].current.append(c)
                if c == "^" || c == "$" { i += 1; continue }   // anchors match no character
                let (rep, next) = unboundedQuantifier(at: i + 1)
                if rep { stack[stack.count - 1].innerRepeat = true; stack[stack.count - 1].plainText = false }
                i = rep ? next : max(i + 1, next)
            }
        }
        return nil
    }

    /// Two literal branches one of which begins with the other (`а` and `аа`, `x` and `x`).
    static func overlapping(_ branches: [String]) -> (String, String)? {
        for (k, a) in branches.enumerated() where !a.isEmpty {
            for b in branches[(k + 1)...] where !b.isEmpty {
                if b.hasPrefix(a) || a.hasPrefix(b) { return (a, b) }
            }
        }
        return nil
    }
}
