import JournalImport
import JournalModel

/// Numbers for lesson rows that carry none (a topics file, a lessons log without «Урок №»):
/// the bell slot when the row's start time is a bell's start (`звонки.csv`), else the row's
/// place among the file's rows of that date (`-k` for the k-th, see `LessonRecord.number`), so
/// that two rows of one date are two lessons — a double lesson — that the merge pairs with the
/// day's numbered lessons in order. A row that repeats an earlier row of the date word for word
/// is the same lesson (reported as a repeated row).
struct UnnumberedLessons {
    private struct DayKey: Hashable { var file: Int64; var group: Int64; var subject: Int64; var subgroup: String; var day: Int32 }
    private var bells: [Int32: Int] = [:]
    private var rows: [DayKey: [String]] = [:]
    /// Rows numbered by their bell slot.
    private(set) var byBell = 0

    init(db: Database) throws {
        let s = try db.prepare("SELECT number, start_sec FROM bell")
        while try s.step() { bells[Int32(s.int(1))] = Int(s.int(0)) }
    }

    mutating func noteBell(_ b: BellSlot) { bells[b.start.seconds] = b.number }

    mutating func number(of l: LessonRecord, file: Int64, group: Int64, subject: Int64, names: NameTables) -> Int {
        if let start = l.start, let n = bells[start.seconds] {
            byBell += 1
            return n
        }
        let key = DayKey(file: file, group: group, subject: subject, subgroup: l.subgroup ?? "", day: l.date.dayNumber)
        let signature = [l.start?.description, l.end?.description, l.scheduledTeacher.map(names.text), l.teacher.map(names.text), l.topic, l.lessonKind, l.homework,
                         l.recordedAt?.description, l.topicEnteredAt?.description, l.homeworkEnteredAt?.description,
                         l.substitutionEnteredAt?.description, l.enteredBy.map(names.text)].map { $0 ?? "\u{1}" }.joined(separator: "\u{0}")
        var seen = rows[key, default: []]
        if let k = seen.firstIndex(of: signature) { return -k }
        seen.append(signature)
        rows[key] = seen
        return -(seen.count - 1)
    }
}
