import Foundation

/// `zhurnal generate --spellings`: the tables a second system would export — marks, period marks
/// and the change history — spell the names of classes, subjects, students and teachers as that
/// system does, while the rosters (`группы.csv`, `обучающиеся.csv`, `нагрузка.csv`) keep them as
/// written, and the lessons table names teachers by surname and initials. The journal is the
/// same: a reader sees one class «2а» in «2 А» and «2a» (a Latin a), one student in «Семёнов
/// Пётр», «Семенов  Петр Сергеевич» (a patronymic the roster lacks) and «Сeмeнoв Пётр» (Latin e
/// and o), one teacher in «Киселёва Екатерина Васильевна» and «Киселёва Е. В.». The weekly
/// re-exports of the change history keep the rosters' spelling, so the same change comes
/// twice, spelt two ways.
///
/// Each transform is a function of the name alone, so a name is spelt one way in one table.
enum Spellings {
    /// Per column of a table, how that table spells it (nil: as written).
    typealias Columns = [Int: @Sendable (String) -> String]

    /// `отметки.csv`: Группа («2 А»), Обучающийся (with a patronymic), Внёс.
    static let marks: Columns = [0: spacedUpperCase, 4: { withoutYo(andSpaces: true)($0) + " Сергеевич" }, 8: withoutYo(andSpaces: false)]
    /// `занятия.csv`: Учитель по расписанию, Провёл, Внёс — surname and initials.
    static let lessons: Columns = [7: initials, 8: initials, 16: initials]
    /// `итоговые.csv`: Группа, Обучающийся, Внёс.
    static let periodMarks: Columns = [0: latinDoubles, 2: latinO, 6: withoutYo(andSpaces: false)]
    /// `изменения.csv`: Предмет, Обучающийся, Изменил.
    static let changes: Columns = [1: lowerCase, 4: upperCase, 10: withoutYo(andSpaces: false)]

    static func upperCase(_ s: String) -> String { s.uppercased() }

    /// «2а» as «2 А», «ИС-11» as «ИС-11» (a space after a leading number only).
    static func spacedUpperCase(_ s: String) -> String {
        let u = s.uppercased()
        guard let i = u.firstIndex(where: { !$0.isNumber }), i != u.startIndex, u[i] != " " else { return u }
        return String(u[..<i]) + " " + String(u[i...])
    }

    /// «Киселёва Екатерина Васильевна» as «Киселёва Е. В.».
    static func initials(_ s: String) -> String {
        let words = s.split(separator: " ")
        guard words.count >= 2 else { return s }
        return ([String(words[0])] + words.dropFirst().map { String($0.prefix(1)) + "." }).joined(separator: " ")
    }
    static func lowerCase(_ s: String) -> String { s.lowercased() }

    /// «ё» as «е»; with `andSpaces`, two spaces between the words.
    static func withoutYo(andSpaces: Bool) -> @Sendable (String) -> String {
        { s in
            let t = s.replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "Ё", with: "Е")
            return andSpaces ? t.replacingOccurrences(of: " ", with: "  ") : t
        }
    }

    /// Cyrillic letters that have a Latin double typed as the Latin one («2а» as «2a», «ИС-11»
    /// as «ИC-11»).
    static func latinDoubles(_ s: String) -> String {
        let doubles: [Character: Character] = ["а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
                                               "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
                                               "Р": "P", "С": "C", "Т": "T", "Х": "X"]
        return String(s.map { doubles[$0] ?? $0 })
    }

    /// Every «о» of the name a Latin «o» (a name mostly in Cyrillic with Latin letters in it).
    static func latinO(_ s: String) -> String { s.replacingOccurrences(of: "о", with: "o") }
}
