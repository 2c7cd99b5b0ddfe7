import JournalImport
import JournalModel

/// Finds the lesson a cell or a change-history row belongs to.
///
/// Lessons are declared by lesson sources: a lessons table (`занятия.csv`, a lessons log, a
/// topics file) or a per-class grid, in this import or an earlier one. Where a group and subject
/// have a lesson source, a row is attached only to a lesson it lists — a mark on a date (or at a
/// lesson number) no lesson source knows is rejected with the reason, never given a lesson of its
/// own. Where they have none (a journal made only of a marks log), the marks file is the source:
/// its rows make their lessons, and the import says so.
///
/// A row names its lesson by group, subject, date and number. When a group is split into
/// subgroups, several lessons share these, and the row belongs to the one of the row's own
/// subgroup (an optional column) or of the student's subgroup; one lesson there is taken
/// whatever its subgroup. A row without a number takes the day's only lesson; a mark without a
/// number on a day of several lessons is placed by `UnnumberedMarks` (and counted). An ambiguity
/// that cannot be resolved is a rejection of the row, never a silent pick.
/// Properties read for every cell are `@exclusivity(unchecked)`: see `RecordPipe`.
final class AttendedLessons {
    struct DayKey: Hashable { var group: Int64; var subject: Int64; var day: Int32 }
    struct Entry { var number: Int32; var subgroup: String; var id: Int64; var declared: Bool }
    struct Day { var entries: [Entry]; var covered: Bool }
    struct SubjectKey: Hashable { var group: Int64; var subject: Int64 }

    enum Match {
        case lesson(Int64)
        /// Made for this row: the file is the only source of lessons of its group and subject.
        case created(Int64)
        /// Made for a numbered row on a day that a grid or a topics file lists without numbers:
        /// the merge pairs it with that lesson, or rejects the rows on it.
        case provisional(Int64)
        /// A row without a number given the day's one numbered lesson (as good as numbered:
        /// nothing for the merge to join).
        case numbered(Int64)
        /// A mark without a number on a day of several lessons: the day's lessons of the row's
        /// subgroup, in order; `UnnumberedMarks` places it once its file is read.
        case several([Int64])
        /// Why, and the canonical column at fault.
        case rejected(String, column: String)
    }

    private let db: Database
    private let names: NameTables
    @exclusivity(unchecked) private var days: [DayKey: Day] = [:]
    @exclusivity(unchecked) private var last: (key: DayKey, day: Day)?
    @exclusivity(unchecked) private var covered: [SubjectKey: Bool] = [:]
    /// The subject `noteLesson` last marked covered (it stays so until `forgetAll`).
    @exclusivity(unchecked) private var lastCovered: SubjectKey?
    /// Lessons a lesson source of this import listed (the store marks them declared at the merge).
    @exclusivity(unchecked) private var declaredHere = IDSet()
    /// student id → subgroup ("" when none).
    @exclusivity(unchecked) private var studentSubgroups: [Int64: String] = [:]
    /// The study year as the calendar knows it (first and last day of its periods).
    private var yearSpan: ClosedRange<Int32>?
    /// Marks without a number on days of several lessons.
    private(set) var unnumberedMarks = UnnumberedMarks()
    private let findDay, findCovered, findStudentSubgroup, findTraits: Statement

    init(db: Database, names: NameTables) throws {
        self.db = db
        self.names = names
        findDay = try db.prepare("SELECT number, subgroup, id, declared FROM lesson WHERE group_id = ? AND subject_id = ? AND day = ? ORDER BY number, subgroup")
        findCovered = try db.prepare("SELECT EXISTS (SELECT 1 FROM lesson WHERE group_id = ? AND subject_id = ? AND declared = 1)")
        findStudentSubgroup = try db.prepare("SELECT COALESCE(subgroup, '') FROM student WHERE id = ?")
        findTraits = try db.prepare("SELECT start_sec, teacher_id, scheduled_teacher_id, kind FROM lesson WHERE id = ?")
        let span = try db.prepare("SELECT MIN(start_day), MAX(end_day) FROM period")
        if try span.step(), !span.isNull(0) { yearSpan = Int32(span.int(0))...Int32(span.int(1)) }
    }

    /// Whether a lesson source lists lessons of this group and subject.
    func covers(group: Int64, subject: Int64) throws -> Bool { try isCovered(SubjectKey(group: group, subject: subject)) }

    private func isCovered(_ k: SubjectKey) throws -> Bool {
        if let c = covered[k] { return c }
        if let m = names.memoryLessons {
            let c = m.hasDeclared(k)
            covered[k] = c
            return c
        }
        try findCovered.bind([.int(k.group), .int(k.subject)])
        let c = try findCovered.step() && findCovered.int(0) == 1
        findCovered.reset()
        covered[k] = c
        return c
    }

    /// The lessons already in the store (or added by this import) on one day, by number and
    /// subgroup (the order a rejection names them in).
    private func day(_ key: DayKey) throws -> Day {
        if let l = last, l.key == key { return l.day }
        if let d = days[key] { last = (key, d); return d }
        var entries: [Entry] = []
        if let m = names.memoryLessons {
            // About one day per lesson: room for them at once, not grown by rehashing.
            if days.isEmpty { days.reserveCapacity(m.count) }
            entries = m.lessons(on: key).map { Entry(number: $0.number, subgroup: $0.subgroup, id: $0.id,
                                                       declared: $0.declared || declaredHere.contains($0.id)) }
        } else {
            try findDay.bind([.int(key.group), .int(key.subject), .int(Int64(key.day))])
            while try findDay.step() {
                let id = findDay.int(2)
                entries.append(Entry(number: Int32(findDay.int(0)), subgroup: findDay.text(1), id: id,
                                     declared: findDay.int(3) == 1 || declaredHere.contains(id)))
            }
            findDay.reset()
        }
        let d = Day(entries: entries, covered: try isCovered(SubjectKey(group: key.group, subject: key.subject)))
        days[key] = d
        last = (key, d)
        return d
    }

    private func store(_ key: DayKey, _ d: Day) {
        days[key] = d
        if let l = last, l.key == key { last = (key, d) }
    }

    /// Tells of a lesson listed by a lesson source (a lessons table or a grid) in this import.
    func noteLesson(group: Int64, subject: Int64, date: LocalDate, number: Int?, subgroup: String?, id: Int64,
                    attributes a: LessonAttributes) {
        declaredHere.insert(id)
        unnumberedMarks.note(id, .init(start: a.startSec.map(Int32.init), teacher: a.teacher, scheduledTeacher: a.scheduledTeacher, kind: a.kind))
        let sk = SubjectKey(group: group, subject: subject)
        // A lessons table's rows come subject by subject: the previous row's is covered already.
        if sk != lastCovered, covered[sk] != true {
            covered[sk] = true
            // Days loaded before knew the subject as not covered.
            for (k, var d) in days where k.group == group && k.subject == subject && !d.covered {
                d.covered = true
                store(k, d)
            }
        }
        lastCovered = sk
        let key = DayKey(group: group, subject: subject, day: date.dayNumber)
        guard !days.isEmpty, var d = days[key] else { return }
        if let i = d.entries.firstIndex(where: { $0.id == id }) {
            d.entries[i].declared = true
        } else {
            d.entries.append(Entry(number: Int32(number ?? 0), subgroup: subgroup ?? "", id: id, declared: true))
        }
        store(key, d)
    }

    /// Tells of a student's subgroup given by a students table.
    func noteStudent(_ id: Int64, subgroup: String?) {
        if let subgroup { studentSubgroups[id] = subgroup }
    }

    /// Tells of a study period read by this import (the year's span grows to include it).
    func notePeriod(_ start: LocalDate, _ end: LocalDate) {
        let lo = min(yearSpan?.lowerBound ?? start.dayNumber, start.dayNumber)
        let hi = max(yearSpan?.upperBound ?? end.dayNumber, end.dayNumber)
        yearSpan = lo...hi
    }

    private func subgroup(ofStudent id: Int64) throws -> String {
        if let s = studentSubgroups[id] { return s }
        try findStudentSubgroup.bind([.int(id)])
        let s = try findStudentSubgroup.step() ? findStudentSubgroup.text(0) : ""
        findStudentSubgroup.reset()
        studentSubgroups[id] = s
        return s
    }

    /// Who a row is about: nobody, a student the journal knows, or one it does not know yet
    /// (created only once the row is accepted, so a rejected row adds no student).
    enum StudentRef { case none, known(Int64), unknown }

    /// The lesson of `group`/`subject` on `date`, lesson `number` (see `CellRecord.number`), that
    /// `student` attended. `subgroup` is the row's own subgroup, if it has one. `mayCreate`: the
    /// row may make its lesson where no lesson source covers the subject (cells may, changes not).
    /// The names are read only to word a rejection (not for every cell).
    func lesson(group: Int64, groupName: @autoclosure () -> String, subject: Int64, subjectName: @autoclosure () -> String,
                date: LocalDate, number: Int?, subgroup rowSubgroup: String?, student ref: StudentRef,
                mayCreate: Bool = true, several: Bool = false) throws -> Match {
        let key = DayKey(group: group, subject: subject, day: date.dayNumber)
        let d = try day(key)
        func place() -> String {
            "в группе «\(groupName())» по предмету «\(subjectName())» \(date)" + (number.map { $0 > 0 ? ", урок № \($0)" : "" } ?? "")
        }
        func make(_ n: Int32, declared: Bool = false) throws -> Int64 {
            let id = try names.lesson(group: group, subject: subject, date: date, number: n == 0 ? nil : Int(n), subgroup: rowSubgroup)
            var e = d
            e.entries.append(Entry(number: n, subgroup: rowSubgroup ?? "", id: id, declared: declared))
            store(key, e)
            return id
        }
        if let n = number {
            // The common case without an array: one lesson at that number, no subgroup asked for.
            if d.entries.count == 1, d.entries[0].number == Int32(n),
               rowSubgroup == nil || d.entries[0].subgroup.isEmpty || d.entries[0].subgroup == rowSubgroup {
                return .lesson(d.entries[0].id)
            }
            // A row of one of two subgroups' lessons at that number: its own (what `pick` takes).
            if let rs = rowSubgroup, let m = d.entries.first(where: { $0.number == Int32(n) && $0.subgroup == rs }) { return .lesson(m.id) }
            let exact = d.entries.filter { $0.number == Int32(n) }
            if !exact.isEmpty { return try pick(exact, place: place, rowSubgroup: rowSubgroup, ref: ref) }
            if !d.covered {
                guard mayCreate else { return .rejected(noLesson(d, date: date, number: n, place: place()), column: "Дата урока") }
                if let outside = outsideYear(date) { return .rejected("\(place()): \(outside)", column: "Дата урока") }
                return .created(try make(Int32(n)))
            }
            if mayCreate, n > 0, d.entries.contains(where: { $0.number <= 0 && $0.declared }) {
                return .provisional(try make(Int32(n)))
            }
            return .rejected(noLesson(d, date: date, number: n, place: place()), column: d.entries.isEmpty ? "Дата урока" : "Урок №")
        }
        // No number: the day's only lesson.
        if !d.covered, mayCreate {
            let unnumbered = d.entries.filter { $0.number == 0 }
            if !unnumbered.isEmpty { return try pick(unnumbered, place: place, rowSubgroup: rowSubgroup, ref: ref) }
            if let outside = outsideYear(date) { return .rejected("\(place()): \(outside)", column: "Дата урока") }
            return .created(try make(0))
        }
        let numbered = Set(d.entries.map(\.number).filter { $0 > 0 }).sorted()
        let unnumbered = Set(d.entries.map(\.number).filter { $0 <= 0 })
        if numbered.count == 1 {
            let m = try pick(d.entries.filter { $0.number == numbered[0] }, place: place, rowSubgroup: rowSubgroup, ref: ref)
            if case .lesson(let id) = m { return .numbered(id) }
            return m
        }
        if several, numbered.count > 1 || (numbered.isEmpty && unnumbered.count > 1) {
            // The k-th unnumbered lesson of a date is `-(k-1)`: 0, -1, -2, … in the day's order.
            var lessons: [Int64] = []
            for n in numbered.isEmpty ? unnumbered.sorted(by: >) : numbered {
                switch try pick(d.entries.filter { $0.number == n }, place: place, rowSubgroup: rowSubgroup, ref: ref) {
                case .lesson(let id): lessons.append(id)
                case let other: return other
                }
            }
            return .several(lessons)
        }
        if numbered.count > 1 {
            return .rejected("\(place()) несколько уроков (№ \(numbered.map(String.init).joined(separator: ", "))), а номер урока в строке не указан",
                             column: "Урок №")
        }
        if unnumbered.count == 1 { return try pick(d.entries, place: place, rowSubgroup: rowSubgroup, ref: ref) }
        if unnumbered.count > 1 {
            return .rejected("\(place()) \(unnumbered.count) урока без номеров (сдвоенный урок), а номер урока в строке не указан", column: "Урок №")
        }
        return .rejected(noLesson(d, date: date, number: nil, place: place()), column: "Дата урока")
    }

    /// Holds a mark `lesson` answered `.several` for (placed by `placeHeldMarks`).
    func hold(_ row: UnnumberedMarks.Held, group: Int64, subject: Int64, date: LocalDate, lessons: [Int64]) {
        unnumberedMarks.hold(row, day: DayKey(group: group, subject: subject, day: date.dayNumber), lessons: lessons)
    }

    /// Places the marks held since the last call (`UnnumberedMarks`).
    func placeHeldMarks() throws -> [UnnumberedMarks.Placed] { try unnumberedMarks.place(stored: storedTraits) }

    /// The traits of a lesson an earlier import made (this import's are noted by `noteLesson`).
    private func storedTraits(_ id: Int64) throws -> UnnumberedMarks.Traits {
        try findTraits.bind([.int(id)])
        defer { findTraits.reset() }
        guard try findTraits.step() else { return .init() }
        return .init(start: findTraits.optInt(0).map(Int32.init), teacher: findTraits.optInt(1), scheduledTeacher: findTraits.optInt(2),
                     kind: findTraits.isNull(3) ? nil : findTraits.text(3))
    }

    /// Why there is no lesson for a row: what the day has, and whether the date is in the year.
    private func noLesson(_ d: Day, date: LocalDate, number: Int?, place: String) -> String {
        let outside = outsideYear(date).map { "; \($0)" } ?? ""
        let numbered = Set(d.entries.map(\.number).filter { $0 > 0 }).sorted()
        if d.entries.isEmpty {
            return "\(place): урока нет ни в одном файле с уроками (занятия, темы, сетка)\(outside)"
        }
        if numbered.isEmpty {
            return "\(place): такого урока нет — в файлах с уроками в этот день \(d.entries.count == 1 ? "один урок" : "\(d.entries.count) урока") без номера"
        }
        return "\(place): такого урока нет в файлах с уроками (в этот день есть: № \(numbered.map(String.init).joined(separator: ", ")))"
    }

    /// Why `date` cannot hold a lesson by the calendar (outside its study periods), if so.
    func outsideYear(_ date: LocalDate) -> String? {
        guard let y = yearSpan, !y.contains(date.dayNumber) else { return nil }
        return "дата вне учебного года по календарю (\(LocalDate(dayNumber: y.lowerBound))–\(LocalDate(dayNumber: y.upperBound)))"
    }

    /// One of the lessons at one number of the day, by the row's or the student's subgroup.
    private func pick(_ s: [Entry], place: () -> String, rowSubgroup: String?, ref: StudentRef) throws -> Match {
        // One lesson: the row's; a row of another subgroup than the lesson's is not taken.
        if s.count == 1, rowSubgroup == nil || s[0].subgroup.isEmpty || s[0].subgroup == rowSubgroup { return .lesson(s[0].id) }
        // Worded only for a rejection: a row of one of two subgroups' lessons (a fifth of a
        // college's cells) finds its lesson without it.
        func list() -> String { s.map { $0.subgroup.isEmpty ? "вся группа" : "подгруппа «\($0.subgroup)»" }.joined(separator: ", ") }
        if let rowSubgroup {
            if let m = s.first(where: { $0.subgroup == rowSubgroup }) { return .lesson(m.id) }
            return .rejected("\(place()) нет занятия подгруппы «\(rowSubgroup)» (есть: \(list()))", column: "Подгруппа")
        }
        let own: String
        switch ref {
        case .none: return .rejected("\(place()) несколько занятий (\(list())); укажите подгруппу в столбце «Подгруппа»", column: "Дата урока")
        case .known(let student): own = try subgroup(ofStudent: student)
        case .unknown: own = ""   // a student the journal does not know has no subgroup yet
        }
        if !own.isEmpty, let m = s.first(where: { $0.subgroup == own }) { return .lesson(m.id) }
        let whole = s.filter { $0.subgroup.isEmpty }
        if whole.count == 1 { return .lesson(whole[0].id) }
        if own.isEmpty {
            return .rejected("\(place()) несколько занятий (\(list())), а подгруппа обучающегося не указана; "
                             + "заполните «Подгруппа» в обучающиеся.csv или в этой строке", column: "Обучающийся")
        }
        return .rejected("\(place()) нет занятия подгруппы обучающегося «\(own)» (есть: \(list()))", column: "Обучающийся")
    }

    /// Forgets every cached lesson and student (after a savepoint was rolled back).
    func forgetAll() {
        days.removeAll()
        last = nil
        covered.removeAll()
        lastCovered = nil
        studentSubgroups.removeAll()
        declaredHere.removeAll()
        unnumberedMarks.forget()
    }
}
