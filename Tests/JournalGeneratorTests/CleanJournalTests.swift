import JournalModel
import Testing
@testable import JournalGenerator

/// `--inject 0`: the journal must satisfy every regulation the packs check; each invariant is
/// recomputed from the CSV files.
@Suite struct CleanJournalTests {
    var folder: String { Fixtures.smallClean.folder }

    @Test func noViolationOfAnyKind() throws {
        let truth = try CSVTable(folder + "/ground_truth.csv")
        #expect(truth.rows.isEmpty)
        let oracle = try Oracle(folder: folder)
        for k in ViolationKind.allCases {
            #expect(oracle.found[k.rawValue, default: []].isEmpty, "\(k.rawValue): \(oracle.found[k.rawValue, default: []].sorted().prefix(3))")
        }
    }

    @Test func lessonsAreCompleteAndEnteredDuringTheDay() throws {
        let t = try CSVTable(folder + "/занятия.csv")
        // The group's last lesson end per day, for the «1.5 hours after the lessons» homework rule.
        var lastEnd: [String: Int] = [:]
        for r in t.rows { lastEnd["\(r[0])|\(r[3])"] = max(lastEnd["\(r[0])|\(r[3])"] ?? 0, minutes(r[6]) ?? 0) }
        let plan = try CSVTable(folder + "/ктп.csv")
        var planTopics: [String: [String]] = [:]
        for r in plan.rows { planTopics["\(r[0])|\(r[1])", default: []].append(r[3]) }
        var ordinal: [String: Int] = [:]
        for r in t.rows {
            guard let day = date(r[3]), let start = minutes(r[5]), let rec = stamp(r[13]), let topicAt = stamp(r[14]),
                  let hw = stamp(r[15]) else { Issue.record("incomplete lesson \(r)"); continue }
            #expect(!r[10].isEmpty && !r[11].isEmpty && !r[12].isEmpty && !r[4].isEmpty)
            let startStamp = LocalDateTime(date: day, time: TimeOfDay(secondsSinceMidnight: Int32(start * 60)))
            #expect(rec.date == day && rec >= startStamp && topicAt == rec)
            #expect(hw.date == day && Int(hw.time.seconds) / 60 <= (lastEnd["\(r[0])|\(r[3])"] ?? 0) + 90)
            if r[7] != r[8] { #expect(r[9] == r[13] && r[16] == r[8]) } else { #expect(r[9].isEmpty) }
            // The topic is the КТП topic of the same ordinal; works name their theme.
            let k = "\(r[0])|\(r[2])"
            if r[1] != "2" {
                let n = ordinal[k, default: 0]
                ordinal[k] = n + 1
                #expect(planTopics[k]?[n] == r[10], "\(k) #\(n + 1): «\(r[10])» is not the КТП topic")
            }
            if r[11].hasSuffix("работа") { #expect(r[10].contains(" по теме «")) }
        }
    }

    @Test func cellsHoldOnlyMarksOrNAndAreEnteredDuringTheLesson() throws {
        let lessons = try CSVTable(folder + "/занятия.csv")
        var times: [String: (Int, Int)] = [:]
        for r in lessons.rows { times["\(r[0])|\(r[2])|\(r[3])|\(r[4])"] = (minutes(r[5]) ?? 0, minutes(r[6]) ?? 0) }
        let cells = try CSVTable(folder + "/отметки.csv")
        var byStudent: [String: [(LocalDate, Int)]] = [:]
        for r in cells.rows {
            #expect(["2", "3", "4", "5", "н"].contains(r[5]), "value «\(r[5])»")
            guard let (start, end) = times["\(r[0])|\(r[1])|\(r[2])|\(r[3])"], let d = date(r[2]), let at = stamp(r[7]) else {
                Issue.record("cell without a lesson: \(r)"); continue
            }
            let m = Int(at.time.seconds) / 60
            #expect(at.date == d && m >= start && m <= end + 60)
            if let v = Int(r[5]) { byStudent["\(r[0])|\(r[1])|\(r[4])", default: []].append((d, v)) }
        }
        // An unsatisfactory mark is followed by another mark in 2–4 days (oosh14 4.1).
        for marks in byStudent.values {
            for (i, m) in marks.enumerated() where m.1 == 2 {
                let next = marks.dropFirst(i + 1).first
                #expect(next.map { (2...4).contains(m.0.days(until: $0.0)) } == true)
            }
        }
    }

    @Test func enoughMarksAndPeriodMarksForEveryone() throws {
        let load = try CSVTable(folder + "/нагрузка.csv").rows
        let periods = try CSVTable(folder + "/периоды.csv").rows.filter { $0[1] == "четверть" }
        var marks: [String: [LocalDate]] = [:]
        for r in try CSVTable(folder + "/отметки.csv").rows where r[5] != "н" {
            if let d = date(r[2]) { marks["\(r[0])|\(r[1])|\(r[4])", default: []].append(d) }
        }
        var periodMarks = Set<String>()
        for r in try CSVTable(folder + "/итоговые.csv").rows {
            #expect(["2", "3", "4", "5"].contains(r[4]))
            periodMarks.insert("\(r[0])|\(r[1])|\(r[2])|\(r[3])")
        }
        for s in try CSVTable(folder + "/обучающиеся.csv").rows {
            guard let enrolled = date(s[4]) else { continue }
            let left = date(s[5])
            for l in load where l[0] == s[0] {
                let needed = max(3, 2 * (Int(l[4]) ?? 1))
                for p in periods {
                    // Students in the class for the whole quarter (movers in its middle have one or two marks).
                    guard let a = date(p[2]), let b = date(p[3]), enrolled <= a.adding(days: 14),
                          left.map({ $0 >= b.adding(days: -14) }) ?? true else { continue }
                    let n = marks["\(s[0])|\(l[2])|\(s[1])", default: []].filter { a <= $0 && $0 <= b }.count
                    #expect(n >= needed, "\(s[0]) \(l[2]) \(p[0]): \(n) marks, \(needed) needed")
                    #expect(periodMarks.contains("\(s[0])|\(l[2])|\(s[1])|\(p[0])"))
                }
            }
        }
    }

    @Test func planHoursMatchTheLoad() throws {
        var hours: [String: Int] = [:]
        for r in try CSVTable(folder + "/ктп.csv").rows { hours["\(r[0])|\(r[1])", default: 0] += Int(r[4]) ?? 0 }
        for l in try CSVTable(folder + "/нагрузка.csv").rows {
            #expect(hours["\(l[0])|\(l[2])"] == Int(l[5]), "\(l[0]) \(l[2])")
        }
    }
}
