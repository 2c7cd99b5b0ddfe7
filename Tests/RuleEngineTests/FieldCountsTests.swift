import Testing
import JournalModel
import RuleLanguage
@testable import RuleEngine

/// Issue 17: `count(marks)`, `count(lessons)`, `count(absences)` of a span, a period mark and a
/// group's month are counted without building the list (`FieldCounts`). Each counter must give
/// the length of its field's list — on every record, with students enrolled late or gone early
/// (the lessons they were not there for are not theirs) and period marks of an unknown period
/// (no list: unknown).
@Suite struct FieldCountsTests {
    /// The engine tests' synthetic journal with a student of every fourth enrolled in October,
    /// one of every seventh gone in November, and every tenth period mark's period unknown.
    static let journal: Journal = {
        var j = RulePiecesTests.journal
        for i in j.students.indices {
            if i % 4 == 1 { j.students[i].enrolled = LocalDate(year: 2025, month: 10, day: 6) }
            if i % 7 == 2 { j.students[i].left = LocalDate(year: 2025, month: 11, day: 20) }
        }
        for i in j.periodMarks.indices where i % 10 == 3 { j.periodMarks[i].period = nil }
        return j
    }()

    static func scope(_ name: String) throws -> ScopeInfo { try #require(FieldRegistry.scope(name)) }

    /// Also with a lesson numbered 150 (an export numbering lessons through the year): the lesson
    /// keys then do not follow the dates, and a date range's lessons are found by a scan instead
    /// of a binary search (`JournalIndex.eachLesson`).
    @Test(arguments: [false, true])
    func eachCounterCountsWhatItsGetterLists(lessonNumberedBeyond99: Bool) throws {
        var j = Self.journal
        if lessonNumberedBeyond99 { j.lessons[5].number = 150 }
        let ix = JournalIndex(journal: j, asOf: RulePiecesTests.asOf)
        #expect(ix.keysFollowDates == !lessonNumberedBeyond99)
        let env = Env(journal: j, ix: ix)
        var compared: [FieldKey: Int] = [:], nonZero: [FieldKey: Int] = [:], unknown = 0
        let scopes = try ["student_subject_period", "period_marks", "group_subject_month"].map(Self.scope)
        for scope in scopes {
            Scopes.each(scope, env) { ref, _ in
                for (key, counter) in FieldCounts.all where key.entity == scope.entity {
                    guard let getter = FieldGetters.all[key]?.get else {
                        Issue.record("\(key) is counted but has no getter")
                        continue
                    }
                    let counted = counter.count(ref, env)
                    switch getter(ref, env) {
                    case .list(let items):
                        #expect(counted == items.count, "\(key) of \(ref)")
                        if items.count > 0 { nonZero[key, default: 0] += 1 }
                    case .null:
                        #expect(counted == nil, "\(key) of \(ref)")
                        unknown += 1
                    default:
                        Issue.record("\(key) is not a list")
                    }
                    compared[key, default: 0] += 1
                }
            }
        }
        // The lessons counted, against the journal's lessons read one by one (a definition that
        // shares nothing with the index): a group's month, and a span whose student is enrolled.
        func lessonsInJournal(group: Int32, subject: Int32, from: Int32, to: Int32, student: Student?) -> Int {
            j.lessons.indices.filter { i in
                let l = j.lessons[i], d = l.date.dayNumber
                return l.group == group && l.subject == subject && d >= from && d <= to && (student?.isEnrolled(on: l.date) ?? true)
            }.count
        }
        var spans = 0
        Scopes.each(try Self.scope("group_subject_month"), env) { r, _ in
            #expect(FieldCounts.all[FieldKey(.groupMonth, "lessons")]?.count(r, env)
                    == lessonsInJournal(group: r.i, subject: r.a, from: r.from, to: r.to, student: nil), "\(r)")
        }
        Scopes.each(try Self.scope("student_subject_period"), env) { r, _ in
            spans += 1
            guard spans % 20 == 0 else { return }   // a sample: each record scans the whole journal
            let s = j.students[Int(r.i)]
            #expect(FieldCounts.all[FieldKey(.span, "lessons")]?.count(r, env)
                    == lessonsInJournal(group: s.group, subject: r.a, from: r.from, to: r.to, student: s), "\(r)")
        }

        // Every counted field was compared on many records, most of them non-empty lists.
        #expect(Set(compared.keys) == Set(FieldCounts.all.keys))
        for key in FieldCounts.all.keys {
            #expect(compared[key, default: 0] >= 100, "\(key): \(compared[key, default: 0]) records")
            #expect(nonZero[key, default: 0] >= 50, "\(key): \(nonZero[key, default: 0]) non-empty")
        }
        // The period marks of an unknown period have no lists (marks, absences, lessons).
        #expect(unknown > 0 && unknown % 3 == 0)
        // Students enrolled late or gone early: their spans count fewer lessons than the group's.
        let late = try #require(j.students.indices.first { j.students[$0].enrolled != nil })
        var fewer = 0
        Scopes.each(try Self.scope("student_subject_period"), env) { ref, _ in
            guard Int(ref.i) == late, let own = FieldCounts.all[FieldKey(.span, "lessons")]?.count(ref, env) else { return }
            let group = ix.lessons(group: j.students[late].group, subject: ref.a, from: ref.from, to: ref.to).count
            if own < group { fewer += 1 }
        }
        #expect(fewer > 0)
    }

    /// `count(field)` with no `where` is compiled to the counter; with a `where` it is not.
    @Test func onlyAPlainCountOfACountedFieldTakesTheCounter() {
        let marks = TExpr.member(.item(1), .span, "marks")
        #expect(Compiler.plainCount("count", marks, nil, nil) != nil)
        #expect(Compiler.plainCount("count", marks, .literal(.bool(true)), nil) == nil)
        #expect(Compiler.plainCount("sum", marks, nil, nil) == nil)
        #expect(Compiler.plainCount("count", .member(.item(1), .lesson, "marks"), nil, nil) == nil)
    }
}
