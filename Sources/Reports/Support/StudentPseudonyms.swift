/// Stable pseudonyms for students in reports (152-ФЗ): «Обучающийся 0007».
///
/// A code is derived from a 64-bit FNV-1a hash of the group and the name, so the same student
/// gets the same code in every report over the same set of students. Two students whose
/// hashes collide get the next free codes, in an order fixed by (hash, group, name).
///
///     let p = StudentPseudonyms(students: [("7б", "Абрамов Артём"), ("7б", "Белова Вера")])
///     p.code(group: "7б", name: "Абрамов Артём")   // "Обучающийся 4821" (always the same)
public struct StudentPseudonyms: Sendable {
    public static let prefix = "Обучающийся"
    private var codes: [Key: String] = [:]
    private let digits: Int

    private struct Key: Hashable, Sendable { var group: String; var name: String }

    public init<S: Sequence>(students: S) where S.Element == (group: String, name: String) {
        let keys = Set(students.map { Key(group: $0.group, name: $0.name) })
        // 4 digits while the codes stay sparse; more for very large journals.
        var d = 4
        while Self.pow10(d) < keys.count * 4 { d += 1 }
        digits = d
        let space = Self.pow10(d)
        let ordered = keys.map { (Self.hash($0), $0) }
            .sorted { ($0.0, $0.1.group, $0.1.name) < ($1.0, $1.1.group, $1.1.name) }
        var taken = Set<Int>()
        for (h, key) in ordered {
            var n = Int(h % UInt64(space))
            while taken.contains(n) { n = (n + 1) % space }
            taken.insert(n)
            codes[key] = Self.format(n, digits: d)
        }
    }

    /// The pseudonym of a student; one not given to `init` gets a code from its hash alone.
    public func code(group: String?, name: String) -> String {
        let key = Key(group: group ?? "", name: name)
        if let c = codes[key] { return c }
        return Self.format(Int(Self.hash(key) % UInt64(Self.pow10(digits))), digits: digits)
    }

    private static func format(_ n: Int, digits: Int) -> String {
        let s = String(n)
        return prefix + " " + String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    private static func pow10(_ d: Int) -> Int { (0..<d).reduce(1) { a, _ in a * 10 } }

    private static func hash(_ key: Key) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.group.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        h = (h ^ 0x1F) &* 0x0000_0100_0000_01b3
        for b in key.name.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}
