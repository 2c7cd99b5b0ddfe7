import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// A canonical marks table large enough for many of the direct path's multi-row inserts, with
/// the shapes exports mix: a group written «7б (7б)» on some rows, names with a trailing
/// non-breaking space or a leading space, three timestamp forms (one with an offset), values
/// the import must keep verbatim, empty optional columns. The expected database is computed
/// here from the rows, not by running the importer.
extension DirectPathTests {
    static let groups = ["7б", "8а"]
    static let subjects = ["Алгебра", "История"]
    static let values = ["5", "4", "н", "н5", "5/4", "осв", "зач", "отл.", "безотм", "3"]
    static let studentsPerGroup = 30

    struct Row {
        var line: String
        var group: String, subject: String, student: String, value: String, day: Int
        /// Seconds since midnight of the expected local entry time.
        var enteredLocal: Int
    }

    static func rows() -> [Row] {
        var out: [Row] = []
        for (gi, g) in groups.enumerated() {
            for (si, subject) in subjects.enumerated() {
                for day in 1...10 {
                    let groupText = (gi == 0 && day % 2 == 1) ? "\(g) (\(g))" : g
                    for k in 1...studentsPerGroup {
                        let name = "Ученик \(g)-\(k)"
                        let written = k % 7 == 0 ? name + "\u{00A0}" : (k % 5 == 0 ? " " + name : name)
                        let value = values[(k + day) % values.count]
                        let work = k % 3 == 0 ? "" : (k % 3 == 1 ? "устный ответ" : "контрольная работа")
                        let teacher = k % 4 == 0 ? "" : "Учитель \(subject)"
                        let minute = (k * 7 + day) % 60
                        let dd = String(format: "%02d", day), mm = String(format: "%02d", minute)
                        let stamp: String
                        switch k % 3 {
                        case 0: stamp = "\(dd).09.2025 14:\(mm)"
                        // 16:mm at +05:00 is 14:mm in Moscow (+03:00), the default zone.
                        case 1: stamp = "2025-09-\(dd)T16:\(mm):00+05:00"
                        default: stamp = "\(dd).09.25 14:\(mm):00"
                        }
                        let line = [groupText, subject, "\(dd).09.2025", "\(si + 1)", written, value, work, stamp, teacher]
                            .joined(separator: ";")
                        out.append(Row(line: line, group: g, subject: subject, student: name, value: value, day: day,
                                       enteredLocal: 14 * 3600 + minute * 60))
                    }
                }
            }
        }
        return out
    }

    static let header = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Вид работы;Внесено;Внёс\n"

    @Test func manyBlocksGoDirectAndEqualTheStagedImport() throws {
        let t = TempDir()
        let rows = Self.rows()
        #expect(rows.count == 1200 && rows.count % DirectCells.rowsPerInsert != 0)
        let p = try t.write("отметки.csv", Self.header + rows.map(\.line).joined(separator: "\n") + "\n")
        let (_, direct) = try compare([p], expectDirect: true, in: t)
        #expect((direct.read, direct.accepted, direct.rejected) == (1200, 1200, 0))

        let db = t.path("direct.sqlite")
        let store = try JournalStore(path: db)
        #expect(try names(store, "SELECT name FROM grp ORDER BY name") == Self.groups)
        let students = try names(store, "SELECT name FROM student ORDER BY name")
        #expect(students.count == 60)
        #expect(students.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix("\u{00A0}") })
        #expect(try store.db.scalar("SELECT count(*) FROM cell") == 1200)
        #expect(try store.db.scalar("SELECT count(*) FROM lesson") == 2 * 2 * 10)

        // Every row's value and local entry time, cell by cell.
        let s = try store.db.prepare("""
            SELECT g.name || '|' || sj.name || '|' || st.name || '|' || l.day || '|' || c.value || '|' || c.entered_at
            FROM cell c JOIN lesson l ON l.id = c.lesson_id JOIN grp g ON g.id = l.group_id
            JOIN student st ON st.id = c.student_id JOIN subject sj ON sj.id = l.subject_id
            """)
        var stored: [String] = []
        while try s.step() { stored.append(s.text(0)) }
        let expected = rows.map { r in
            let day = LocalDate(year: 2025, month: 9, day: r.day)!
            return "\(r.group)|\(r.subject)|\(r.student)|\(day.dayNumber)|\(r.value)|\(Int64(day.dayNumber) * 86400 + Int64(r.enteredLocal))"
        }
        #expect(stored.sorted() == expected.sorted())
        #expect(try store.db.scalar("SELECT count(*) FROM cell WHERE value = 'отл.'") == 120)
        #expect(try store.db.scalar("SELECT count(*) FROM cell WHERE work_type_id IS NULL") == 400)
        #expect(try store.db.scalar("SELECT count(*) FROM cell WHERE entered_by IS NULL") == 2 * 2 * 10 * 7)
        // The ids the import wrote all exist (a first import checks the keys before it commits,
        // `KeysAtEnd`), and the keys are enforced again afterwards.
        #expect(try store.db.scalar("SELECT count(*) FROM pragma_foreign_key_check") == 0)
        #expect(try store.db.scalar("PRAGMA foreign_keys") == 1)
    }

    @Test func repeatedCellInsideAFullBlockFallsBackToStaged() throws {
        let t = TempDir()
        var lines = try String(contentsOfFile: Repo.sample("marks_log_7b_algebra.csv"), encoding: .utf8)
            .components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(lines.count > DirectCells.rowsPerInsert * 2)
        lines.insert(lines[1], at: 3)   // line 4 repeats line 2, inside the first block of 64
        let p = try t.write("marks.csv", lines.joined(separator: "\n") + "\n")
        let (staged, direct) = try compare([p], expectDirect: false)
        #expect(staged.rejected == 1 && direct.rejected == 1)
        #expect(direct.files[0].rejections.map(\.location.line) == [4])
    }

    @Test func badTimestampInTheMarksTableNamesItsColumn() throws {
        let t = TempDir()
        let good = "7б;Алгебра;01.09.2025;2;Петров Пётр;5;;01.09.2025 14:05;\n"
        let p = try t.write("m.csv", Self.header + good
                            + "7б;Алгебра;01.09.2025;2;Иванов Иван;4;;01.09.2025 25:10;\n"
                            + "7б;Алгебра;01.09.2025;2;Сидоров Сидор;4;;вчера;\n")
        let s = try importFiles([p], db: t.path("j.sqlite"))
        let f = try #require(s.files.first)
        #expect((f.read, f.accepted, f.rejected) == (3, 1, 2))
        #expect(f.rejections.map(\.location.line) == [3, 4])
        // «7б;Алгебра;01.09.2025;2;Иванов Иван;4;;» is 39 characters.
        #expect(f.rejections[0].location.column == 40)
        #expect(f.rejections[0].reason == "дата «01.09.2025 25:10» невозможна: такого дня или времени нет в календаре")
        #expect(f.rejections[1].reason.hasPrefix("«вчера» — не дата"))
        // A rejected row adds no student.
        #expect(try JournalStore(path: t.path("j.sqlite")).load().students.map(\.name) == ["Петров Пётр"])
    }
}
