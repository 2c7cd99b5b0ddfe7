import JournalModel

/// A student of a generated group.
struct StudentPlan: Sendable {
    var name: String
    var code: String
    var subgroup: String
    var enrolled: LocalDate
    var left: LocalDate?
    /// Chance to miss a whole study day.
    var absence: Double
    /// The student's typical mark (2.6 … 4.8).
    var ability: Double

    /// Enrolled for the whole of `term` (movers join on a term's first day and leave on a
    /// term's last day, so a student is in a term either entirely or not at all).
    func isIn(_ term: StudyPeriod) -> Bool {
        enrolled <= term.start && (left.map { $0 >= term.end } ?? true)
    }

    func isEnrolled(on d: LocalDate) -> Bool { enrolled <= d && (left.map { d <= $0 } ?? true) }
}

enum Roster {
    /// Students of a group: unique names, codes, subgroups, a few who join or leave at term
    /// boundaries.
    static func make(group: GroupPlan, groupNumber: Int, year: StudyYear, split: Bool,
                     rng: inout SplitMix64) -> [StudentPlan] {
        var names = Set<String>()
        var result: [StudentPlan] = []
        let terms = year.terms
        var k = 0
        func add(enrolled: LocalDate, left: LocalDate?) {
            var name = NameCatalog.student(&rng)
            while names.contains(name) { name = NameCatalog.student(&rng) }
            names.insert(name)
            k += 1
            let code = "\(groupNumber * 1000 + k)"
            result.append(StudentPlan(name: name, code: code, subgroup: "", enrolled: enrolled, left: left,
                                      absence: 0.01 + rng.unit() * 0.08, ability: 2.9 + rng.unit() * 1.9))
        }
        for _ in 0..<group.studentCount {
            var left: LocalDate?
            if rng.chance(0.03) { left = terms[rng.int(in: 0...(terms.count - 2))].end }
            add(enrolled: year.year.start, left: left)
        }
        let newcomers = rng.chance(0.5) ? rng.int(in: 1...2) : 0
        for _ in 0..<newcomers { add(enrolled: terms[rng.int(in: 1...(terms.count - 1))].start, left: nil) }
        result.sort { $0.name < $1.name }
        if split {
            for i in result.indices { result[i].subgroup = i < (result.count + 1) / 2 ? "1" : "2" }
        }
        return result
    }
}
