import Foundation
import JournalModel

/// A `matches` pattern that is one character class, possibly repeated: `\p{L}`,
/// `[\p{L}\p{N}]`, `[А-Яа-яЁё]{2}`, `[A-Za-z]`. Such a pattern matches a text exactly when the
/// text has `run` consecutive code points in the class, so it is decided by one pass over the
/// text's scalars instead of an ICU match (the regex a rule runs on every topic and homework).
///
/// Which code points are in the class is asked of ICU itself, once per pattern, for every code
/// point of `low` and `high` (Latin, Cyrillic, general punctuation, №): the fast path answers
/// what ICU answers by construction. A text with any other code point goes to ICU whole.
/// A class matches one code point per step, so ICU never runs out of its step budget on it
/// (`BoundedRegex`): the regex's answer is never «unknown» either.
struct ClassPattern: Sendable {
    /// The code points asked of ICU: Basic Latin to Cyrillic, and general punctuation to the
    /// letterlike symbols («—», «…», «№»). Guillemets and the no-break space are in the first.
    static let low = 0..<0x500
    static let high = 0x2000..<0x2200

    /// Membership of each code point of `low`, then of `high`.
    let member: [Bool]
    /// How many consecutive members make a match.
    let run: Int

    /// The class pattern, or nil when `pattern` is anything else (or ICU rejects it).
    init?(_ pattern: String) {
        var body = Substring(pattern)
        var run = 1
        // `X{n}`: a class repeated (`\p{L}` alone also ends with `}`, and its braces hold no number).
        if body.hasSuffix("}"), let open = body.lastIndex(of: "{"),
           let n = Int(body[body.index(after: open)..<body.index(before: body.endIndex)]) {
            guard (1...9).contains(n) else { return nil }
            run = n
            body = body[..<open]
        }
        guard ClassPattern.isClass(body), let re = try? NSRegularExpression(pattern: String(body)) else { return nil }
        var member: [Bool] = []
        member.reserveCapacity(ClassPattern.low.count + ClassPattern.high.count)
        for v in Array(ClassPattern.low) + Array(ClassPattern.high) {
            guard let u = Unicode.Scalar(v) else { member.append(false); continue }
            let s = String(Character(u))
            member.append(re.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil)
        }
        self.member = member
        self.run = run
    }

    /// `\p{L}`, `\p{N}`, or a bracket of those, letters, digits and `-` ranges between them: a
    /// set of single code points, with no flags, negation, nesting or escapes of other kinds.
    static func isClass(_ s: Substring) -> Bool {
        if s == "\\p{L}" || s == "\\p{N}" { return true }
        guard s.count > 2, s.first == "[", s.last == "]" else { return false }
        var rest = s.dropFirst().dropLast()
        guard !rest.isEmpty, rest.first != "^", rest.first != "-", rest.last != "-" else { return false }
        while let c = rest.first {
            if rest.hasPrefix("\\p{L}") || rest.hasPrefix("\\p{N}") {
                rest = rest.dropFirst(5)
            } else if c == "-" {
                rest = rest.dropFirst()
                guard let n = rest.first, n.isLetter || n.isNumber else { return false }
            } else if c.isLetter || c.isNumber, c.unicodeScalars.count == 1 {
                rest = rest.dropFirst()
            } else {
                return false
            }
        }
        return true
    }

    /// Whether the text has `run` members in a row; nil when it holds a code point the table lacks
    /// before such a run.
    func matches(_ s: String) -> Bool? {
        var seen = 0
        let lowEnd = ClassPattern.low.upperBound, highStart = ClassPattern.high.lowerBound
        let highAt = lowEnd - highStart
        for u in s.unicodeScalars {
            let v = Int(u.value)
            let slot: Int
            if v < lowEnd { slot = v } else if ClassPattern.high.contains(v) { slot = v + highAt } else { return nil }
            if member[slot] {
                seen += 1
                if seen >= run { return true }
            } else {
                seen = 0
            }
        }
        return false
    }
}
