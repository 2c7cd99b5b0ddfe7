import JournalImport
import JournalModel

/// Rows that attach to what the journal already has — cells, period marks, changes: they name
/// a group, a student and (cells, changes) a lesson, and create none of them where a roster or
/// a lesson source exists (see `Declarations`, `AttendedLessons`). What cannot be attached is
/// rejected with its line, the column at fault and the reason.
extension ImportBatch {
    /// Why a row cannot be attached: the reason and the canonical column at fault.
    struct Unattached: Error { var reason: String; var column: String }

    /// The group a row names. A group the journal does not have is made only where there is no
    /// list of groups (the file is then the source of groups) and `mayCreate`.
    func rowGroup(_ name: @autoclosure () -> String, existing: Int64?, mayCreate: Bool,
                  create: () throws -> Int64) throws -> Int64 {
        if let g = existing {
            if try declarations.accepts(g) { return g }
            throw Unattached(reason: "группа «\(name())» не входит в список групп журнала (группы.csv, обучающиеся.csv): "
                             + "она встречается только в файлах с отметками", column: "Группа")
        }
        guard !declarations.groupListExists, mayCreate else {
            let text = name()
            if let reason = unknownGroups[text] { throw Unattached(reason: reason, column: "Группа") }
            let all = (try? names.groupNames()) ?? []
            let hint = Suggestions.closest(to: text, among: all).map { "; возможно, «\($0)»?" } ?? ""
            let reason = declarations.groupListExists
                ? "группы «\(text)» нет в журнале (её нет в списке групп — группы.csv, обучающиеся.csv)\(hint)"
                : "группы «\(text)» нет в журнале\(hint)"
            unknownGroups[text] = reason
            throw Unattached(reason: reason, column: "Группа")
        }
        let g = try create()
        declarations.made[fileID, default: .init()].groups += 1
        return g
    }

    /// A student the journal does not have may be added only where nothing lists the group's
    /// students (then the file is their source).
    func checkNewStudent(group g: Int64, groupName: @autoclosure () -> String, source: RosterSource) throws {
        guard try declarations.mayAddStudent(to: g, from: source) else {
            let roster = try declarations.level(g).roster == RosterSource.grid.rawValue ? "строки сетки журнала" : "обучающиеся.csv"
            throw Unattached(reason: "обучающегося нет в списке группы «\(groupName())» (\(roster)): строка не принята", column: "Обучающийся")
        }
    }

    func acceptCell(_ c: CellRecord, line: Int) throws {
        if !cellFiles.contains(fileID) { cellFiles.insert(fileID); journalFiles.insert(fileID) }
        do {
            let existing = try names.existingGroup(c.group)
            if existing == nil, let outside = attended.outsideYear(c.date) {
                throw Unattached(reason: "\(c.date): \(outside)", column: "Дата урока")
            }
            let g = try rowGroup(names.text(c.group), existing: existing, mayCreate: true) { try names.group(c.group) }
            let subject = try names.subject(c.subject)
            let known = try names.existingStudent(group: g, name: c.student)
            if known == nil { try checkNewStudent(group: g, groupName: names.text(c.group), source: .cells) }
            let lesson: Int64
            var provisional = false, numbered = false
            switch try attended.lesson(group: g, groupName: names.text(c.group), subject: subject, subjectName: names.text(c.subject),
                                       date: c.date, number: c.number, subgroup: c.subgroup.map { names.text($0) },
                                       student: known.map { .known($0) } ?? .unknown, several: c.number == nil) {
            case .lesson(let id): lesson = id
            case .numbered(let id):
                lesson = id
                numbered = true
            case .created(let id):
                lesson = id
                declarations.made[fileID, default: .init()].lessons += 1
            case .provisional(let id):
                lesson = id
                provisional = true
                provisionalLessons.insert(id)
            case .several(let lessons):
                let student = try rowStudent(c, group: g, known: known)
                attended.hold(.init(line: line, record: c, student: student, workType: c.workType.map { names.text($0) },
                                    author: try names.teacher(c.enteredBy)),
                              group: g, subject: subject, date: c.date, lessons: lessons)
                return
            case .rejected(let reason, let column): throw Unattached(reason: reason, column: column)
            }
            try stage(c, lesson: lesson, student: try rowStudent(c, group: g, known: known), line: line, provisional: provisional,
                      placed: numbered)
        } catch let u as Unattached {
            reject(line: line, reason: u.reason, column: u.column)
        }
    }

    /// The row's student, created only once the row is accepted (a rejected row must not add a
    /// student, who would then lack marks).
    private func rowStudent(_ c: CellRecord, group g: Int64, known: Int64?) throws -> Int64 {
        if let known { return known }
        let student = try names.student(group: g, name: c.student)
        declarations.made[fileID, default: .init()].students += 1
        return student
    }

    /// Stages the marks held for their day's several lessons (`UnnumberedMarks`), once their
    /// file is read; a row beyond the day's lessons is rejected.
    func placeHeldMarks() throws {
        for p in try attended.placeHeldMarks() {
            if let lesson = p.lesson {
                try stage(p.held.record, lesson: lesson, student: p.held.student, line: p.held.line, provisional: false, placed: true)
            } else {
                let r = p.held.record
                reject(line: p.held.line, reason: "в группе «\(names.text(r.group))» по предмету «\(names.text(r.subject))» \(r.date) "
                       + "\(p.lessonsOfDay) урока, номер урока в строке не указан, "
                       + "а у обучающегося в этом файле уже по строке на каждый урок дня", column: "Урок №")
            }
        }
    }

    func acceptPeriodMark(_ p: PeriodMarkRecord, line: Int) throws {
        do {
            let g = try rowGroup(names.text(p.group), existing: try names.existingGroup(p.group), mayCreate: true) { try names.group(p.group) }
            let student: Int64
            if let known = try names.existingStudent(group: g, name: p.student) { student = known } else {
                try checkNewStudent(group: g, groupName: names.text(p.group), source: .cells)
                student = try names.student(group: g, name: p.student)
                declarations.made[fileID, default: .init()].students += 1
            }
            try staged.add(StagedRows.PeriodMark(file: fileID, line: Int64(line), student: student, subject: try names.subject(p.subject),
                                                 period: p.period, value: p.value.raw, enteredAt: ts(p.enteredAt),
                                                 enteredBy: try names.teacher(p.enteredBy)))
        } catch let u as Unattached {
            reject(line: line, reason: u.reason, column: u.column)
        }
    }

    /// A line of an export's change log: it records what happened to a cell, a lesson or a
    /// period mark the journal has; it makes none of them.
    func acceptChange(_ c: ChangeRecord, line: Int) throws {
        do {
            let g = try rowGroup(c.group, existing: try names.existingGroup(c.group), mayCreate: false) { try names.group(c.group) }
            let subj = try names.subject(c.subject)
            let known = try c.student.flatMap { try names.existingStudent(group: g, name: $0) }
            if c.student != nil, known == nil {
                throw Unattached(reason: "обучающегося нет в журнале группы «\(c.group)»: изменение не к чему отнести", column: "Обучающийся")
            }
            let ref: AttendedLessons.StudentRef = known.map { .known($0) } ?? .none
            var lesson: Int64?
            if let date = c.lessonDate {
                switch try attended.lesson(group: g, groupName: c.group, subject: subj, subjectName: c.subject, date: date,
                                           number: c.lessonNumber, subgroup: c.subgroup, student: ref, mayCreate: false) {
                case .lesson(let id), .numbered(let id), .created(let id), .provisional(let id): lesson = id
                case .several: preconditionFailure("a change is not asked to be placed among several lessons")
                case .rejected(let reason, let column): throw Unattached(reason: reason, column: column)
                }
            }
            try stageChange.run([.int(fileID), .int(Int64(line)), .text(c.target.rawValue), .opt(lesson), .opt(known), .int(subj),
                                 .int(g), .opt(c.oldValue), .opt(c.newValue), .opt(ts(c.placedAt)), .opt(ts(c.changedAt)),
                                 .opt(try names.teacher(c.changedBy)), .opt(c.reason)])
        } catch let u as Unattached {
            reject(line: line, reason: u.reason, column: u.column)
        }
    }
}
