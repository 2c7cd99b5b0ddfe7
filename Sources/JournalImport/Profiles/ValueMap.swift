import JournalModel

/// `[словарь: Столбец]` of a profile: what the values of one canonical column mean, written
/// as `каноническое значение = вариант; вариант; /регулярное выражение/`.
///
///     [словарь: Вид работы]
///     устный ответ = Ответ на уроке; Устно
///     контрольная работа = /К\.?\s*Р\.?/
///     иначе = как есть
///
/// A value is compared with each line's variants and with the canonical value itself (case,
/// «ё», spaces and a final dot do not matter), and matched whole by its expressions (case does
/// not matter). A value no line matches is rejected, unless `иначе = как есть` keeps it or
/// `иначе = значение` gives one; a value two lines match with different meanings is rejected.
public struct ValueMap: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var value: String
        public var variants: [String]
        public var patterns: [String]
        public var line: Int
    }

    public enum Otherwise: Sendable, Equatable {
        case reject
        case keep
        case value(String)
    }

    /// The canonical column (as written in the section's name).
    public var column: String
    public var entries: [Entry] = []
    public var otherwise: Otherwise = .reject
    /// The profile file and the line of the section, for messages.
    public var file: String
    public var line: Int
}

/// A `ValueMap` with its expressions compiled, remembering what each distinct text meant.
final class ValueMatcher {
    enum Outcome: Equatable {
        case value(String)
        /// The message of a rejection.
        case problem(String)
    }

    let map: ValueMap
    private let entries: [(value: String, keys: Set<String>, regexes: [BoundedRegex])]
    private var memo: [String: Outcome] = [:]

    init(_ map: ValueMap) {
        self.map = map
        entries = map.entries.map { e in
            (e.value, Set(([e.value] + e.variants).map(CanonicalTable.normalize)),
             // The whole value must match, in any case; every match under a step budget.
             e.patterns.compactMap { try? BoundedRegex("^(?:" + $0 + ")$", caseInsensitive: true) })
        }
    }

    func outcome(_ text: String) -> Outcome {
        if let o = memo[text] { return o }
        let o = compute(text)
        if memo.count < 10_000 { memo[text] = o }
        return o
    }

    private func compute(_ text: String) -> Outcome {
        let key = CanonicalTable.normalize(text)
        let trimmed = text.trimmingSpaces()
        var found: [String] = []
        for e in entries {
            var hit = e.keys.contains(key)
            for re in e.regexes where !hit {
                switch re.firstMatch(in: trimmed) {
                case .match: hit = true
                case .noMatch: break
                case .exceeded:
                    return .problem("значение «\(trimmed.prefix(80))» не удалось сопоставить со словарём «\(map.column)»: " + re.exceededReason
                                    + " (\(map.file):\(map.line))")
                }
            }
            if hit, !found.contains(e.value) { found.append(e.value) }
        }
        let place = "\(map.file):\(map.line)"
        if found.count > 1 {
            return .problem("значение «\(trimmed)» подходит к нескольким строкам словаря «\(map.column)» ("
                            + found.map { "«\($0)»" }.joined(separator: ", ") + ") — уточните словарь в профиле (\(place))")
        }
        if let v = found.first { return .value(v) }
        switch map.otherwise {
        case .keep: return .value(trimmed)
        case .value(let v): return .value(v)
        case .reject:
            return .problem("значение «\(trimmed)» не найдено в словаре «\(map.column)» профиля (\(place)): допустимо "
                            + map.entries.map { "«\($0.value)»" }.joined(separator: ", ")
                            + "; добавьте его в словарь или строку «иначе = как есть»")
        }
    }
}
