import JournalImport
import JournalModel

/// Places the mark rows that give no lesson number on a day when the group has several lessons of
/// the subject (a double lesson, two «пары»). Exports that print the lesson's date alone are
/// common; rejecting their rows on such days lost the marks, and the counting rules then made
/// false findings («мало отметок за период», «не опрошен повторно»).
///
/// Such rows are held until their file is read, then placed together, per student and day:
/// 1. each row takes a lesson of its own (two marks of one day are marks of two lessons, even
///    when they are alike: a teacher gives the same «4» for both halves of a double lesson in one
///    minute); rows beyond the day's lessons, the file's last ones, are rejected — so a file glued
///    from two exports loses nothing on such a day;
/// 2. a lesson that began after the mark was entered (entered that day, the time known) is not
///    the mark's;
/// 3. a mark goes, where it can, to a lesson its author taught (or, when the author taught none
///    of them, was scheduled to teach); then to the one lesson whose kind is its work type
///    («контрольная работа»; «практическая работа» for «практическое занятие», `sameKind`);
/// 4. what is still open follows the file's order: the student's first row of the day takes the
///    earliest lesson it can. A system that leaves the number out still writes its rows in its
///    own order, lesson by lesson; the order of entry was tried instead and placed a mark entered
///    ten days late after one entered in class (a college's «5» moved from a lecture to a
///    practical lesson, a false нарушение of hexlet's п. 4.5).
///
/// The rows are placed together, so a later row's time can move an earlier one (steps 2–3 hold
/// for all the student's rows of the day at once). The lessons of a day differ for the rules in
/// their teacher, kind, topic and start: where the steps above cannot tell them apart, findings
/// about the cell (not about the day) can name the other lesson of the pair; the import counts
/// the rows placed this way. Each file is placed on its own, so a weekly re-export's rows take
/// the same lessons as the first export's.
///
/// Not a step: «the lesson during which the mark was entered». Tried on generated schools, it put
/// a lesson's mark entered during the next lesson of the pair on that next one: a «2» moved to
/// the first lesson after the holidays (a false finding on a clean journal), and 9 of 32,335
/// замечаний were lost on another school.
struct UnnumberedMarks {
    /// What the placement reads of a lesson.
    struct Traits { var start: Int32? = nil, teacher: Int64? = nil, scheduledTeacher: Int64? = nil, kind: String? = nil }

    /// A row held until its file is read.
    struct Held {
        var line: Int
        var record: CellRecord
        var student: Int64
        var workType: String?
        var author: Int64?
    }

    /// A held row, placed: its lesson, or nil when the day has fewer lessons than the student's rows.
    struct Placed { var held: Held; var lesson: Int64?; var lessonsOfDay: Int }

    private struct Key: Hashable { var day: AttendedLessons.DayKey; var student: Int64 }

    /// Lessons listed by a lesson source of this import (kept past `forget`: the lessons stay).
    private var traits: [Int64: Traits] = [:]
    private var held: [Key: (lessons: [Int64], rows: [Held])] = [:]
    /// Rows placed on a day of several lessons (the import reports them).
    private(set) var count = 0
    /// `sameKind` by work type and kind (a school has a few of each; folding them for every
    /// row and lesson took most of a college's placement time).
    private var kinds: [String: Bool] = [:]

    mutating func note(_ lesson: Int64, _ t: Traits) {
        if traits[lesson] == nil { traits[lesson] = t }
    }

    /// Forgets the held rows (their file is read again).
    mutating func forget() { held.removeAll() }

    mutating func hold(_ row: Held, day: AttendedLessons.DayKey, lessons: [Int64]) {
        held[Key(day: day, student: row.student), default: (lessons, [])].rows.append(row)
    }

    /// Places the rows held so far (in line order) and forgets them. `stored` reads the traits of
    /// a lesson an earlier import made.
    mutating func place(stored: (Int64) throws -> Traits) throws -> [Placed] {
        var out: [Placed] = []
        for (key, day) in held {
            var t: [Int64: Traits] = [:]
            for l in day.lessons { t[l] = try traits[l] ?? stored(l) }
            let kept = day.rows.sorted { $0.line < $1.line }
            let lessons = Self.assign(Array(kept.prefix(day.lessons.count)), to: day.lessons, traits: t, day: key.day.day) { work, kind in
                let k = work + "\u{0}" + kind
                if let same = kinds[k] { return same }
                let same = Self.sameKind(work, kind)
                kinds[k] = same
                return same
            }
            for (i, row) in kept.enumerated() {
                out.append(Placed(held: row, lesson: i < lessons.count ? lessons[i] : nil, lessonsOfDay: day.lessons.count))
            }
        }
        held.removeAll()
        count += out.filter { $0.lesson != nil }.count
        return out.sorted { $0.held.line < $1.held.line }
    }

    /// One lesson for each row (no more rows than lessons; the rows in the file's order): the
    /// steps of the type's comment.
    static func assign(_ rows: [Held], to lessons: [Int64], traits t: [Int64: Traits], day: Int32,
                       sameKind: (String, String) -> Bool = sameKind) -> [Int64] {
        func allowed(_ r: Held, _ l: Int64) -> Bool {
            guard let at = r.record.enteredAt, !at.isDayOnly, at.date.dayNumber == day, let start = t[l]?.start else { return true }
            return start <= at.time.seconds
        }
        // Each row's score on each lesson, worked out once.
        let scores: [[Int]] = rows.map { r in
            var s = [Int](repeating: 0, count: lessons.count)
            if let a = r.author {
                let taught = lessons.contains { t[$0]?.teacher == a }
                for (i, l) in lessons.enumerated() where taught ? t[l]?.teacher == a : t[l]?.scheduledTeacher == a { s[i] += 2 }
            }
            if let work = r.workType, !work.isEmpty {
                let same = lessons.indices.filter { i in t[lessons[i]]?.kind.map { sameKind(work, $0) } ?? false }
                if same.count == 1 { s[same[0]] += 1 }
            }
            return s
        }
        // Every way to give the rows (in the file's order) distinct lessons, in lesson order: the
        // first of the best keeps the file's order where the scores tie. A day has two or three
        // lessons of a subject; past six, the rows simply take the earliest lessons they may.
        var best: (score: Int, lessons: [Int])?
        var chosen: [Int] = [], used = Set<Int>()
        func walk(_ k: Int, _ s: Int, respectTime: Bool) {
            if k == rows.count {
                if best == nil || s > best!.score { best = (s, chosen) }
                return
            }
            for i in lessons.indices where !used.contains(i) && (!respectTime || allowed(rows[k], lessons[i])) {
                chosen.append(i); used.insert(i)
                walk(k + 1, s + scores[k][i], respectTime: respectTime)
                chosen.removeLast(); used.remove(i)
            }
        }
        if lessons.count <= 6 {
            walk(0, 0, respectTime: true)
            if best == nil { walk(0, 0, respectTime: false) }   // times that no placement meets
        }
        return (best?.lessons ?? Array(lessons.indices.prefix(rows.count))).map { lessons[$0] }
    }

    /// Whether a work type names a lesson kind: «контрольная работа» and «Контрольная работа»,
    /// «практическая работа» and «практическое занятие», «лабораторная работа» and «лабораторное
    /// занятие» — first words alike but for their ending (six letters or more in common).
    static func sameKind(_ work: String, _ kind: String) -> Bool {
        func first(_ s: String) -> [Character] {
            Array(s.lowercased().replacingOccurrences(of: "ё", with: "е").split(whereSeparator: { !$0.isLetter }).first ?? "")
        }
        let (a, b) = (first(work), first(kind))
        if a == b { return !a.isEmpty }
        let common = zip(a, b).prefix { $0 == $1 }.count
        return common >= 6 && a.count - common <= 2 && b.count - common <= 2
    }
}
