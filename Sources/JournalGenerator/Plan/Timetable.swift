/// A group's weekly timetable: for each study weekday, the lesson numbers and the series
/// taught at each (two series share a slot when a subject is split into subgroups).
struct Timetable: Sendable {
    struct Slot: Sendable {
        var number: Int
        var series: [Int]
    }

    /// Index 0 = Monday … 6 = Sunday.
    var days: [[Slot]]

    /// Spreads each subject over distinct days where it can, keeping days balanced.
    init(group: GroupPlan, studyWeekDays: Int, maxPerDay: Int, rng: inout SplitMix64) {
        // Units: subjects with the series that share their slots.
        var units: [(hours: Int, series: [Int])] = []
        for (i, s) in group.series.enumerated() {
            if let u = units.firstIndex(where: { group.series[$0.series[0]].subject.name == s.subject.name }) {
                units[u].series.append(i)
            } else {
                units.append((s.subject.lessonsPerWeek, [i]))
            }
        }
        let order = units.indices.sorted { units[$0].hours != units[$1].hours ? units[$0].hours > units[$1].hours : $0 < $1 }
        let offset = rng.int(in: 0...(studyWeekDays - 1))
        var perDay = Array(repeating: [Int](), count: studyWeekDays)
        for u in order {
            for _ in 0..<units[u].hours {
                var best: Int?
                var bestKey = Int.max
                for k in 0..<studyWeekDays {
                    let d = (k + offset) % studyWeekDays
                    guard perDay[d].count < maxPerDay else { continue }
                    let key = (perDay[d].contains(u) ? 1000 : 0) + perDay[d].count
                    if key < bestKey { best = d; bestKey = key }
                }
                guard let day = best else { preconditionFailure("timetable overflow for \(group.name)") }
                perDay[day].append(u)
            }
        }
        let doubled = DoubleLessons.choose(hours: units.map(\.hours), perDay: &perDay, maxPerDay: maxPerDay, rng: &rng)
        days = Array(repeating: [], count: 7)
        for d in 0..<studyWeekDays {
            var list = perDay[d]
            rng.shuffle(&list)
            DoubleLessons.keepTogether(&list, unit: doubled[d])
            days[d] = list.enumerated().map { Slot(number: $0.offset + 1, series: units[$0.element].series) }
        }
    }
}
