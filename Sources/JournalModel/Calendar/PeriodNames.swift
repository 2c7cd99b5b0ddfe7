/// Matches a period name as an export prints it to a period of the institution's calendar.
///
///     PeriodNames.match("1 тр", in: periods)       // «1 триместр»
///     PeriodNames.match("I четв.", in: periods)    // «1 четверть»
///     PeriodNames.match("2 полуг.", in: periods)   // «2 полугодие»
///     PeriodNames.match("Год", in: periods)        // «2025/2026» (the period of kind «год»)
///
/// A name is read as an ordinal (arabic «1», roman «I», words «первая», «1-е») and a kind
/// («четв», «тр», «полуг», «п/г», «сем», «год» and their longer forms), in either order. It
/// names the calendar period with the same name, else the one whose own name reads as the same
/// ordinal and kind, else — when the calendar's names carry no ordinals («Осенний триместр») —
/// the N-th period of that kind by its start. Anything else names no period (nil): the import
/// lists such marks rather than guess.
public enum PeriodNames {
    public static func match(_ name: String, in periods: [StudyPeriod]) -> PeriodID? {
        let key = normalize(name)
        if key.isEmpty { return nil }
        if let i = periods.firstIndex(where: { normalize($0.name) == key }) { return PeriodID(i) }
        let wanted = read(key)
        if wanted.kind == .year || (wanted.kind == nil && wanted.schoolYear != nil) {
            let years = periods.indices.filter { periods[$0].kind == .year }
            if let y = wanted.schoolYear, let i = years.first(where: { read(normalize(periods[$0].name)).schoolYear == y }) {
                return PeriodID(i)
            }
            return years.count == 1 ? PeriodID(years[0]) : nil
        }
        guard let ordinal = wanted.ordinal else {
            guard let kind = wanted.kind else { return nil }
            let same = periods.indices.filter { periods[$0].kind == kind }
            return same.count == 1 ? PeriodID(same[0]) : nil
        }
        var kind = wanted.kind
        if kind == nil {
            // «I», «2»: only when the calendar has one kind of period besides the year.
            let kinds = Set(periods.map(\.kind)).subtracting([.year])
            guard kinds.count == 1 else { return nil }
            kind = kinds.first
        }
        let same = periods.indices.filter { periods[$0].kind == kind }
        let named = same.filter { let r = read(normalize(periods[$0].name)); return r.ordinal == ordinal && (r.kind == nil || r.kind == kind) }
        if named.count == 1 { return PeriodID(named[0]) }
        if !named.isEmpty { return nil }
        guard same.allSatisfy({ read(normalize(periods[$0].name)).ordinal == nil }) else { return nil }
        let byStart = same.sorted { periods[$0].start < periods[$1].start }
        return ordinal <= byStart.count ? PeriodID(byStart[ordinal - 1]) : nil
    }

    /// What a period name says: its ordinal, kind and school year («2025/2026»), where it says them.
    struct Reading: Equatable {
        var ordinal: Int?
        var kind: StudyPeriod.Kind?
        var schoolYear: Int?
    }

    /// Lower case, «ё» as «е», single spaces, no trailing dots; «п/г» spelled out.
    static func normalize(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s.lowercased().replacingOccurrences(of: "п/г", with: " полугодие ") {
            if ch == " " || ch == "\t" || ch == "\u{00A0}" { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(ch == "ё" ? "е" : ch)
        }
        while out.last == "." { out.removeLast() }
        return out
    }

    static func read(_ key: String) -> Reading {
        var r = Reading()
        // Tokens: runs of digits or of letters («1четв» is «1» and «четв»).
        var tokens: [String] = []
        var current = ""
        var currentIsDigit = false
        for ch in key {
            let digit = ch.isASCII && ch.isNumber
            if digit || ch.isLetter {
                if !current.isEmpty && digit != currentIsDigit { tokens.append(current); current = "" }
                current.append(ch)
                currentIsDigit = digit
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        var years: [Int] = []
        for t in tokens {
            if let n = Int(t) {
                if t.count == 4 { years.append(n) } else if r.ordinal == nil, (1...6).contains(n) { r.ordinal = n }
                continue
            }
            if r.ordinal == nil, let n = ordinalWord(t) { r.ordinal = n; continue }
            if r.kind == nil, let k = kindWord(t) { r.kind = k }
        }
        if years.count == 2, years[1] == years[0] + 1 { r.schoolYear = years[0] }
        return r
    }

    private static let romans = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6]
    private static let ordinalSuffixes = ["ая", "ое", "ый", "ой", "ого", "ую", "ий"]

    static func ordinalWord(_ t: String) -> Int? {
        if let n = romans[t] { return n }
        let stems = [("перв", 1), ("втор", 2), ("трет", 3), ("четверт", 4), ("пят", 5), ("шест", 6)]
        for (stem, n) in stems where t.hasPrefix(stem) {
            let rest = t.dropFirst(stem.count)
            if ordinalSuffixes.contains(String(rest)) || (stem == "трет" && ["ья", "ье", "ий", "его", "ью"].contains(String(rest))) {
                return n
            }
        }
        return nil
    }

    static func kindWord(_ t: String) -> StudyPeriod.Kind? {
        if t.hasPrefix("чет") { return .quarter }          // чет, четв, четверть, четверти
        if t.hasPrefix("тр") { return .trimester }         // тр, трим, триместр
        if t.hasPrefix("пол") || t == "пг" { return .halfYear }   // пол, полуг, полугодие
        if t.hasPrefix("сем") { return .semester }         // сем, семестр
        if t.hasPrefix("год") || t == "г" { return .year }  // год, годовая
        return nil
    }
}
