/// A person's name as journals print it ("Иванова Мария Сергеевна") and the forms business
/// documents need: «М.С. Иванова» under a signature, «Ивановой М.С.» in the addressee block.
///
///     let n = RussianName("Иванова Мария Сергеевна")
///     n.initialsFirst          // "М.С. Иванова"
///     n.dative.surnameFirst    // "Ивановой М.С."
///
/// Declension is conservative: only surname endings whose dative/genitive forms are regular
/// (‑ов/‑ев/‑ин, ‑ова/‑ева/‑ина, ‑ский/‑ская, …) change; anything else is left as written,
/// and the settings file can give the exact form.
public struct RussianName: Sendable, Hashable {
    public var surname: String
    public var given: [String]

    public enum Gender: Sendable { case male, female, unknown }
    public enum Case: Sendable { case dative, genitive }

    public init(_ full: String) {
        let parts = full.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        surname = parts.first ?? ""
        given = Array(parts.dropFirst())
    }

    /// "М.С." (or "" when only a surname is known); already-initialled names keep their dots.
    public var initials: String {
        given.map { part in
            let pieces = part.split(separator: ".").filter { !$0.isEmpty }
            return pieces.compactMap { $0.first.map { "\($0)." } }.joined()
        }.joined()
    }

    /// «М.С. Иванова»: the form under a signature (ГОСТ Р 7.0.97-2016, п. 5.22).
    public var initialsFirst: String { initials.isEmpty ? surname : "\(initials) \(surname)" }

    /// «Иванова М.С.»: the form in the addressee block and in lists.
    public var surnameFirst: String { initials.isEmpty ? surname : "\(surname) \(initials)" }

    public var gender: Gender {
        guard given.count >= 2, let patronymic = given.last?.lowercased() else { return .unknown }
        if patronymic.hasSuffix("вич") || patronymic.hasSuffix("ич") || patronymic.hasSuffix("оглы") { return .male }
        if patronymic.hasSuffix("вна") || patronymic.hasSuffix("чна") || patronymic.hasSuffix("кызы") { return .female }
        return .unknown
    }

    public var dative: RussianName { inflected(.dative) }
    public var genitive: RussianName { inflected(.genitive) }

    /// The name with its surname in `grammaticalCase`; unchanged when the ending is not a
    /// regular one (or the gender is unknown, or the name is not Cyrillic).
    public func inflected(_ grammaticalCase: Case) -> RussianName {
        var copy = self
        copy.surname = RussianName.inflect(surname: surname, gender: gender, grammaticalCase)
        return copy
    }

    static func inflect(surname: String, gender: Gender, _ c: Case) -> String {
        // Hyphenated surnames decline part by part.
        if surname.contains("-") {
            return surname.split(separator: "-").map { inflect(surname: String($0), gender: gender, c) }
                .joined(separator: "-")
        }
        let lower = surname.lowercased()
        func replace(_ n: Int, _ with: String) -> String { String(surname.dropLast(n)) + with }
        switch gender {
        case .female:
            for e in ["ова", "ева", "ёва", "ина", "ына"] where lower.hasSuffix(e) { return replace(1, "ой") }
            for e in ["ская", "цкая", "ая"] where lower.hasSuffix(e) { return replace(2, "ой") }
            return surname
        case .male:
            for e in ["ов", "ев", "ёв", "ин", "ын"] where lower.hasSuffix(e) {
                return surname + (c == .dative ? "у" : "а")
            }
            for e in ["ский", "цкий", "ый", "ой"] where lower.hasSuffix(e) {
                return replace(2, c == .dative ? "ому" : "ого")
            }
            return surname
        case .unknown:
            return surname
        }
    }
}
