import Findings
import JournalGenerator

/// The natural key both sides are compared on: `group|subject|date|lesson_no|student|period`
/// (ISO date; empty parts where the entity has none).
struct NaturalKey: Hashable, Comparable, CustomStringConvertible, Sendable {
    var group: String
    var subject: String
    var date: String
    var lessonNumber: String
    var student: String
    var period: String

    var description: String { [group, subject, date, lessonNumber, student, period].joined(separator: "|") }
    static func < (a: NaturalKey, b: NaturalKey) -> Bool { a.description < b.description }

    init(group: String, subject: String, date: String, lessonNumber: String, student: String, period: String) {
        self.group = group
        self.subject = subject
        self.date = date
        self.lessonNumber = lessonNumber
        self.student = student
        self.period = period
    }

    /// `dd.mm.yyyy` in the ground truth becomes ISO.
    init(_ e: GroundTruthEntry) {
        let d = Array(e.lessonDate)
        let iso = d.count == 10 ? String(d[6..<10]) + "-" + String(d[3..<5]) + "-" + String(d[0..<2]) : ""
        self.init(group: e.group, subject: e.subject, date: iso, lessonNumber: e.lessonNumber.map(String.init) ?? "",
                  student: e.student, period: e.period)
    }

    /// The finding key after `RULE-ID:` — a lesson `group|subject|date|no`, a cell
    /// `group|subject|date|no|student`, a period mark `group|subject|period|student`, or a
    /// change `target|group|subject|date|student|changed_at` (no lesson number: `nil`).
    init?(finding f: Finding) {
        guard let colon = f.key.firstIndex(of: ":") else { return nil }
        let p = f.key[f.key.index(after: colon)...].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let isDate = { (s: String) in s.count == 10 && s.dropFirst(4).first == "-" && s.first?.isNumber == true }
        switch p.count {
        case 6: self.init(group: p[1], subject: p[2], date: p[3], lessonNumber: "", student: p[4], period: "")
        case 5: self.init(group: p[0], subject: p[1], date: p[2], lessonNumber: p[3], student: p[4], period: "")
        case 4 where isDate(p[2]): self.init(group: p[0], subject: p[1], date: p[2], lessonNumber: p[3], student: "", period: "")
        case 4: self.init(group: p[0], subject: p[1], date: "", lessonNumber: "", student: p[3], period: p[2])
        default: return nil
        }
    }

    /// Change keys carry no lesson number: the ground truth side drops it too.
    var withoutLessonNumber: NaturalKey {
        var k = self
        k.lessonNumber = ""
        return k
    }
}

/// Counts per key (an entity may appear twice on one side, e.g. two changes of one cell).
struct KeyBag: Sendable {
    var counts: [NaturalKey: Int] = [:]
    var total: Int { counts.values.reduce(0, +) }
    mutating func add(_ k: NaturalKey) { counts[k, default: 0] += 1 }

    /// Entries of `self` not matched in `other`, with multiplicity.
    func minus(_ other: KeyBag) -> [NaturalKey] {
        counts.flatMap { k, n in Array(repeating: k, count: max(0, n - (other.counts[k] ?? 0))) }.sorted()
    }

    func matched(_ other: KeyBag) -> Int { counts.reduce(0) { $0 + min($1.value, other.counts[$1.key] ?? 0) } }
}
