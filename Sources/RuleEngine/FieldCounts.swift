import JournalModel
import RuleLanguage

/// `count(x)` of the list fields rules count most (`count(marks)`, `count(lessons)`,
/// `count(absences)` of a span, a period mark, a group's month), without building the list: a
/// college's «students without marks» rule counted three lists for each of 250,000 students
/// × months, and built each only to take its length. `Compiler` uses a counter for a plain
/// `count(field)` (no `where`); the records counted are the ones the field's getter lists —
/// both are written with the functions below — and `FieldCountsTests` compares the two on
/// every record of a generated journal.
enum FieldCounts {
    /// The number of records the field's list holds; nil where the getter gives no list. In a
    /// struct for the reason getters are (`FieldGetters.Box`).
    struct Counter: Sendable {
        let count: @Sendable (Ref, Env) -> Int?
    }

    static let all: [FieldKey: Counter] = {
        typealias G = FieldGetters
        var m: [FieldKey: Counter] = [:]
        func add(_ entity: Entity, _ name: String, _ count: @escaping @Sendable (Ref, Env) -> Int?) {
            m[FieldKey(entity, name)] = Counter(count: count)
        }
        add(.span, "marks") { r, e in G.spanCells(r, e, e.ix.marksBySS).count }
        add(.span, "absences") { r, e in G.spanCells(r, e, e.ix.absencesBySS).count }
        add(.span, "lessons") { r, e in tally { G.spanLessons(r, e, $0) } }
        add(.periodMark, "marks") { r, e in G.pmCells(r, e, e.ix.marksBySS)?.count }
        add(.periodMark, "absences") { r, e in G.pmCells(r, e, e.ix.absencesBySS)?.count }
        add(.periodMark, "lessons") { r, e in
            var known = false
            let n = tally { known = G.pmLessons(r, e, $0) }
            return known ? n : nil
        }
        add(.groupMonth, "lessons") { r, e in tally { e.ix.eachLesson(group: r.i, subject: r.a, from: r.from, to: r.to, $0) } }
        add(.groupMonth, "marks") { r, e in tally { G.monthMarks(r, e, $0) } }
        return m
    }()

    /// How many records `visit` hands to the body it is given.
    private static func tally(_ visit: ((Int32) -> Void) -> Void) -> Int {
        var n = 0
        visit { _ in n += 1 }
        return n
    }
}

/// The records behind those fields, for the getter that lists them and the counter above.
extension FieldGetters {
    static func cellRefs(_ ids: ArraySlice<Int32>) -> Value { .list(ids.map { Ref(kind: .cell, i: $0) }) }

    /// A span's student's cells of the span's subject (from `bySS`: marks or absences) in its days.
    static func spanCells(_ r: Ref, _ e: Env, _ bySS: SortedCells) -> ArraySlice<Int32> {
        e.ix.run(bySS[JournalIndex.key(r.i, r.a)], from: r.from, to: r.to)
    }

    /// The lessons of a student's group in `subject` dated `from...to` that the student was
    /// enrolled for.
    static func enrolledLessons(_ student: Int32, subject: Int32, from: Int32, to: Int32, _ e: Env,
                                _ body: (Int32) -> Void) {
        let s = e.journal.students[Int(student)]
        e.ix.eachLesson(group: s.group, subject: subject, from: from, to: to) { l in
            if s.isEnrolled(on: e.journal.lessons[Int(l)].date) { body(l) }
        }
    }

    /// The lessons of a span's subject in its days that its student was enrolled for.
    static func spanLessons(_ r: Ref, _ e: Env, _ body: (Int32) -> Void) {
        enrolledLessons(r.i, subject: r.a, from: r.from, to: r.to, e, body)
    }

    /// A period mark's student's cells of its subject in its period; nil without a known period.
    static func pmCells(_ r: Ref, _ e: Env, _ bySS: SortedCells) -> ArraySlice<Int32>? {
        guard let (f, t) = pmSpan(r, e) else { return nil }
        let m = pm(r, e)
        return e.ix.run(bySS[JournalIndex.key(m.student, m.subject)], from: f, to: t)
    }

    /// The lessons of a period mark's subject in its period that its student was enrolled for;
    /// false (and no call) without a known period.
    static func pmLessons(_ r: Ref, _ e: Env, _ body: (Int32) -> Void) -> Bool {
        guard let (f, t) = pmSpan(r, e) else { return false }
        let m = pm(r, e)
        enrolledLessons(m.student, subject: m.subject, from: f, to: t, e, body)
        return true
    }

    /// The cells with a mark of a group's month's lessons of its subject, lesson by lesson.
    static func monthMarks(_ r: Ref, _ e: Env, _ body: (Int32) -> Void) {
        e.ix.eachLesson(group: r.i, subject: r.a, from: r.from, to: r.to) { l in
            for c in e.ix.cells(ofLesson: l) where e.ix.hasMark(c) { body(c) }
        }
    }
}
