import JournalImport
import JournalModel

/// Interns names into dimension-table ids during an import: cached in memory (the tables are
/// small), looked up or inserted once per distinct name.
/// Properties read for every cell are `@exclusivity(unchecked)`: see `RecordPipe`.
final class NameTables {
    private let db: Database
    private let batch: Int64
    private var groups: [ByteKey: Int64] = [:]
    private var subjects: [ByteKey: Int64] = [:]
    private var teachers: [ByteKey: Int64] = [:]
    private var workTypes: [ByteKey: Int64] = [:]
    @exclusivity(unchecked) private var students: [StudentKey: Int64] = [:]
    @exclusivity(unchecked) private var lessons: [LessonKey: Int64] = [:]
    @exclusivity(unchecked) private var last: (group: String, id: Int64)?
    @exclusivity(unchecked) private var lastSubject: (name: String, id: Int64)?
    /// Consecutive rows of an export mostly name the same lesson and teacher.
    @exclusivity(unchecked) private var lastLesson: (key: LessonKey, id: Int64)?
    @exclusivity(unchecked) private var lastTeacher: (name: String, id: Int64)?
    /// The texts of cell records (`Name`s), copied here as they are first met, and per `Name`
    /// the id it has in each table (0: not known yet) — an array index instead of a hash.
    let symbols: NameSymbols
    @exclusivity(unchecked) private var texts: [String] = []
    @exclusivity(unchecked) private var groupByName: [Int64] = []
    @exclusivity(unchecked) private var subjectByName: [Int64] = []
    @exclusivity(unchecked) private var teacherByName: [Int64] = []
    @exclusivity(unchecked) private var workTypeByName: [Int64] = []
    /// Group `Name`s not in the journal (forgotten whenever a group is added).
    @exclusivity(unchecked) private var missingGroups = Set<Int32>()
    /// Per student `Name`: the group and id last found for it.
    @exclusivity(unchecked) private var studentByName: [(group: Int64, id: Int64)] = []

    struct StudentKey: Hashable { var group: Int64; var name: ByteKey }
    struct LessonKey: Hashable {
        var group: Int64; var subject: Int64; var day: Int32; var number: Int32; var subgroup: String
        /// The same key, the subgroup compared by bytes (no Unicode comparison on every row).
        func isSame(as k: LessonKey) -> Bool {
            group == k.group && subject == k.subject && day == k.day && number == k.number && ByteKey(subgroup) == ByteKey(k.subgroup)
        }
    }

    private let findGroup, addGroup, findSubject, addSubject, findTeacher, addTeacher, findWorkType, addWorkType: Statement
    private let findStudent, addStudent, findLesson, addLessonRow, addDescribedLesson, declareLesson: Statement

    init(db: Database, batch: Int64, symbols: NameSymbols) throws {
        self.db = db
        self.batch = batch
        self.symbols = symbols
        findGroup = try db.prepare("SELECT id FROM grp WHERE name = ?")
        addGroup = try db.prepare("INSERT INTO grp(name, grade) VALUES (?, ?)")
        findSubject = try db.prepare("SELECT id FROM subject WHERE name = ?")
        addSubject = try db.prepare("INSERT INTO subject(name) VALUES (?)")
        findTeacher = try db.prepare("SELECT id FROM teacher WHERE name = ?")
        addTeacher = try db.prepare("INSERT INTO teacher(name) VALUES (?)")
        findWorkType = try db.prepare("SELECT id FROM work_type WHERE name = ?")
        addWorkType = try db.prepare("INSERT INTO work_type(name) VALUES (?)")
        findStudent = try db.prepare("SELECT id FROM student WHERE group_id = ? AND name = ?")
        addStudent = try db.prepare("INSERT INTO student(group_id, name) VALUES (?, ?)")
        findLesson = try db.prepare("SELECT id, declared FROM lesson WHERE group_id = ? AND subject_id = ? AND day = ? AND number = ? AND subgroup = ?")
        addLessonRow = try db.prepare("INSERT INTO lesson(group_id, subject_id, day, number, subgroup, first_batch, declared) VALUES (?, ?, ?, ?, ?, ?, ?)")
        addDescribedLesson = try db.prepare("""
            INSERT INTO lesson(group_id, subject_id, day, number, subgroup, first_batch, declared, \(Merge.lessonAttributes.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: 7 + Merge.lessonAttributes.count).joined(separator: ", ")))
            """)
        declareLesson = try db.prepare("UPDATE lesson SET declared = 1 WHERE id = ?")
    }

    /// Per table, its names' ids by `NameKey` (the first id of a key): read from the table when
    /// a spelling is first not found as written, then kept as names are added. Work types are
    /// told apart as written: rules compare them as text.
    private var groupKeys: [String: Int64]?
    private var subjectKeys: [String: Int64]?
    private var teacherKeys: [String: Int64]?
    /// Per group, its students' ids by `NameKey`.
    private var studentKeys: [Int64: [String: Int64]] = [:]
    /// Second keys, tried when a name's key finds nothing, and only between a short form and a
    /// long one (two full names never meet by them): teachers by surname and initials
    /// (`NameKey.initials`) — those kept in full and those kept as initials; students kept with
    /// a patronymic by their first two words (`NameKey.twoWords`, per group).
    private var teacherInitials: (full: Aliases, short: Aliases)?
    private var studentTwoWords: [Int64: Aliases] = [:]

    /// Ids by a second key that only a unique name may answer: «Смирнова О. П.» fits «Смирнова
    /// Ольга Петровна» and «Смирнова Оксана Павловна», and then finds neither.
    struct Aliases {
        private var ids: [String: Int64] = [:]
        static let ambiguous: Int64 = -1
        mutating func add(_ key: String?, _ id: Int64) {
            guard let key else { return }
            if let had = ids[key], had != id { ids[key] = Self.ambiguous } else { ids[key] = id }
        }
        func id(_ key: String?) -> Int64? { key.flatMap { ids[$0] }.flatMap { $0 == Self.ambiguous ? nil : $0 } }
    }

    /// The id of `name`: its own spelling's, else (with a `table` to read keys from) the id of a
    /// name with its key (`keyOf`, `NameKey.of` by default), else one `alias` finds, else a new row's.
    private func intern(_ name: String, cache: inout [ByteKey: Int64], keys: inout [String: Int64]?, table: String?,
                        find: Statement, add: Statement, extra: [SQLValue] = [], keyOf: (String) -> String = NameKey.of,
                        alias: ((String) throws -> Int64?)? = nil, added: ((String, Int64) -> Void)? = nil) throws -> Int64 {
        if let id = cache[ByteKey(name)] { return id }
        let tidy = NameKey.tidy(name)
        var found: Int64?
        // As written, then as kept (`NameKey.tidy`): a table that matches names as written
        // still finds the row its spelling with extra spaces was kept as.
        for spelling in tidy == name ? [name] : [name, tidy] where found == nil {
            try find.bind([.text(spelling)])
            found = try find.step() ? find.int(0) : nil
            find.reset()
        }
        let id: Int64
        if let found { id = found } else if let table, let same = try Self.keyed(&keys, table, db, keyOf: keyOf)[keyOf(name)] ?? alias?(name) {
            id = same
            respelt.insert(Respelt(table: table, id: id))
        } else {
            try add.run([.text(tidy)] + extra)
            id = db.lastInsertRowID
            if keys != nil { keys![keyOf(name)] = id }
            added?(tidy, id)
        }
        cache[ByteKey(name)] = id
        return id
    }

    /// Rows found by another spelling of their name (`NameKey`) than the one they have.
    private struct Respelt: Hashable { var table: String; var id: Int64 }
    private var respelt = Set<Respelt>()

    /// Gives a group, student or teacher the spelling of its own table (`группы.csv`,
    /// `обучающиеся.csv`, `нагрузка.csv`) when another table spelt it first: reports then name
    /// each as its own table does, whatever order the files are read in. `table`: `grp`,
    /// `student` or `teacher`.
    func spell(_ table: String, _ id: Int64, as name: String) throws {
        guard respelt.contains(Respelt(table: table, id: id)) else { return }
        try db.prepare("UPDATE \(table) SET name = ?1 WHERE id = ?2 AND name <> ?1").run([.text(NameKey.tidy(name)), .int(id)])
    }

    /// The names of `table` (`grp`, `subject`, `teacher`) by key, read once.
    private static func keyed(_ keys: inout [String: Int64]?, _ table: String, _ db: Database,
                              keyOf: (String) -> String = NameKey.of) throws -> [String: Int64] {
        if let k = keys { return k }
        let k = try byKey(db.prepare("SELECT id, name FROM \(table) ORDER BY id"), keyOf: keyOf)
        keys = k
        return k
    }

    /// Rows of (id, name) by the name's key, the first id of each key.
    private static func byKey(_ s: Statement, keyOf: (String) -> String = NameKey.of) throws -> [String: Int64] {
        var k: [String: Int64] = [:]
        while try s.step() {
            let key = keyOf(s.text(1))
            if k[key] == nil { k[key] = s.int(0) }
        }
        return k
    }

    /// The students of `group` by key, read once per group (with their `twoWords` aliases).
    private func studentKeys(_ group: Int64) throws -> [String: Int64] {
        if let k = studentKeys[group] { return k }
        let s = try db.prepare("SELECT id, name FROM student WHERE group_id = ? ORDER BY id")
        try s.bind([.int(group)])
        var k: [String: Int64] = [:], two = Aliases()
        while try s.step() {
            let name = s.text(1), id = s.int(0)
            if k[NameKey.of(name)] == nil { k[NameKey.of(name)] = id }
            if Self.hasPatronymic(name) { two.add(NameKey.twoWords(name), id) }
        }
        studentKeys[group] = k
        studentTwoWords[group] = two
        return k
    }

    private static func hasPatronymic(_ name: String) -> Bool { NameKey.of(name).split(separator: " ").count >= 3 }

    /// A student of `group` by the other form of the name (after `studentKeys` was read): a
    /// name without the patronymic finds the one student kept with it; a name with it finds
    /// the student kept without it.
    private func studentByTwoWords(_ group: Int64, _ name: String) -> Int64? {
        if Self.hasPatronymic(name) { return NameKey.twoWords(name).flatMap { studentKeys[group]?[$0] } }
        return studentTwoWords[group]?.id(NameKey.of(name))
    }

    /// A teacher first met by surname and initials («Волкова Н. Е.», a lessons table) takes the
    /// full name another table gives («Волкова Надежда Евгеньевна»): memos name people in full.
    /// Their own table's spelling (`нагрузка.csv`, `spell`) still comes last and stays.
    private func preferFullName(teacher id: Int64, _ name: String) throws {
        let tidy = NameKey.tidy(name)
        guard !tidy.contains("."), tidy.split(separator: " ").allSatisfy({ $0.count > 1 }) else { return }
        try db.prepare("UPDATE teacher SET name = ?1 WHERE id = ?2 AND name LIKE '%.%'").run([.text(tidy), .int(id)])
    }

    /// A teacher by the other form of the name: initials find the one teacher kept in full, a
    /// full name the one kept as initials. The table is read once.
    private func teacherByInitials(_ name: String) throws -> Int64? {
        if teacherInitials == nil {
            var full = Aliases(), short = Aliases()
            let s = try db.prepare("SELECT id, name FROM teacher ORDER BY id")
            while try s.step() { Self.noteTeacher(s.text(1), s.int(0), &full, &short) }
            teacherInitials = (full, short)
        }
        let key = NameKey.initials(name)
        return NameKey.isInitials(name) ? teacherInitials?.full.id(key) : teacherInitials?.short.id(key)
    }

    private static func noteTeacher(_ name: String, _ id: Int64, _ full: inout Aliases, _ short: inout Aliases) {
        if NameKey.isInitials(name) { short.add(NameKey.initials(name), id) } else { full.add(NameKey.initials(name), id) }
    }

    func group(_ name: String) throws -> Int64 {
        if let l = last, ByteKey(l.group) == ByteKey(name) { return l.id }
        let id = try intern(name, cache: &groups, keys: &groupKeys, table: "grp", find: findGroup, add: addGroup,
                            extra: [.opt(Group.grade(fromName: name))], keyOf: NameKey.group)
        last = (name, id)
        missingGroups.removeAll()
        return id
    }

    /// Every group's name (for a suggestion when a row names an unknown group).
    func groupNames() throws -> [String] {
        let s = try db.prepare("SELECT name FROM grp ORDER BY name")
        var out: [String] = []
        while try s.step() { out.append(s.text(0)) }
        return out
    }

    /// The group's id if the journal already has it; nothing is created.
    func existingGroup(_ name: String) throws -> Int64? {
        if let l = last, ByteKey(l.group) == ByteKey(name) { return l.id }
        if let id = groups[ByteKey(name)] { return id }
        try findGroup.bind([.text(name)])
        let found = try findGroup.step() ? findGroup.int(0) : nil
        findGroup.reset()
        guard let id = try found ?? Self.keyed(&groupKeys, "grp", db, keyOf: NameKey.group)[NameKey.group(name)] else { return nil }
        if found == nil { respelt.insert(Respelt(table: "grp", id: id)) }
        groups[ByteKey(name)] = id
        return id
    }

    func subject(_ name: String) throws -> Int64 {
        if let l = lastSubject, ByteKey(l.name) == ByteKey(name) { return l.id }
        let id = try intern(name, cache: &subjects, keys: &subjectKeys, table: "subject", find: findSubject, add: addSubject)
        lastSubject = (name, id)
        return id
    }

    func teacher(_ name: String?) throws -> Int64? {
        guard let name else { return nil }
        if let l = lastTeacher, ByteKey(l.name) == ByteKey(name) { return l.id }
        let id = try intern(name, cache: &teachers, keys: &teacherKeys, table: "teacher", find: findTeacher, add: addTeacher,
                            alias: { [unowned self] name in
                                guard let id = try teacherByInitials(name) else { return nil }
                                try preferFullName(teacher: id, name)
                                return id
                            },
                            added: { [unowned self] name, id in
                                guard var t = teacherInitials else { return }
                                Self.noteTeacher(name, id, &t.full, &t.short)
                                teacherInitials = t
                            })
        lastTeacher = (name, id)
        return id
    }

    func workType(_ name: String?) throws -> Int64? {
        guard let name else { return nil }
        var unkeyed: [String: Int64]?   // work types are matched as written
        return try intern(name, cache: &workTypes, keys: &unkeyed, table: nil, find: findWorkType, add: addWorkType)
    }

    /// The student's id if the journal already has them; nothing is created.
    func existingStudent(group: Int64, name: String) throws -> Int64? {
        let key = StudentKey(group: group, name: ByteKey(name))
        if let id = students[key] { return id }
        try findStudent.bind([.int(group), .text(name)])
        let found = try findStudent.step() ? findStudent.int(0) : nil
        findStudent.reset()
        guard let id = try found ?? studentKeys(group)[NameKey.of(name)] ?? studentByTwoWords(group, name) else { return nil }
        if found == nil { respelt.insert(Respelt(table: "student", id: id)) }
        students[key] = id
        return id
    }

    func student(group: Int64, name: String) throws -> Int64 {
        let key = StudentKey(group: group, name: ByteKey(name))
        if let id = students[key] { return id }
        try findStudent.bind([.int(group), .text(name)])
        let found = try findStudent.step() ? findStudent.int(0) : nil
        findStudent.reset()
        let tidy = NameKey.tidy(name)
        let id: Int64
        if let found { id = found } else if let same = try studentKeys(group)[NameKey.of(name)] ?? studentByTwoWords(group, name) {
            id = same
            respelt.insert(Respelt(table: "student", id: id))
        } else {
            try addStudent.run([.int(group), .text(tidy)])
            id = db.lastInsertRowID
            studentKeys[group]![NameKey.of(name)] = id
            if Self.hasPatronymic(name) { studentTwoWords[group]!.add(NameKey.twoWords(name), id) }
        }
        students[key] = id
        return id
    }

    /// The lesson's id, made when absent — with `attributes` (`Merge.lessonAttributes`, in that
    /// order) when given, else bare (the merge writes them). `declared`: a lessons table or a
    /// grid lists it (see `AttendedLessons`); a lesson made by cells is not declared.
    func lesson(group: Int64, subject: Int64, date: LocalDate, number: Int?, subgroup: String?, declared: Bool = false,
                attributes: LessonAttributes? = nil) throws -> Int64 {
        let key = LessonKey(group: group, subject: subject, day: date.dayNumber, number: Int32(number ?? 0), subgroup: subgroup ?? "")
        addedLastLesson = false
        if lessonsComplete { return try knownLesson(key, declared: declared, attributes: attributes) }
        if !declared, let l = lastLesson, l.key.isSame(as: key) { return l.id }
        if !declared, let id = lessons[key] { lastLesson = (key, id); return id }
        try findLesson.bind([.int(group), .int(subject), .int(Int64(key.day)), .int(Int64(key.number)), .text(key.subgroup)])
        let id: Int64
        if try findLesson.step() {
            id = findLesson.int(0)
            let wasDeclared = findLesson.int(1) == 1
            findLesson.reset()
            if declared, !wasDeclared { try declareLesson.run([.int(id)]) }
        } else {
            findLesson.reset()
            id = try addLesson(key, declared: declared, attributes: attributes)
        }
        lessons[key] = id
        lastLesson = (key, id)
        return id
    }

    /// The journal had no lessons when the import began and every lesson it added is in
    /// `lessons` (with `declaredLessons`): a lesson not there is not in the table either, so
    /// none is looked up with SQL (a query per lesson row of a lessons table). Off once a
    /// savepoint is rolled back (the table then holds lessons the cache forgot), and when the
    /// import stages everything (`ImportBatch.disableShortcuts`).
    @exclusivity(unchecked) var lessonsComplete = false
    @exclusivity(unchecked) private var declaredLessons = IDSet()

    private func knownLesson(_ key: LessonKey, declared: Bool, attributes: LessonAttributes?) throws -> Int64 {
        if let l = lastLesson, l.key.isSame(as: key), !declared || declaredLessons.contains(l.id) { return l.id }
        // One hash look-up finds the lesson or makes its entry (ids are positive: 0 is "new"):
        // most rows of a lessons table are new lessons, and a search, then an insertion, hashed
        // the key twice.
        var added = false, failure: (any Error)?
        let id = { (slot: inout Int64) -> Int64 in
            if slot == 0 {
                do {
                    slot = try addLesson(key, declared: declared, attributes: attributes)
                    added = true
                } catch {
                    failure = error
                }
            }
            return slot
        }(&lessons[key, default: 0])
        if let failure {
            lessons[key] = nil
            throw failure
        }
        if added {
            if declared { declaredLessons.insert(id) }
        } else if declared, declaredLessons.insert(id) {
            if let m = memoryLessons { m.declare(id) } else { try declareLesson.run([.int(id)]) }
        }
        lastLesson = (key, id)
        return id
    }

    /// Makes room for about `n` more lessons (`RoomFor`).
    func expectLessons(_ n: Int) {
        RoomFor.more(n, in: &lessons)
        memoryLessons?.expect(n)
    }

    /// The last call of `lesson` added the lesson (with the attributes it was given, if any).
    @exclusivity(unchecked) private(set) var addedLastLesson = false

    /// A lesson without a number (0 or less) was added in this import (never unset: one a
    /// savepoint undid is counted too). `ImportBatch.lessonRowsUnread`.
    @exclusivity(unchecked) private(set) var addedUnnumberedLesson = false

    /// The lessons this import adds, kept out of the `lesson` table (`MemoryLessons`); nil: they
    /// are inserted into it. Set only while `lessonsComplete` (no lesson is looked up with SQL).
    @exclusivity(unchecked) var memoryLessons: MemoryLessons?

    /// Inserts a lesson row (see `lesson`), or keeps it in `memoryLessons`; its id.
    private func addLesson(_ key: LessonKey, declared: Bool, attributes: LessonAttributes?) throws -> Int64 {
        addedLastLesson = true
        if key.number <= 0 { addedUnnumberedLesson = true }
        if let m = memoryLessons {
            return m.add(MemoryLessons.Row(group: key.group, subject: key.subject, day: key.day, number: key.number,
                                           subgroup: key.subgroup, declared: declared, attributes: attributes))
        }
        let s = attributes == nil ? addLessonRow : addDescribedLesson
        s.bindInt(key.group, at: 1); s.bindInt(key.subject, at: 2); s.bindInt(Int64(key.day), at: 3)
        s.bindInt(Int64(key.number), at: 4); s.bindText(key.subgroup, at: 5); s.bindInt(batch, at: 6)
        s.bindInt(declared ? 1 : 0, at: 7)
        attributes?.bind(to: s, from: 8)
        try s.runBound()
        return db.lastInsertRowID
    }

    /// Forgets every cached id (after a savepoint was rolled back; lessons kept in memory were
    /// written into the table first, see `ImportBatch.endDirectCells`).
    func forgetAll() {
        precondition(memoryLessons == nil, "lessons kept in memory must be written before the lesson cache is forgotten")
        lessonsComplete = false
        declaredLessons.removeAll()
        groups.removeAll(); subjects.removeAll(); teachers.removeAll(); workTypes.removeAll()
        groupKeys = nil; subjectKeys = nil; teacherKeys = nil; studentKeys.removeAll(); respelt.removeAll()
        teacherInitials = nil; studentTwoWords.removeAll()
        students.removeAll(); lessons.removeAll(); last = nil; lastSubject = nil; lastLesson = nil; lastTeacher = nil
        groupByName.removeAll(); subjectByName.removeAll(); teacherByName.removeAll(); workTypeByName.removeAll()
        studentByName.removeAll(); missingGroups.removeAll()
    }

    // MARK: By `Name` (cell records)

    /// The text of a cell record's `Name`.
    func text(_ n: Name) -> String {
        let k = Int(n.index)
        if k >= texts.count { texts += symbols.texts(from: texts.count) }
        return texts[k]
    }

    private func byName(_ n: Name, _ table: inout [Int64], _ resolve: (String) throws -> Int64) rethrows -> Int64 {
        let k = Int(n.index)
        if k < table.count, table[k] != 0 { return table[k] }
        let id = try resolve(text(n))
        if k >= table.count { table.append(contentsOf: repeatElement(0, count: k + 1 - table.count)) }
        table[k] = id
        return id
    }

    func group(_ n: Name) throws -> Int64 { try byName(n, &groupByName) { try group($0) } }

    /// The id of the group a cell record names, if the journal has it; nothing is created.
    func existingGroup(_ n: Name) throws -> Int64? {
        let k = Int(n.index)
        if k < groupByName.count, groupByName[k] != 0 { return groupByName[k] }
        if missingGroups.contains(n.index) { return nil }
        guard let id = try existingGroup(text(n)) else { missingGroups.insert(n.index); return nil }
        if k >= groupByName.count { groupByName.append(contentsOf: repeatElement(0, count: k + 1 - groupByName.count)) }
        groupByName[k] = id
        return id
    }
    func subject(_ n: Name) throws -> Int64 { try byName(n, &subjectByName) { try subject($0) } }

    func teacher(_ n: Name?) throws -> Int64? {
        guard let n else { return nil }
        return try byName(n, &teacherByName) { try teacher($0)! }
    }

    func workType(_ n: Name?) throws -> Int64? {
        guard let n else { return nil }
        return try byName(n, &workTypeByName) { try workType($0)! }
    }

    private func knownStudent(_ n: Name, group: Int64) -> Int64? {
        let k = Int(n.index)
        guard k < studentByName.count, studentByName[k].group == group, studentByName[k].id != 0 else { return nil }
        return studentByName[k].id
    }

    private func noteStudent(_ n: Name, group: Int64, id: Int64) {
        let k = Int(n.index)
        if k >= studentByName.count { studentByName.append(contentsOf: repeatElement((group: Int64(0), id: Int64(0)), count: k + 1 - studentByName.count)) }
        studentByName[k] = (group, id)
    }

    /// The student's id if the journal already has them; nothing is created.
    func existingStudent(group: Int64, name n: Name) throws -> Int64? {
        if let id = knownStudent(n, group: group) { return id }
        guard let id = try existingStudent(group: group, name: text(n)) else { return nil }
        noteStudent(n, group: group, id: id)
        return id
    }

    func student(group: Int64, name n: Name) throws -> Int64 {
        if let id = knownStudent(n, group: group) { return id }
        let id = try student(group: group, name: text(n))
        noteStudent(n, group: group, id: id)
        return id
    }
}
