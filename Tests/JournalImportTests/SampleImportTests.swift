import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// Each legacy sample imported on its own and all together. Expected numbers were derived
/// from the files with awk/iconv, not by running the importer, e.g.
///   grid cells:  iconv -f cp1251 -t utf-8 journal_7b_algebra.cp1251.csv | awk -F';' 'NR>9' → 390
///                non-empty cells in the 47 day columns (value counts: 4:112 н:97 3:73 5:66 2:38
///                5/4:1 н5:1 б:1 4-:1); period columns $27 «1 четв» and $51 «2 четв»: 26 values
///                each (3:12 4:34 5:3 н/а:2 осв:1); «Год» ($52) and «Итог» ($53) are empty
///   marks log:   awk -F';' 'NR>1' marks_log_7b_algebra.csv | wc -l → 390; work types
///                контрольная работа 97, работа на уроке 56, самостоятельная 50, устный ответ 46,
///                домашняя работа 44, none 97
///   topics:      47 rows; one empty topic (12.09.2025), one «.» (10.10.2025); homework: one
///                empty (19.11.2025), two «.»
///   lessons log: awk -F',' 'NR>1' → 47 lessons; $7 != $8 → 3 substitutions (08.10, 10.10,
///                03.12.2025, Кузнецов Павел Андреевич), each with «Замена отмечена»; one lesson
///                without «ДЗ внесено» (19.11.2025)
@Suite struct SampleImportTests {
    func load(_ files: [String]) throws -> (ImportSession.Summary, Journal) {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let s = try importFiles(files.map(Repo.sample), db: db)
        return (s, try JournalStore(path: db).load())
    }

    func count(_ j: Journal, _ k: CellValue.Kind) -> Int { j.cells.filter { $0.value.kind == k }.count }

    @Test func grid() throws {
        let (s, j) = try load(["journal_7b_algebra.cp1251.csv"])
        let f = try #require(s.files.first)
        #expect(f.profile == "сетка журнала (выгрузка по классу)")
        #expect(f.encoding == .cp1251)
        #expect((f.read, f.accepted, f.rejected) == (26, 26, 0))
        #expect(j.groups.map(\.name) == ["7б"])   // «7б (7б)» normalised
        #expect(j.subjects.map(\.name) == ["Алгебра"])
        #expect(j.students.count == 26)
        #expect(j.lessons.count == 47)
        #expect(j.lessons.first?.date == date("01.09.2025") && j.lessons.last?.date == date("26.12.2025"))
        #expect(j.lessons.allSatisfy { j.teacher($0.scheduledTeacher!).name == "Смирнова Ольга Петровна" })
        #expect(j.cells.count == 390)
        // One «4-» in the grid (and in marks_log_7b_algebra.csv) is a mark with a sign, its own kind (issue 12).
        #expect(count(j, .mark) == 289 && count(j, .markWithModifier) == 1 && count(j, .absence) == 97 && count(j, .doubleMark) == 1)
        #expect(count(j, .absenceWithMark) == 1 && count(j, .unrecognized) == 1)
        #expect(j.cells.first { $0.value.kind == .unrecognized }?.value.raw == "б")
        #expect(j.periodMarks.count == 52)
        #expect(j.periodMarks.filter { $0.periodName == "1 четв" }.count == 26)
        #expect(j.periodMarks.filter { $0.periodName == "2 четв" }.count == 26)
        #expect(j.periodMarks.filter { $0.value.kind == .notAttested }.count == 2)
        #expect(j.periodMarks.filter { $0.value.kind == .exempt }.count == 1)
        // Абрамов Артём, 05.09.2025: «4» (row 10, third day column).
        let abramov = try #require(j.students.firstIndex { $0.name == "Абрамов Артём" })
        let l0509 = try #require(j.lessons.firstIndex { $0.date == date("05.09.2025") })
        #expect(j.cells.first { $0.student == StudentID(abramov) && $0.lesson == LessonID(l0509) }?.value.raw == "4")
    }

    @Test func marksLog() throws {
        let (s, j) = try load(["marks_log_7b_algebra.csv"])
        let f = try #require(s.files.first)
        #expect(f.profile == "журнал отметок (лог выставления)")
        #expect((f.read, f.accepted, f.rejected) == (390, 390, 0))
        #expect(j.cells.count == 390 && j.lessons.count == 47)
        #expect(j.cells.filter { $0.workType == "контрольная работа" }.count == 97)
        #expect(j.cells.filter { $0.workType == nil }.count == 97)
        #expect(j.cells.allSatisfy { $0.enteredAt != nil && $0.enteredBy != nil })
        // First row: Васильев Никита, 01.09.2025 урок 2, «4», устный ответ, 01.09.2025 13:31.
        let first = try #require(j.cells.first { j.student($0.student).name == "Васильев Никита" && j.lesson($0.lesson).date == date("01.09.2025") })
        #expect(first.value.raw == "4" && first.workType == "устный ответ")
        #expect(first.enteredAt?.description == "01.09.2025 13:31")
        #expect(j.lesson(first.lesson).number == 2)
    }

    @Test func topics() throws {
        let (s, j) = try load(["topics_7b_algebra.csv"])
        let f = try #require(s.files.first)
        #expect(f.profile == "темы уроков (планирование)")
        #expect(f.encoding == .utf8BOM)
        #expect((f.read, f.accepted, f.rejected) == (47, 47, 0))
        #expect(j.lessons.count == 47)
        #expect(j.lessons.filter { $0.topic == nil }.map(\.date) == [date("12.09.2025")])
        #expect(j.lessons.filter { $0.topic == "." }.map(\.date) == [date("10.10.2025")])
        #expect(j.lessons.filter { $0.homework == nil }.map(\.date) == [date("19.11.2025")])
        #expect(j.lessons.filter { $0.homework == "." }.count == 2)
        #expect(j.lessons.first { $0.date == date("22.09.2025") }?.topic == "Контрольная работа № 1 по теме «Итоги раздела»")
    }

    @Test func lessonsLog() throws {
        let (s, j) = try load(["lessons_log_7b_algebra.csv"])
        let f = try #require(s.files.first)
        #expect(f.profile == "журнал уроков (лог занятий)")
        #expect(f.delimiter == ",")
        #expect((f.read, f.accepted, f.rejected) == (47, 47, 0))
        let subs = j.lessons.filter(\.isSubstitution)
        #expect(subs.map(\.date) == [date("08.10.2025"), date("10.10.2025"), date("03.12.2025")])
        #expect(subs.allSatisfy { j.teacher($0.teacher!).name == "Кузнецов Павел Андреевич" && $0.substitutionEnteredAt != nil })
        #expect(subs[1].substitutionEnteredAt?.description == "13.10.2025 12:10")
        #expect(j.lessons.filter { $0.homeworkEnteredAt == nil }.map(\.date) == [date("19.11.2025")])
        #expect(j.lessons[0].start?.description == "09:25" && j.lessons[0].end?.description == "10:10")
        #expect(j.lessons[0].topicEnteredAt?.description == "01.09.2025 10:25")
    }

    @Test func allFourMergeIntoOneJournalWithoutDisagreements() throws {
        let (s, j) = try load(["journal_7b_algebra.cp1251.csv", "marks_log_7b_algebra.csv",
                               "topics_7b_algebra.csv", "lessons_log_7b_algebra.csv"])
        #expect(s.read == 26 + 390 + 47 + 47 && s.accepted == s.read && s.rejected == 0)
        #expect(s.outcome?.disagreements.isEmpty == true)
        // One lesson per date (the grid's and the topics' undated-number lessons joined the log's).
        #expect(j.lessons.count == 47)
        #expect(j.lessons.allSatisfy { $0.number != nil && $0.topicEnteredAt != nil })
        #expect(j.cells.count == 390 && j.cells.allSatisfy { $0.enteredAt != nil })
        #expect(j.periodMarks.count == 52)
        #expect(j.lessons.first { $0.date == date("22.09.2025") }?.topic?.hasPrefix("Контрольная работа № 1") == true)
    }

    @Test func canonicalExampleTablesFillTheCalendarAndInstitution() throws {
        let (s, j) = try load(["учреждение.csv", "периоды.csv", "календарь.csv", "звонки.csv", "группы.csv", "нагрузка.csv"])
        #expect(s.files.map(\.table) == ["учреждение", "периоды", "календарь", "звонки", "группы", "нагрузка"])
        #expect(j.institution.name == "МАОУ «Основная общеобразовательная школа № 14» (пример)")
        #expect(j.institution.deputyDirector == "Петрова Елена Викторовна")
        #expect(j.calendar.periods.count == 5 && j.calendar.holidays.count == 3 && j.calendar.bells.count == 7)
        #expect(j.calendar.bell(number: 4)?.start.description == "11:35")
        #expect(j.groups.first?.curator == "Иванова Мария Сергеевна")
        #expect(j.load.first?.weeklyHours == 3 && j.load.first?.yearHours == 102)
    }
}
