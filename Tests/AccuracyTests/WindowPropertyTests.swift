import Findings
import Foundation
import JournalGenerator
import JournalModel
import Reports
import RuleEngine
import RuleLanguage
import Testing

/// Issue 12: a window selects findings, never evidence. Properties that must hold on any journal:
/// a clean journal gives no нарушение or замечание in any window of any pack; a window reports
/// exactly the full run's findings that fall due in it; the weeks of a year partition it.
@Suite(.serialized) struct WindowPropertyTests {
    static let seed: UInt64 = 77

    /// The windows a deputy director or curator asks for: every week and month of the data,
    /// every study period, and 20 ranges drawn at random (fixed seed).
    static func windows(_ j: Journal, asOf: LocalDateTime) -> [(String, CheckWindow.Request)] {
        guard let span = j.lessonDates else { return [] }
        let last = max(span.upperBound, asOf.date)
        var out: [(String, CheckWindow.Request)] = []
        var w = span.lowerBound.weekStart
        while w <= last { out.append(("неделя \(w)", .week(w))); w = w.adding(days: 7) }
        var m = span.lowerBound.monthStart
        while m <= last {
            out.append(("месяц \(m)", .month(m)))
            m = m.adding(days: LocalDate.daysIn(month: m.month, year: m.year))
        }
        for p in j.calendar.periods { out.append((p.name, .period(p.name))) }
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        let days = span.lowerBound.days(until: last)
        for _ in 0..<20 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let a = Int(x >> 33) % (days + 1)
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let len = Int(x >> 33) % 40
            let from = span.lowerBound.adding(days: a)
            out.append(("с \(from) по \(from.adding(days: len))", .range(from: from, to: from.adding(days: len))))
        }
        return out
    }

    static func evaluate(_ pack: String, _ j: Journal) throws -> (Pack, Evaluation) {
        let p = try PackLoader.load(path: AccuracyFixtures.packPath(pack))
        let asOf = AsOfDefault.moment(j)
        return (p, Engine.evaluate(p.rules, journal: j.asOf(asOf), asOf: asOf))
    }

    @Test(arguments: [("школа, четверти", JournalSize.small, PeriodScheme?.none, 6),
                      ("школа, триместры", .small, .trimesters, 5),
                      ("колледж, семестры", .college, nil, 6)])
    func cleanJournalIsCleanInEveryWindowAndNeedsNoMemo(_ label: String, _ size: JournalSize,
                                                       _ periods: PeriodScheme?, _ classes: Int) throws {
        let run = try SyntheticRun.make(seed: Self.seed, inject: 0, classes: classes, size: size, periods: periods)
        #expect(run.truth.isEmpty)
        let groups = run.journal.groups.map(\.name)
        for pack in AccuracyFixtures.packs {
            let (p, ev) = try Self.evaluate(pack, run.journal)
            let windows = Self.windows(run.journal, asOf: ev.asOf)
            #expect(windows.count > 60, "\(label): \(windows.count) windows")
            for (name, request) in windows {
                let w = try CheckWindow.resolve(request, journal: run.journal, asOf: ev.asOf)
                let (_, findings) = ev.select(from: w.from, to: w.to)
                var serious = findings.filter { $0.severity != .recommendation }
                switch request {
                case .period:
                    // Also from scratch, as `zhurnal check --period` runs it (months: the next test).
                    serious += Checker.check(pack: p, journal: run.journal, options: CheckOptions(from: w.from, to: w.to))
                        .findings.filter { $0.severity != .recommendation }
                default: break
                }
                if !serious.isEmpty {
                    Issue.record("\(label), \(pack), \(name): \(serious.count) findings on a clean journal, e.g. \(serious.prefix(3).map(\.key))")
                }
                guard case .week(let day) = request else { continue }
                let report = Checker.report(ev, pack: p, journal: run.journal,
                                            options: CheckOptions(from: w.from, to: w.to, asOf: ev.asOf))
                for g in groups where ServiceMemo.build(report: report, journal: run.journal, group: g, week: day,
                                                        settings: MemoSettings()) != nil {
                    Issue.record("\(label), \(pack), \(name): a memo for \(g) on a clean journal")
                }
            }
        }
    }

    @Test func aWindowReportsExactlyTheFindingsDueInItAndWeeksPartitionTheYear() throws {
        let run = try SyntheticRun.make(seed: Self.seed, inject: 0.05, classes: 5)
        var total = 0
        for pack in AccuracyFixtures.packs {
            let (p, ev) = try Self.evaluate(pack, run.journal)
            let full = ev.select().findings
            total += full.count
            let byKey = Dictionary(grouping: full, by: \.key)
            #expect(byKey.values.allSatisfy { $0.count == 1 }, "\(pack): a stable key repeats in the full run")
            var seen: [String: Int] = [:]
            for (name, request) in Self.windows(run.journal, asOf: ev.asOf) {
                let w = try CheckWindow.resolve(request, journal: run.journal, asOf: ev.asOf)
                let selected = Set(ev.select(from: w.from, to: w.to).findings.map(\.key))
                let due = Set(full.filter { f in
                    guard let d = f.dueDate else { return false }
                    return (w.from.map { d >= $0 } ?? true) && (w.to.map { d <= $0 } ?? true)
                }.map(\.key))
                #expect(selected == due, "\(pack), \(name): \(selected.symmetricDifference(due).prefix(5))")
                if case .week = request { for k in selected { seen[k, default: 0] += 1 } }
            }
            #expect(Set(seen.keys) == Set(byKey.keys), "\(pack): findings in no week: \(Array(Set(byKey.keys).subtracting(seen.keys)).prefix(3)) due \(full.filter { !seen.keys.contains($0.key) }.prefix(3).map { "\($0.due.map(String.init(describing:)) ?? "-") \($0.dueDate.map(String.init(describing:)) ?? "-")" })")
            #expect(seen.values.allSatisfy { $0 == 1 }, "\(pack): a finding in two weeks")
            // The same window through a fresh check (evaluation from scratch, as `zhurnal check --month` runs).
            for m in [LocalDate(year: 2025, month: 10, day: 1)!, LocalDate(year: 2026, month: 3, day: 1)!] {
                let w = try CheckWindow.resolve(.month(m), journal: run.journal, asOf: ev.asOf)
                let fresh = Checker.check(pack: p, journal: run.journal, options: CheckOptions(from: w.from, to: w.to))
                #expect(Set(fresh.findings.map(\.key)) == Set(ev.select(from: w.from, to: w.to).findings.map(\.key)))
                let g = run.journal.groups[0].name
                let one = Checker.check(pack: p, journal: run.journal, options: CheckOptions(from: w.from, to: w.to, group: g))
                #expect(Set(one.findings.map(\.key)) == Set(fresh.findings.filter { $0.group == g }.map(\.key)),
                        "\(pack): --group \(g) must report that group's findings of the whole evaluation")
            }
        }
        #expect(total > 500, "the injected journal must give the property something to hold on (\(total) findings)")
    }

    /// Students who joined or left in the middle of a period are named, with the reason, by
    /// oosh14's accumulation rule — never judged, never silently left out. Who they are is read
    /// from the generated обучающиеся.csv and итоговые.csv, not from the journal.
    @Test func studentsInTheClassForPartOfAPeriodAreNamedAsNotJudged() throws {
        let run = try SyntheticRun.make(seed: Self.seed, inject: 0, classes: 6)
        let (_, ev) = try Self.evaluate("oosh14", run.journal)
        let outcome = try #require(ev.select().outcomes.first { $0.ruleId == "OOSH14-4.5-ACCUMULATION" })
        let periods = run.journal.calendar.periods
        var expected = Set<String>()
        for m in run.periodMarks {
            guard let p = periods.first(where: { $0.name == m.period }), p.kind != .year,
                  let s = run.students.first(where: { $0.group == m.group && $0.name == m.student }) else { continue }
            let joinedLate = (s.enrolled.map { $0 > p.start.adding(days: 14) } ?? false)
            let leftEarly = (s.left.map { $0 < p.end.adding(days: -14) } ?? false)
            if joinedLate || leftEarly { expected.insert("\(m.group)|\(m.subject)|\(m.period)|\(m.student)") }
        }
        #expect(expected.count >= 10, "the generator must make mid-period movers with period marks (\(expected.count))")
        let named = Set(outcome.skippedItems.map(\.key))
        #expect(named == expected, "named \(named.subtracting(expected).prefix(5)), not named \(expected.subtracting(named).prefix(5))")
        #expect(outcome.skippedItems.allSatisfy { $0.reason.contains("проверяется не целиком") && $0.student != nil })
    }
}
