/// How the import tells names of classes, subjects, teachers and students apart: by what a
/// reader sees, not by bytes. Exports of one journal from different systems (a roster from
/// one, marks from another, a table retyped by hand) spell one name differently — «Семёнов» and
/// «Семенов», «7А» and «7а», «7A» with a Latin A, «Иванов  Иван» with two spaces. Told apart by
/// bytes, «Семенов» was a student with no roster row (every mark rejected) and «русский язык» a
/// second subject whose marks made lessons of their own (every rule then judged them apart).
///
/// The key of a name: Latin letters that have a Cyrillic double (A, a, B, C, c, E, e, H, K, M,
/// O, o, P, p, T, X, x, y, Y) read as Cyrillic when every Latin letter of the name has one (a
/// Latin word such as «Chemistry» stays Latin); then lower case, «ё» as «е», dashes as «-», and
/// every run of spaces (tabs, non-breaking spaces) as one space, none at either end. Two names
/// with one key look alike to a reader; two names a reader tells apart keep different keys.
public enum NameKey {
    public static func of(_ name: String) -> String {
        let scalars = tidy(name).unicodeScalars
        let homoglyphs = scalars.contains { latinDouble($0) != nil } && !scalars.contains { isLatinLetter($0) && latinDouble($0) == nil }
        var out = String.UnicodeScalarView()
        for s in scalars {
            let c = homoglyphs ? (latinDouble(s) ?? s) : s
            if let d = dash(c) { out.append(d); continue }
            for l in c.properties.lowercaseMapping.unicodeScalars { out.append(l == "ё" ? "е" : l) }
        }
        return String(out)
    }

    /// A class's key: its `of` without spaces and dashes — «7 А», «7-а» and «7а» are one class,
    /// as are «ИС-11» and «ИС 11»; «7а» and «7б», «10-1» and «10-2» stay apart.
    public static func group(_ name: String) -> String {
        String(String.UnicodeScalarView(of(name).unicodeScalars.filter { $0 != " " && $0 != "-" }))
    }

    /// A person's key without the patronymic: the `of` of the first two words — «Андреев
    /// Кирилл Сергеевич» and «Андреев Кирилл» (a roster with the full name, marks without it).
    /// Nil for a name of fewer than two words.
    public static func twoWords(_ name: String) -> String? {
        let words = of(name).split(separator: " ")
        return words.count >= 2 ? words.prefix(2).joined(separator: " ") : nil
    }

    /// A person's key as surname and initials — «Смирнова О. П.», «Смирнова О.П.» and «Смирнова
    /// Ольга Петровна» are «смирнова о п». Nil for a name of one word.
    public static func initials(_ name: String) -> String? {
        guard let (surname, rest) = surnameAndRest(name), rest.count <= 3 else { return nil }
        return ([String(surname)] + rest.map { String($0.prefix(1)) }).joined(separator: " ")
    }

    /// Whether `name` gives the first names as initials («Смирнова О. П.», «Смирнова О.П.»).
    public static func isInitials(_ name: String) -> Bool {
        surnameAndRest(name)?.rest.allSatisfy { $0.count == 1 } ?? false
    }

    /// The `of` of a person's name as its first word and the words after it split at dots;
    /// nil for a name with nothing after the first word.
    private static func surnameAndRest(_ name: String) -> (surname: Substring, rest: [Substring])? {
        let words = of(name).split(separator: " ")
        let rest = words.dropFirst().flatMap { $0.split(separator: ".", omittingEmptySubsequences: true) }
        guard let surname = words.first, !rest.isEmpty else { return nil }
        return (surname, rest)
    }

    /// `name` with every run of spaces (tabs, non-breaking spaces) as one space and none at
    /// either end: how a name is kept when it is first met.
    public static func tidy(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for s in name.unicodeScalars {
            if s.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            out.append(s)
        }
        return String(out)
    }

    private static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value)
    }

    /// The Cyrillic letter that looks like Latin letter `s`, if one does.
    private static func latinDouble(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s {
        case "A": "А"
        case "B": "В"
        case "C": "С"
        case "E": "Е"
        case "H": "Н"
        case "K": "К"
        case "M": "М"
        case "O": "О"
        case "P": "Р"
        case "T": "Т"
        case "X": "Х"
        case "Y": "У"
        case "a": "а"
        case "c": "с"
        case "e": "е"
        case "o": "о"
        case "p": "р"
        case "x": "х"
        case "y": "у"
        default: nil
        }
    }

    /// Hyphens, dashes and the minus sign as «-».
    private static func dash(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: "-"
        default: nil
        }
    }
}
