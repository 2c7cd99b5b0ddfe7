import JournalImport
import JournalModel

/// Finds the lesson a cell or a change-history row belongs to. Marks tables name a lesson by
/// group, subject, date and number; when a group is split into subgroups, several lessons share
/// these, and the row belongs to the one of the row's own subgroup (an optional column) or of
/// the student's subgroup. One lesson in the slot is taken whatever its subgroup; no lesson at
/// all creates one for the whole group (grids and marks logs that have no lessons table).
/// An ambiguity that cannot be resolved is a rejection of the row, never a silent pick.
/// Properties read for every cell are `@exclusivity(unchecked)`: see `RecordPipe`.
final class AttendedLessons {
    struct SlotKey: Hashable { var group: Int64; var subject: Int64; var day: Int32; var number: Int32 }
    typealias Slot = [(subgroup: String, id: Int64)]

    enum Match {
        case lesson(Int64)
        /// Why, and the canonical column at fault.
        case rejected(String, column: String)
    }

    private let db: Database
    private let names: NameTables
    @exclusivity(unchecked) private var slots: [SlotKey: Slot] = [:]
    @exclusivity(unchecked) private var last: (key: SlotKey, slot: Slot)?
    /// student id → subgroup ("" when none).
    @exclusivity(unchecked) private var studentSubgroups: [Int64: String] = [:]
    private let findSlot, findStudentSubgroup: Statement

    init(db: Database, names: NameTables) throws {
        self.db = db
        self.names = names
        findSlot = try db.prepare("SELECT subgroup, id FROM lesson WHERE group_id = ? AND subject_id = ? AND day = ? AND number = ?")
        findStudentSubgroup = try db.prepare("SELECT COALESCE(subgroup, '') FROM student WHERE id = ?")
    }

    /// The lessons already in the store (or added by this import) at one slot.
    private func slot(_ key: SlotKey) throws -> Slot {
        if let l = last, l.key == key { return l.slot }
        if let s = slots[key] { last = (key, s); return s }
        try findSlot.bind([.int(key.group), .int(key.subject), .int(Int64(key.day)), .int(Int64(key.number))])
        var s: Slot = []
        while try findSlot.step() { s.append((findSlot.text(0), findSlot.int(1))) }
        findSlot.reset()
        slots[key] = s
        last = (key, s)
        return s
    }

    /// Tells of a lesson added or found by a lessons table (keeps the loaded slots complete).
    func noteLesson(group: Int64, subject: Int64, date: LocalDate, number: Int?, subgroup: String?, id: Int64) {
        let key = SlotKey(group: group, subject: subject, day: date.dayNumber, number: Int32(number ?? 0))
        guard var s = slots[key], !s.contains(where: { $0.id == id }) else { return }
        s.append((subgroup ?? "", id))
        slots[key] = s
        if let l = last, l.key == key { last = (key, s) }
    }

    /// Tells of a student's subgroup given by a students table.
    func noteStudent(_ id: Int64, subgroup: String?) {
        if let subgroup { studentSubgroups[id] = subgroup }
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

    /// The lesson of `group`/`subject` on `date`, lesson `number`, that `student` attended.
    /// `subgroup` is the row's own subgroup, if it has one.
    /// The names are read only to word a rejection (not for every cell).
    func lesson(group: Int64, groupName: @autoclosure () -> String, subject: Int64, subjectName: @autoclosure () -> String,
                date: LocalDate, number: Int?,
                subgroup rowSubgroup: String?, student ref: StudentRef) throws -> Match {
        let key = SlotKey(group: group, subject: subject, day: date.dayNumber, number: Int32(number ?? 0))
        let s = try slot(key)
        // One lesson: the row's; a row of another subgroup than the lesson's is not taken.
        if s.count == 1, rowSubgroup == nil || s[0].subgroup.isEmpty || s[0].subgroup == rowSubgroup { return .lesson(s[0].id) }
        if s.isEmpty {
            let id = try names.lesson(group: group, subject: subject, date: date, number: number, subgroup: rowSubgroup)
            let created: Slot = [(rowSubgroup ?? "", id)]
            slots[key] = created
            last = (key, created)
            return .lesson(id)
        }
        let place = "в группе «\(groupName())» по предмету «\(subjectName())» \(date), урок № \(number.map(String.init) ?? "без номера")"
        let list = s.map { $0.subgroup.isEmpty ? "вся группа" : "подгруппа «\($0.subgroup)»" }.joined(separator: ", ")
        if let rowSubgroup {
            if let m = s.first(where: { $0.subgroup == rowSubgroup }) { return .lesson(m.id) }
            return .rejected("\(place) нет занятия подгруппы «\(rowSubgroup)» (есть: \(list))", column: "Подгруппа")
        }
        let own: String
        switch ref {
        case .none: return .rejected("\(place) несколько занятий (\(list)); укажите подгруппу в столбце «Подгруппа»", column: "Дата урока")
        case .known(let student): own = try subgroup(ofStudent: student)
        case .unknown: own = ""   // a student the journal does not know has no subgroup yet
        }
        if !own.isEmpty, let m = s.first(where: { $0.subgroup == own }) { return .lesson(m.id) }
        let whole = s.filter { $0.subgroup.isEmpty }
        if whole.count == 1 { return .lesson(whole[0].id) }
        if own.isEmpty {
            return .rejected("\(place) несколько занятий (\(list)), а подгруппа обучающегося не указана; "
                             + "заполните «Подгруппа» в обучающиеся.csv или в этой строке", column: "Обучающийся")
        }
        return .rejected("\(place) нет занятия подгруппы обучающегося «\(own)» (есть: \(list))", column: "Обучающийся")
    }

    /// Forgets every cached lesson and student (after a savepoint was rolled back).
    func forgetAll() {
        slots.removeAll()
        last = nil
        studentSubgroups.removeAll()
    }
}
