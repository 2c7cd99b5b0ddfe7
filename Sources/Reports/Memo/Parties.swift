import JournalModel
import Findings

/// Builds addressee and author requisites from the settings, falling back to the journal.
enum Parties {
    /// The addressee: position in the dative as given, name declined (or the settings' exact form).
    static func recipient(position: String, fullName: String?, exactForm: String?) -> DocumentParty {
        let name = fullName.map(RussianName.init)
        let inflected = exactForm ?? name.map { $0.dative.surnameFirst } ?? DocumentParty.blank
        return DocumentParty(position: position, fullName: fullName, inflectedName: inflected,
                             signatureName: name?.initialsFirst ?? DocumentParty.blank)
    }

    /// The author: position in the nominative, name in the genitive for «от …».
    static func author(position: String, fullName: String?) -> DocumentParty {
        let name = fullName.map(RussianName.init)
        return DocumentParty(position: position, fullName: fullName,
                             inflectedName: name?.genitive.surnameFirst ?? DocumentParty.blank,
                             signatureName: name?.initialsFirst ?? DocumentParty.blank)
    }

    /// The regulation's title; the pack's when the report names none.
    static func regulation(_ r: CheckReport) -> String {
        let d = r.document.trimmingSpaces()
        return d.isEmpty ? r.packTitle : d
    }

    /// «п. 4.3» (with a no-break space) for "4.3" or "п. 4.3"; other clause names are kept.
    static func clause(_ raw: String) -> String { ClauseText.cited(raw) }

    /// The next number after `base` for the n-th document of a batch: «СЗ-15» → «СЗ-16».
    static func number(_ base: String?, offset: Int) -> String? {
        guard let base, offset > 0 else { return base }
        let digits = base.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let n = Int(String(digits.reversed())) else { return "\(base)-\(offset + 1)" }
        return String(base.dropLast(digits.count)) + String(n + offset)
    }

    /// «08.09.2025, 10.09.2025»: distinct dates in order.
    static func dates(_ ds: [LocalDate]) -> String {
        Array(Set(ds)).sorted().map(\.description).joined(separator: ", ")
    }
}
