import JournalModel
@testable import JournalGenerator

/// Recomputes, from the CSV files alone, which entities violate each kind's predicate — an
/// implementation independent of the generator's bookkeeping. Keys as in `ground_truth.csv`.
struct Oracle {
    let folder: String
    var found: [String: Set<String>] = [:]

    init(folder: String) throws {
        self.folder = folder
        for k in ViolationKind.allCases { found[k.rawValue] = [] }
        try lessons()
        try cells()
        try changes()
        try accumulation()
        try sequences()
        try missingPeriodMarks()
    }

    private mutating func add(_ k: ViolationKind, _ key: String) { found[k.rawValue, default: []].insert(key) }

    private func table(_ name: String) throws -> CSVTable { try CSVTable(folder + "/" + name) }

    private mutating func lessons() throws {
        let t = try table("занятия.csv")
        let (g, sg, subj, d, no) = (t.column("Группа"), t.column("Подгруппа"), t.column("Предмет"), t.column("Дата"), t.column("Урок №"))
        let (plan, taught, sub, topic) = (t.column("Учитель по расписанию"), t.column("Провёл"), t.column("Замена отмечена"), t.column("Тема"))
        let (rec, topicAt, hwAt) = (t.column("Запись создана"), t.column("Тема внесена"), t.column("ДЗ внесено"))
        for r in t.rows {
            let key = "\(r[g])|\(r[sg])|\(r[subj])|\(r[d])|\(r[no])"
            guard let day = date(r[d]), let record = stamp(r[rec]), let hw = stamp(r[hwAt]) else { preconditionFailure("bad lesson row \(r)") }
            if r[topic].isEmpty { add(.lessonNoTopic, key) }
            if let ta = stamp(r[topicAt]), ta.date < day { add(.topicEarly, key) }
            if hw.date > day { add(.homeworkLate, key) }
            if record.date > day { add(.lessonRecordLate, key) }
            if r[plan] != r[taught] {
                if let s = stamp(r[sub]) {
                    if s > record { add(.substitutionLate, key) }
                } else {
                    add(.substitutionUnrecorded, key)
                }
            }
        }
    }

    private mutating func cells() throws {
        let t = try table("отметки.csv")
        let (g, subj, d, no, st) = (t.column("Группа"), t.column("Предмет"), t.column("Дата урока"), t.column("Урок №"), t.column("Обучающийся"))
        let (v, wt, at) = (t.column("Значение"), t.column("Вид работы"), t.column("Внесено"))
        for r in t.rows {
            let key = "\(r[g])|\(r[subj])|\(r[d])|\(r[no])|\(r[st])"
            guard let day = date(r[d]), let entered = stamp(r[at]) else { preconditionFailure("bad cell row \(r)") }
            let value = CellValue(parsing: r[v])
            let delay = day.days(until: entered.date)
            if value.hasMark && delay > 0 { add(.markLate, key) }
            if r[wt] == "контрольная работа" && delay > 3 { add(.testMarkLate, key) }
            if ["самостоятельная работа", "письменная работа"].contains(r[wt]) && delay > 3 { add(.writtenMarkLate, key) }
            if value.kind == .unrecognized { add(.absenceLetter, key) }
            if value.kind == .absenceWithMark { add(.absenceWithMark, key) }
            if value.kind == .markWithModifier { add(.markModifier, key) }
        }
    }

    private mutating func changes() throws {
        let t = try table("изменения.csv")
        let (g, subj, d, no, st) = (t.column("Группа"), t.column("Предмет"), t.column("Дата урока"), t.column("Урок №"), t.column("Обучающийся"))
        for r in t.rows {
            guard let placed = stamp(r[t.column("Выставлено")]), let changed = stamp(r[t.column("Изменено")]) else { preconditionFailure("bad change \(r)") }
            if changed.seconds(since: placed) > 14 * 86400 { add(.lateCorrection, "\(r[g])|\(r[subj])|\(r[d])|\(r[no])|\(r[st])") }
        }
    }

    /// Too few marks, «н/а» without grounds and late period marks.
    private mutating func accumulation() throws {
        let periods = try table("периоды.csv").rows.compactMap { r -> StudyPeriod? in
            guard let k = StudyPeriod.Kind(rawValue: r[1]), let a = date(r[2]), let b = date(r[3]) else { return nil }
            return StudyPeriod(name: r[0], kind: k, start: a, end: b)
        }
        let terms = periods.filter { $0.kind != .year }
        // (group|subject|student) → lesson dates with a mark / with «н».
        var marks: [String: [LocalDate]] = [:]
        var absences: [String: [LocalDate]] = [:]
        let cells = try table("отметки.csv")
        for r in cells.rows {
            let k = "\(r[0])|\(r[1])|\(r[4])"
            guard let d = date(r[2]) else { continue }
            let v = CellValue(parsing: r[5])
            if v.kind == .mark || v.kind == .markWithModifier { marks[k, default: []].append(d) }
            if v.kind == .absence { absences[k, default: []].append(d) }
        }
        // (group|subgroup|subject) → lesson dates.
        var lessonDates: [String: [LocalDate]] = [:]
        for r in try table("занятия.csv").rows { if let d = date(r[3]) { lessonDates["\(r[0])|\(r[1])|\(r[2])", default: []].append(d) } }
        let load = try table("нагрузка.csv").rows
        for s in try table("обучающиеся.csv").rows {
            let (group, name, sub) = (s[0], s[1], s[3])
            guard let enrolled = date(s[4]) else { continue }
            let left = date(s[5])
            for l in load where l[0] == group && (l[1].isEmpty || l[1] == sub) {
                // Judged only in a term the student was in from its start to its end (a mover who
                // came at least three weeks in or left three weeks before the end is not).
                for term in terms where enrolled <= term.start.adding(days: 14) && (left.map { $0 >= term.end.adding(days: -14) } ?? true) {
                    let n = marks["\(group)|\(l[2])|\(name)", default: []].filter(term.contains).count
                    if n < 3 { add(.tooFewMarks, "\(group)|\(l[2])|\(term.name)|\(name)") }
                }
            }
        }
        for r in try table("итоговые.csv").rows {
            guard let period = periods.first(where: { $0.name == r[3] }), let at = stamp(r[5]) else { preconditionFailure("bad period mark \(r)") }
            let key = "\(r[0])|\(r[1])|\(r[3])|\(r[2])"
            if at.date > period.end.adding(days: -2) { add(.periodMarkLate, key) }
            if CellValue(parsing: r[4]).kind == .notAttested {
                let k = "\(r[0])|\(r[1])|\(r[2])"
                let n = marks[k, default: []].filter(period.contains).count
                let missed = absences[k, default: []].filter(period.contains).count
                let sub = load.first { $0[0] == r[0] && $0[2] == r[1] }?[1] ?? ""
                let total = lessonDates["\(r[0])|\(sub)|\(r[1])", default: []].filter(period.contains).count
                if !(n < 3 && missed * 2 > total) { add(.notAttestedWithoutGrounds, key) }
            }
        }
    }

    /// The data's last day: the latest lesson date of the tables.
    private func lastDay() throws -> LocalDate? {
        let t = try table("занятия.csv")
        return t.rows.compactMap { date($0[t.column("Дата")]) }.max()
    }

    /// «2» not re-assessed within 4 days of a lesson attended, after three absences, after the holidays.
    private mutating func sequences() throws {
        let lt = try table("занятия.csv")
        // (group|subgroup|subject) → lessons (date, number) in order.
        var series: [String: [(LocalDate, String)]] = [:]
        for r in lt.rows {
            guard let d = date(r[lt.column("Дата")]) else { continue }
            series["\(r[lt.column("Группа")])|\(r[lt.column("Подгруппа")])|\(r[lt.column("Предмет")])", default: []]
                .append((d, r[lt.column("Урок №")]))
        }
        for k in series.keys { series[k]?.sort { ($0.0, Int($0.1) ?? 0) < ($1.0, Int($1.1) ?? 0) } }
        let ct = try table("отметки.csv")
        let (g, subj, d, no, st, v, sg) = (ct.column("Группа"), ct.column("Предмет"), ct.column("Дата урока"), ct.column("Урок №"),
                                           ct.column("Обучающийся"), ct.column("Значение"), ct.column("Подгруппа"))
        var value: [String: CellValue] = [:]   // group|subject|date|no|student
        for r in ct.rows { value["\(r[g])|\(r[subj])|\(r[d])|\(r[no])|\(r[st])"] = CellValue(parsing: r[v]) }
        let holidays = try table("календарь.csv").rows.compactMap { r -> (LocalDate, LocalDate)? in
            guard r[0] == "каникулы", let a = date(r[1]), let b = date(r[2]) else { return nil }
            return (a, b)
        }
        for r in ct.rows {
            let cell = CellValue(parsing: r[v])
            guard cell.marks.contains(where: { $0.value <= 2 }), let day = date(r[d]),
                  let lessons = series["\(r[g])|\(r[sg])|\(r[subj])"],
                  let i = lessons.firstIndex(where: { $0.0 == day && $0.1 == r[no] }) else { continue }
            let key = "\(r[g])|\(r[subj])|\(r[d])|\(r[no])|\(r[st])"
            func at(_ k: Int) -> CellValue? {
                let (ld, ln) = lessons[k]
                return value["\(r[g])|\(r[subj])|\(ld.description)|\(ln)|\(r[st])"]
            }
            let limit = day.adding(days: 4)
            do {
                let later = (i + 1)..<lessons.count
                let attended = later.contains { lessons[$0].0 <= limit && !(at($0)?.isAbsence ?? false) }
                let marked = later.contains { lessons[$0].0 > day && lessons[$0].0 <= limit && (at($0)?.hasMark ?? false) }
                if attended && !marked { add(.unsatNotRechecked, key) }
            }
            if i >= 3, (1...3).allSatisfy({ at(i - $0)?.isAbsence ?? false }) { add(.unsatAfterAbsence, key) }
            if i >= 1, holidays.contains(where: { lessons[i - 1].0 < $0.0 && $0.1 < day }) { add(.unsatAfterHolidays, key) }
        }
    }

    /// A term that ended in the data without a mark for a student enrolled at its end, in a
    /// subject the group got marks in during the term.
    private mutating func missingPeriodMarks() throws {
        let periods = try table("периоды.csv").rows.compactMap { r -> StudyPeriod? in
            guard let k = StudyPeriod.Kind(rawValue: r[1]), k != .year, let a = date(r[2]), let b = date(r[3]) else { return nil }
            return StudyPeriod(name: r[0], kind: k, start: a, end: b)
        }
        guard let last = try lastDay() else { return }
        var graded = Set<String>()   // group|subject|period
        for r in try table("отметки.csv").rows where CellValue(parsing: r[5]).hasMark {
            guard let d = date(r[2]) else { continue }
            for p in periods where p.contains(d) { graded.insert("\(r[0])|\(r[1])|\(p.name)") }
        }
        let given = Set(try table("итоговые.csv").rows.map { "\($0[0])|\($0[1])|\($0[3])|\($0[2])" })
        let load = try table("нагрузка.csv").rows
        for s in try table("обучающиеся.csv").rows {
            let (group, name, sub) = (s[0], s[1], s[3])
            guard let enrolled = date(s[4]) else { continue }
            let left = date(s[5])
            var subjects = Set<String>()
            for l in load where l[0] == group && (l[1].isEmpty || l[1] == sub) { subjects.insert(l[2]) }
            for subject in subjects {
                for p in periods where p.end <= last && enrolled <= p.end && (left.map { $0 >= p.end } ?? true)
                    && graded.contains("\(group)|\(subject)|\(p.name)") {
                    let key = "\(group)|\(subject)|\(p.name)|\(name)"
                    if !given.contains(key) { add(.periodMarkMissing, key) }
                }
            }
        }
    }
}
