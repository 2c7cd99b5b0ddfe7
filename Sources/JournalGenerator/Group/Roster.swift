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

    /// In the group for part of `term` only: joined or left in its middle (at least three weeks
    /// from the far end, so no reading of «from the start» or «to the end» can include it).
    func isPartly(in term: StudyPeriod) -> Bool {
        !isIn(term) && enrolled <= term.end && (left.map { $0 >= term.start } ?? true)
    }
}

enum Roster {
    /// A day of `term` at least `from` days after its start and `toEnd` days before its end.
    static func midTerm(_ term: StudyPeriod, from: Int, toEnd: Int, rng: inout SplitMix64) -> LocalDate {
        let span = term.start.days(until: term.end) - from - toEnd
        return term.start.adding(days: from + (span > 0 ? rng.int(in: 0...span) : 0))
    }

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
        // Mid-period movers: one who joins at least three weeks into a period, one who leaves at
        // least three weeks before its end. Their marks in that period are few; no rule may judge
        // the period as if they had been there throughout (issue 12).
        if rng.chance(0.4) {
            let term = terms[rng.int(in: 0...(terms.count - 1))]
            add(enrolled: midTerm(term, from: 21, toEnd: 14, rng: &rng), left: nil)
        }
        if rng.chance(0.3), let i = result.indices.filter({ result[$0].left == nil && result[$0].enrolled == year.year.start }).first {
            let term = terms[rng.int(in: 0...(terms.count - 1))]
            result[i].left = midTerm(term, from: 14, toEnd: 21, rng: &rng)
        }
        result.sort { $0.name < $1.name }
        if split {
            for i in result.indices { result[i].subgroup = i < (result.count + 1) / 2 ? "1" : "2" }
        }
        return result
    }
}
