/// Double lessons (сдвоенные уроки; in a college, two «пары» of one discipline on a day): a
/// group has two consecutive lessons of a subject on one weekday. In most generated groups one
/// subject with two or more lessons a week gets one such day: one of its lessons moves from
/// another day next to its lesson on that day (the weekly hours stay the same). Exports show
/// them as two rows with consecutive numbers, and a paper-style grid as a repeated day column.
enum DoubleLessons {
    /// Share of groups with a double lesson in their week.
    static let share = 0.7

    /// Moves one lesson of a chosen unit (of `hours` lessons a week) onto another day that has
    /// it; returns, per weekday, the unit doubled on that day (if any).
    static func choose(hours: [Int], perDay: inout [[Int]], maxPerDay: Int, rng: inout SplitMix64) -> [Int?] {
        var doubled = [Int?](repeating: nil, count: perDay.count)
        let candidates = hours.indices.filter { hours[$0] >= 2 }
        guard rng.chance(share), !candidates.isEmpty else { return doubled }
        let unit = candidates[rng.int(in: 0...(candidates.count - 1))]
        let days = perDay.indices.filter { perDay[$0].contains(unit) }
        guard let target = days.first(where: { perDay[$0].count < maxPerDay }),
              let source = days.last(where: { $0 != target }),
              let k = perDay[source].firstIndex(of: unit) else { return doubled }
        perDay[source].remove(at: k)
        perDay[target].append(unit)
        doubled[target] = unit
        return doubled
    }

    /// Puts the two lessons of `unit` next to each other in a shuffled day.
    static func keepTogether(_ list: inout [Int], unit: Int?) {
        guard let unit, let first = list.firstIndex(of: unit),
              let second = list.indices.last(where: { list[$0] == unit }), second > first + 1 else { return }
        list.remove(at: second)
        list.insert(unit, at: first + 1)
    }
}
