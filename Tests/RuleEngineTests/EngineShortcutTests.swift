import Foundation
import Testing
import JournalModel
import Findings
import RuleLanguage
@testable import RuleEngine

/// Issue 17: the engine's shortcuts give exactly what the plain evaluation gives — a character
/// class decided without ICU, an aggregate that stops at a date bound on a date-ordered list,
/// the per-student cell lists built without a global sort.
@Suite struct EngineShortcutTests {
    /// Texts of every kind the journal holds, and code points outside the class table (é is
    /// inside it; CJK, emoji, a Latin letter with a combining mark, Greek are not all inside).
    static let texts: [String] = {
        var out = ["", " ", "Дроби", "Unit 3. My family", "Я", "ёж", "Ёж", "a", "1", "5", "6", "§ 4, № 112", "—", "«»",
                   "Present Simple — Настоящее время", "ПЗ №3", "\u{00A0}", "café", "e\u{0301}", "日本語", "🙂", "Ωμέγα",
                   "x\u{2116}y", "1-5", "А1", "12345", "..", "A\u{0410}", "\u{0482}\u{0483}", "\u{2160}"]
        let pool = Array("аяАЯёЁжzZaq09 .,-—«»№\u{00A0}\u{0301}é日🙂Ω\u{2160}\u{0483}5")
        var rng: UInt64 = 17
        for _ in 0..<400 {
            var s = ""
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(rng >> 60) {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                s.append(pool[Int((rng >> 33) % UInt64(pool.count))])
            }
            out.append(s)
        }
        return out
    }()

    @Test func aCharacterClassIsDecidedAsICUDecidesIt() throws {
        // The class patterns of the shipped packs, and repetitions of them.
        for p in ["\\p{L}", "[\\p{L}\\p{N}]", "[А-Яа-яЁё]{2}", "[A-Za-z]", "[1-5]", "\\p{L}{3}", "[\\p{N}]{2}"] {
            let cls = try #require(ClassPattern(p), "\(p) is a class pattern")
            let re = try BoundedRegex(p)
            var decided = 0
            for t in Self.texts {
                let fast = cls.matches(t)
                if fast != nil { decided += 1 }
                #expect((fast ?? re.matches(t)) == re.matches(t), "\(p) on «\(t)»")
            }
            // Most texts are decided without ICU (else the shortcut would not be one).
            #expect(decided > Self.texts.count / 2, "\(p): \(decided) of \(Self.texts.count)")
        }
    }

    @Test func otherPatternsAreLeftToICU() {
        for p in ["(?i)[a-z]", "[^a-z]", "\\d", "[a-z]+", "[a-z]{0}", "[a-z]{10}", "[\\w]", "[a-]", "[[a-z]]", "ab", "\\p{L}|x",
                  "(?i)контрольн|письменн", "[a-z&&b]", "[a z]"] {
            #expect(ClassPattern(p) == nil, "\(p)")
        }
    }

    @Test func cellListsAreInTheOrderOfAStableSort() {
        // 3000 cells in 40 groups, keys with many ties; group 7 holds a run longer than 512.
        var rng: UInt64 = 5
        func next(_ n: Int) -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int((rng >> 33) % UInt64(n))
        }
        let n = 3000
        let group = (0..<n).map { i in Int64(i % 5 == 0 ? 7 : next(40)) * 1_000_003 }
        let key = (0..<n).map { _ in Int64(next(30)) }
        let cells = (0..<n).filter { _ in next(10) > 0 }
        let s = SortedCells(cells, group: group, order: key)
        let expected = cells.sorted { (group[$0], key[$0]) < (group[$1], key[$1]) }   // stable
        #expect(s.order == expected.map { Int32($0) })
        #expect(cells.filter { group[$0] == 7 * 1_000_003 }.count > 512)
        for g in Set(cells.map { group[$0] }) {
            #expect(s[g].map(Array.init) == expected.filter { group[$0] == g }.map { Int32($0) })
        }
    }

    /// A rule per aggregate, once with the date bound the engine stops at and once written so
    /// that it does not (`not (x.date > D)` is the same condition for a known date): every
    /// record gets the same value.
    @Test func anAggregateStoppedAtADateBoundCountsWhatTheWholeScanCounts() throws {
        let j = SyntheticJournal.make(cells: 20_000)
        let pairs = [
            ("count(l in lesson.later_lessons where l.date <= date + 4 дня)",
             "count(l in lesson.later_lessons where not (l.date > date + 4 дня))"),
            ("count(l in lesson.later_lessons where l.date <= date + 9 дней and not exists(c in l.absences where c.student = student))",
             "count(l in lesson.later_lessons where not (l.date > date + 9 дней) and not exists(c in l.absences where c.student = student))"),
            ("count(c in later_cells where c.has_mark and c.date < date + 14 дней)",
             "count(c in later_cells where c.has_mark and not (c.date >= date + 14 дней))"),
            ("count(c in earlier_cells where c.date <= date - 3 дня)",
             "count(c in earlier_cells where not (c.date > date - 3 дня))"),
            ("ratio(l in last(lesson.earlier_lessons, 5) where l.date <= date - 7 дней)",
             "ratio(l in last(lesson.earlier_lessons, 5) where not (l.date > date - 7 дней))"),
        ]
        for (n, (a, plain)) in pairs.enumerated() {
            func rule(_ id: String, _ m: String) -> String {
                """
                rule \(id) {
                  title "x"
                  clause "п. 1"
                  severity нарушение
                  tags отметки
                  scope marks
                  measure \(m)
                  warn >= 0
                  message "{measure}"
                  example triggers {
                    lesson date=2025-09-01
                    cell student="А" value=5
                  }
                  example passes {
                    lesson date=2025-09-01
                  }
                }

                """
            }
            // The first form is the one the engine stops early on; the second is scanned whole.
            let pack = try PackLoader.load(text: LanguageConstructsTests.header + rule("A", a) + rule("B", plain), file: "t.rules")
            func stops(_ r: CheckedRule) -> Bool {
                guard case .aggregate(_, let coll, _, let filter?, _) = r.measure else { return false }
                return DateCutoff.conjunct(of: filter, over: coll, depth: 1) != nil
            }
            #expect(pack.rules.count == 2 && stops(pack.rules[0]) && !stops(pack.rules[1]), "\(a)")
            let (_, findings) = try LanguageConstructsTests.run(rule("A\(n)", a) + rule("B\(n)", plain), j)
            let byRule = Dictionary(grouping: findings, by: \.ruleId)
            let stopped = (byRule["A\(n)"] ?? []).map { "\($0.key.dropFirst(3)) \($0.message)" }
            let whole = (byRule["B\(n)"] ?? []).map { "\($0.key.dropFirst(3)) \($0.message)" }
            #expect(stopped.count > 1000, "\(a): \(stopped.count) marks judged")
            #expect(stopped == whole, "\(a)")
            // Not a list of zeros: the bound keeps some elements and drops others.
            #expect(Set((byRule["A\(n)"] ?? []).map(\.message)).count > 1, "\(a)")
        }
    }
}
