import Foundation
import JournalModel

/// Lookups for the neighbour, plan-versus-fact and "who" fields (built once per journal with
/// `JournalIndex`): subgroups, a student's cells in date order, period marks by student ×
/// subject × period, load and КТП by group × subject, the bell schedule's last slot.
final class NeighbourIndex: @unchecked Sendable {
    /// Subgroup of each lesson as an index into `subgroupNames` (-1: the whole group).
    let lessonSub: [Int32]
    let subgroupNames: [String]
    /// All cells (absences included) of each student × subject, sorted by lesson date and number.
    let cellsBySS: SortedCells
    /// Period mark of student × subject × period.
    let periodMarkBySSP: [Int64: Int32]
    /// Load rows and КТП rows (by ordinal) of each group × subject.
    let loadByGS: [Int64: [Int32]]
    let planByGS: [Int64: [Int32]]
    /// Number of distinct subjects the group has lessons of on a day (group × day).
    let subjectsOnDay: [Int64: Int32]
    /// End of the last bell slot, seconds since midnight (nil without a bell schedule).
    let lastBell: Int64?
    /// Lessons of each group, and the lessons each teacher is responsible for, by date.
    let lessonsByGroup: [[Int32]]
    let lessonsByTeacher: [[Int32]]
    /// Stem sets of КТП topics, built on first use (only rules about КТП topics need them), and
    /// the best КТП row found for each lesson (a rule reads it in its filter, condition and message).
    let planWords = PlanWords()
    let bestPlan = Memo<Int32, (item: Int32, similarity: Double)?>()

    /// `cellSSKey`, `cellOrderKey`: each cell's student × subject and lesson key
    /// (`JournalIndex.cellSSKey`). Built on two threads (`ParallelPair`): all cells sorted by
    /// student × subject and date on one, the lookups of lessons, plan, load and period marks on
    /// the other — the first rule to ask waits for both, and the thread of another rule would
    /// otherwise wait idle (college: 0.10 s of a whole pack's check). Each half writes only its
    /// own locals; both read the journal.
    init(journal j: Journal, cellSSKey: [Int64], cellOrderKey: [Int64]) {
        var cells: SortedCells?
        var sub: [Int32] = [], names: [String] = [], pm: [Int64: Int32] = [:]
        var load: [Int64: [Int32]] = [:], plan: [Int64: [Int32]] = [:], subjects: [Int64: Int32] = [:]
        var byGroup: [[Int32]] = [], byTeacher: [[Int32]] = []
        ParallelPair.run({
            cells = SortedCells(Array(j.cells.indices), group: cellSSKey, order: cellOrderKey)
        }, {
            (sub, names) = NeighbourIndex.subgroups(j)
            for (i, m) in j.periodMarks.enumerated() {
                guard let p = m.period else { continue }
                pm[JournalIndex.key3(m.student, m.subject, p)] = Int32(i)
            }
            for (i, l) in j.load.enumerated() { load[JournalIndex.key(l.group, l.subject), default: []].append(Int32(i)) }
            for (i, p) in j.plan.enumerated() { plan[JournalIndex.key(p.group, p.subject), default: []].append(Int32(i)) }
            for k in plan.keys { plan[k]?.sort { j.plan[Int($0)].ordinal < j.plan[Int($1)].ordinal } }
            var perDay: [Int64: Set<Int32>] = [:]
            for li in j.lessons.indices {
                perDay[JournalIndex.key(j.lessons[li].group, j.lessons[li].date.dayNumber), default: []].insert(j.lessons[li].subject)
            }
            subjects = perDay.mapValues { Int32($0.count) }
            (byGroup, byTeacher) = NeighbourIndex.lessonsByDate(j)
        })
        lessonSub = sub
        subgroupNames = names
        cellsBySS = cells!
        periodMarkBySSP = pm
        loadByGS = load
        planByGS = plan
        subjectsOnDay = subjects
        lastBell = j.calendar.bells.map { Int64($0.end.seconds) }.max()
        lessonsByGroup = byGroup
        lessonsByTeacher = byTeacher
    }

    /// Each lesson's subgroup as an index into the names (-1: the whole group), and the names.
    private static func subgroups(_ j: Journal) -> ([Int32], [String]) {
        var names: [String] = []
        var ids: [String: Int32] = [:]
        let sub = j.lessons.map { l -> Int32 in
            guard let s = l.subgroup?.trimmingSpaces(), !s.isEmpty else { return -1 }
            if let id = ids[s] { return id }
            let id = Int32(names.count)
            names.append(s)
            ids[s] = id
            return id
        }
        return (sub, names)
    }

    /// The lessons of each group and of each responsible teacher, by date and number.
    private static func lessonsByDate(_ j: Journal) -> ([[Int32]], [[Int32]]) {
        let byDate = j.lessons.indices.sorted {
            (j.lessons[$0].date.dayNumber, j.lessons[$0].number ?? 0, $0) < (j.lessons[$1].date.dayNumber, j.lessons[$1].number ?? 0, $1)
        }
        var byGroup = [[Int32]](repeating: [], count: j.groups.count)
        var byTeacher = [[Int32]](repeating: [], count: j.teachers.count)
        for li in byDate {
            let l = j.lessons[li]
            if Int(l.group) < byGroup.count { byGroup[Int(l.group)].append(Int32(li)) }
            if let t = l.responsibleTeacher, Int(t) < byTeacher.count { byTeacher[Int(t)].append(Int32(li)) }
        }
        return (byGroup, byTeacher)
    }

    /// True when a lesson of subgroup `b` is attended by the students of subgroup `a`: the same
    /// subgroup, or either is the whole group.
    static func compatible(_ a: Int32, _ b: Int32) -> Bool { a < 0 || b < 0 || a == b }

    func subgroupName(_ id: Int32) -> String? { id >= 0 && Int(id) < subgroupNames.count ? subgroupNames[Int(id)] : nil }
}

/// Words of КТП topics, stemmed once (a journal's plan is matched against every lesson topic).
final class PlanWords: @unchecked Sendable {
    private var stems: [Int32: Set<String>] = [:]
    private let lock = NSLock()

    func of(_ planItem: Int32, _ topic: String) -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        if let s = stems[planItem] { return s }
        let s = TopicWords.stems(topic)
        stems[planItem] = s
        return s
    }
}

/// Topic comparison as a methodologist does it: the words that carry meaning, their stems.
enum TopicWords {
    /// Lower case, «ё» → «е», words of 3+ letters cut to their first 5 letters; numbering
    /// («Урок 5», «ПЗ № 3», «Тема 2.») is dropped with the digits.
    static func stems(_ text: String) -> Set<String> {
        var out = Set<String>()
        let words = text.lowercased().replacingOccurrences(of: "ё", with: "е").split { !$0.isLetter }
        for w in words where w.count >= 3 && !skipped.contains(String(w)) { out.insert(String(w.prefix(5))) }
        return out
    }

    /// Words of numbering and lesson kinds that say nothing about the topic.
    static let skipped: Set<String> = ["урок", "уроки", "занятие", "тема", "пз", "лр", "практическое", "лабораторная",
                                       "раздел", "глава", "часть"]

    /// Share (0–100) of the shorter text's stems found in the other; 100 when both have none.
    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        if a.isEmpty && b.isEmpty { return 100 }
        let small = a.count <= b.count ? a : b, large = a.count <= b.count ? b : a
        guard !small.isEmpty else { return 0 }
        return Double(small.intersection(large).count) * 100 / Double(small.count)
    }
}

/// A lock-protected cache of values computed on first use.
final class Memo<Key: Hashable, V>: @unchecked Sendable {
    private var values: [Key: V] = [:]
    private let lock = NSLock()

    func get(_ k: Key, _ make: () -> V) -> V {
        lock.lock()
        if let v = values[k] { lock.unlock(); return v }
        lock.unlock()
        let v = make()
        lock.lock()
        values[k] = v
        lock.unlock()
        return v
    }
}
