import Foundation
import JournalGenerator
import JournalModel
import Testing
@testable import JournalStore

/// Issue 17: the loader reads cells in the table's stored order and places them with a
/// counting sort instead of an SQL `ORDER BY` over a join, and sorts the lessons itself. The
/// journal's lessons and cells must still come
/// in the order that query gave — day, the day's lessons in order (numbered ones by number, then
/// those a file listed without a number), lesson, student — for the whole journal and for a
/// date range of one group (cells of other lessons and students skipped).
@Suite struct LoaderOrderTests {
    /// `group|subgroup|subject|day|number|student|value` of each cell, in the order the SQL
    /// gives (the loader's query before issue 17, here as the reference).
    static func expected(_ store: JournalStore, lo: Int32, hi: Int32, group: String?) throws -> [String] {
        let s = try store.db.prepare("""
            SELECT g.name, l.subgroup, sj.name, l.day, l.number, st.name, c.value
              FROM lesson l JOIN cell c ON c.lesson_id = l.id JOIN grp g ON g.id = l.group_id
              JOIN subject sj ON sj.id = l.subject_id JOIN student st ON st.id = c.student_id
             WHERE l.day BETWEEN ? AND ? AND (? IS NULL OR g.name = ?)
             ORDER BY l.day, CASE WHEN l.number > 0 THEN l.number ELSE 1000 - l.number END, c.lesson_id, c.student_id
            """)
        try s.bind([.int(Int64(lo)), .int(Int64(hi)), .opt(group), .opt(group)])
        var out: [String] = []
        while try s.step() {
            let number = s.int(4) > 0 ? String(s.int(4)) : "-"
            out.append([s.text(0), s.text(1), s.text(2), String(s.int(3)), number, s.text(5), s.text(6)].joined(separator: "|"))
        }
        return out
    }

    /// `group|subgroup|subject|day|number|topic` of each lesson, in the order of the loader's
    /// query before issue 17 (rows equal in its terms come in the day index's order).
    static func expectedLessons(_ store: JournalStore, lo: Int32, hi: Int32, group: String?) throws -> [String] {
        let s = try store.db.prepare("""
            SELECT g.name, l.subgroup, sj.name, l.day, l.number, l.topic
              FROM lesson l JOIN grp g ON g.id = l.group_id JOIN subject sj ON sj.id = l.subject_id
             WHERE l.day BETWEEN ? AND ? AND (? IS NULL OR g.name = ?)
             ORDER BY l.day, CASE WHEN l.number > 0 THEN l.number ELSE 1000 - l.number END, l.group_id, l.subject_id
            """)
        try s.bind([.int(Int64(lo)), .int(Int64(hi)), .opt(group), .opt(group)])
        var out: [String] = []
        while try s.step() {
            let number = s.int(4) > 0 ? String(s.int(4)) : "-"
            out.append([s.text(0), s.text(1), s.text(2), String(s.int(3)), number, s.optText(5) ?? ""].joined(separator: "|"))
        }
        return out
    }

    /// `student|subject|period|value` of each period mark in the order of the loader's query
    /// before issue 17 (the primary key's: student id, subject id, the period name's bytes).
    static func expectedPeriodMarks(_ store: JournalStore, group: String?) throws -> [String] {
        let s = try store.db.prepare("""
            SELECT st.name, sj.name, m.period_name, m.value FROM period_mark m JOIN student st ON st.id = m.student_id
              JOIN subject sj ON sj.id = m.subject_id JOIN grp g ON g.id = st.group_id
             WHERE ? IS NULL OR g.name = ? ORDER BY m.student_id, m.subject_id, m.period_name
            """)
        try s.bind([.opt(group), .opt(group)])
        var out: [String] = []
        while try s.step() { out.append([s.text(0), s.text(1), s.text(2), s.text(3)].joined(separator: "|")) }
        return out
    }

    static func loadedPeriodMarks(_ j: Journal) -> [String] {
        j.periodMarks.map { [j.student($0.student).name, j.subject($0.subject).name, $0.periodName, $0.value.raw].joined(separator: "|") }
    }

    static func loadedLessons(_ j: Journal) -> [String] {
        j.lessons.map { l in
            [j.group(l.group).name, l.subgroup ?? "", j.subject(l.subject).name, String(l.date.dayNumber),
             l.number.map(String.init) ?? "-", l.topic ?? ""].joined(separator: "|")
        }
    }

    static func loaded(_ j: Journal) -> [String] {
        j.cells.map { c in
            let l = j.lesson(c.lesson)
            return [j.group(l.group).name, l.subgroup ?? "", j.subject(l.subject).name, String(l.date.dayNumber),
                    l.number.map(String.init) ?? "-", j.student(c.student).name, c.value.raw].joined(separator: "|")
        }
    }

    @Test func cellsComeInTheOrderOfTheirDayLessonAndStudent() throws {
        let t = TempDir()
        let folder = t.path("school")
        _ = try SyntheticJournal.generate(GeneratorOptions(size: .small, seed: 7, outputFolder: folder, injectRate: 0.05,
                                                           legacy: true, classes: 2))
        // The legacy grids and logs: double lessons and lessons a grid lists without a number.
        let legacy = try FileManager.default.contentsOfDirectory(atPath: folder + "/legacy").sorted().map { folder + "/legacy/" + $0 }
        let tables = ["учреждение.csv", "календарь.csv", "периоды.csv", "звонки.csv", "группы.csv", "обучающиеся.csv",
                      "нагрузка.csv", "ктп.csv", "итоговые.csv"].map { folder + "/" + $0 }
        let db = t.path("j.sqlite")
        let summary = try importFiles(tables + legacy, db: db)
        #expect(summary.accepted > 1000)
        let store = try JournalStore(path: db)
        let all = try store.load()
        let whole = try Self.expected(store, lo: .min, hi: .max, group: nil)
        #expect(whole.count > 1000 && whole.count == all.cells.count)
        #expect(Self.loaded(all) == whole)
        #expect(Self.loadedLessons(all) == (try Self.expectedLessons(store, lo: .min, hi: .max, group: nil)))
        let periodMarks = try Self.expectedPeriodMarks(store, group: nil)
        #expect(periodMarks.count > 100 && Self.loadedPeriodMarks(all) == periodMarks)
        // Several lessons of one group on one day are in the data (double lessons).
        #expect(Dictionary(grouping: all.lessons) { "\($0.group) \($0.date.dayNumber)" }.values.contains { $0.count > 1 })

        let group = try #require(all.groups.first?.name)
        let dates = try #require(all.lessonDates)
        let from = dates.lowerBound.adding(days: 20), to = dates.lowerBound.adding(days: 60)
        let part = try store.load(from: from, to: to, group: group)
        let reference = try Self.expected(store, lo: from.dayNumber, hi: to.dayNumber, group: group)
        #expect(!reference.isEmpty && reference.count < whole.count)
        #expect(Self.loaded(part) == reference)
        #expect(Self.loadedLessons(part) == (try Self.expectedLessons(store, lo: from.dayNumber, hi: to.dayNumber, group: group)))
        let groupMarks = try Self.expectedPeriodMarks(store, group: group)
        #expect(!groupMarks.isEmpty && groupMarks.count < periodMarks.count && Self.loadedPeriodMarks(part) == groupMarks)
    }

    /// A grid alone lists its lessons by date only (stored as numbers 0, -1, … of the day):
    /// they come after any numbered lesson of their day, in the grid's order.
    @Test func lessonsWithoutNumbersComeInTheGridsOrder() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        _ = try importFiles(["journal_7b_algebra.cp1251.csv", "периоды.csv"].map(Repo.sample), db: db)
        let store = try JournalStore(path: db)
        let j = try store.load()
        #expect(j.lessons.count > 20 && j.lessons.allSatisfy { $0.number == nil })
        #expect(Self.loadedLessons(j) == (try Self.expectedLessons(store, lo: .min, hi: .max, group: nil)))
        #expect(Self.loaded(j) == (try Self.expected(store, lo: .min, hi: .max, group: nil)))
    }
}
