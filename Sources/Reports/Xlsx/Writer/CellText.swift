/// Makes any text safe for an XLSX cell: Excel's 32,767-character limit (truncated visibly),
/// no NUL, and XML-forbidden control characters shown as their Unicode control pictures.
///
///     CellText.excelSafe(String(repeating: "а", count: 40_000)).hasSuffix("…[обрезано]")   // true
///     CellText.excelSafe("=SUM(1)")                                                       // "=SUM(1)" (written as a string)
enum CellText {
    /// Excel's limit, counted in UTF-16 code units (what Excel counts).
    static let maxLength = 32_767
    static let truncationMark = "…[обрезано]"

    static func excelSafe(_ text: String) -> String {
        var needsScalarPass = false
        for u in text.utf8 where u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D {
            needsScalarPass = true
            break
        }
        var s = text
        if needsScalarPass {
            var out = String.UnicodeScalarView()
            for u in text.unicodeScalars {
                if u.value < 0x20 && u.value != 0x09 && u.value != 0x0A && u.value != 0x0D {
                    // U+2400 CONTROL PICTURE FOR NULL + code: visible, nothing silently lost.
                    out.append(Unicode.Scalar(0x2400 + u.value) ?? "?")
                } else {
                    out.append(u)
                }
            }
            s = String(out)
        }
        return s.utf16.count > maxLength ? truncated(s) : s
    }

    /// Cuts at a character boundary so that text + mark fits the limit.
    private static func truncated(_ s: String) -> String {
        let budget = maxLength - truncationMark.utf16.count
        var used = 0
        var end = s.startIndex
        for ch in s {
            let n = ch.utf16.count
            if used + n > budget { break }
            used += n
            end = s.index(after: end)
        }
        return String(s[..<end]) + truncationMark
    }

    /// Text for a page header/footer: `&` is a control character there.
    static func headerFooterSafe(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&&")
    }
}

/// Excel's rules for worksheet names: 1–31 characters, none of `[]:*?/\`, no leading or
/// trailing apostrophe, unique regardless of case.
///
///     SheetName.make("Нарушения: 7б/8а", existing: [])   // "Нарушения_ 7б_8а"
///     SheetName.make("Нарушения", existing: ["Нарушения"])   // "Нарушения (2)"
enum SheetName {
    static let maxLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    static func isValid(_ name: String, existing: [String]) -> Bool {
        !name.isEmpty && name.utf16.count <= maxLength && !name.contains(where: forbidden.contains)
            && !name.hasPrefix("'") && !name.hasSuffix("'")
            && !existing.contains { $0.lowercased() == name.lowercased() }
    }

    static func make(_ wanted: String, existing: [String]) -> String {
        var base = String(wanted.map { forbidden.contains($0) ? "_" : $0 })
            .trimmingCharacters(in: "'")
        if base.isEmpty { base = "Лист" }
        var candidate = fit(base, suffix: "")
        var n = 2
        while !isValid(candidate, existing: existing) {
            candidate = fit(base, suffix: " (\(n))")
            n += 1
        }
        return candidate
    }

    /// `base` cut so that `base + suffix` has at most 31 UTF-16 units.
    private static func fit(_ base: String, suffix: String) -> String {
        let budget = maxLength - suffix.utf16.count
        var used = 0
        var out = ""
        for ch in base {
            if used + ch.utf16.count > budget { break }
            used += ch.utf16.count
            out.append(ch)
        }
        return out.trimmingCharacters(in: "'") + suffix
    }
}

extension String {
    fileprivate func trimmingCharacters(in c: Character) -> String {
        var s = Substring(self)
        while s.first == c { s = s.dropFirst() }
        while s.last == c { s = s.dropLast() }
        return String(s)
    }
}
