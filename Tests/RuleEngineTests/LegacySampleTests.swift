import Foundation
import Testing
import JournalModel
import Findings
import RuleLanguage
@testable import RuleEngine

/// End to end over the legacy sample (examples/7b-algebra: lessons and marks logs of 7б, algebra,
/// I–II quarters). The journal is assembled here from the two logs because the importer is a
/// separate stage; the expected numbers were counted by hand from the CSV files.
@Suite struct LegacySampleTests {
    static let root = RequiredPackTests.root
    static let pack = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/legacy-small.rules").path

    static func rows(_ name: String, _ sep: Character) throws -> [[String]] {
        let text = try String(contentsOf: root.appendingPathComponent("examples/7b-algebra/\(name)"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: sep, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() } }
    }

    static func journal() throws -> Journal {
        var b = JournalBuilder(institution: Institution(name: "МАОУ «ООШ №14»"))
        func ts(_ s: String) -> LocalDateTime? { s.isEmpty ? nil : DateParsing.timestamp(s)?.local }
        var lessonIndex: [String: LessonID] = [:]
        for r in try rows("lessons_log_7b_algebra.csv", ",") where r.count >= 11 {
            guard let date = DateParsing.date(r[0]) else { continue }
            let g = b.group(r[4]), s = b.subject(r[5])
            let l = b.addLesson(Lesson(group: g, subject: s, date: date, number: Int(r[1]), start: DateParsing.time(r[2]),
                                       end: DateParsing.time(r[3]), teacher: b.teacher(r[7]), scheduledTeacher: b.teacher(r[6]),
                                       substitutionEnteredAt: ts(r[8]), topic: "тема", topicEnteredAt: ts(r[9]),
                                       homeworkEnteredAt: ts(r[10])))
            lessonIndex["\(r[0])|\(r[1])"] = l
        }
        for r in try rows("marks_log_7b_algebra.csv", ";") where r.count >= 9 {
            guard let l = lessonIndex["\(r[2])|\(r[3])"] else { continue }
            let les = b.journal.lessons[Int(l)]
            b.addCell(Cell(lesson: l, student: b.student(r[4], group: les.group), value: CellValue(parsing: r[5]),
                           workType: r[6].isEmpty ? nil : r[6], enteredAt: ts(r[7]), enteredBy: b.teacher(r[8])))
        }
        return b.journal
    }

    @Test func findingsMatchTheCountsTakenByHandFromTheFiles() throws {
        let j = try Self.journal()
        #expect(j.lessons.count == 47 && j.cells.count == 390)
        let report = try Checker.check(packPath: Self.pack, journal: j, options: CheckOptions())
        let byRule = Dictionary(grouping: report.findings, by: \.ruleId).mapValues(\.count)
        #expect(byRule["REQ-01-MARK-SAME-DAY"] == 105)
        #expect(byRule["REQ-02A-TEST-3-DAYS"] == 25)
        #expect(byRule["REQ-06-TOPIC-NOT-BEFORE-LESSON"] == 2)
        #expect(byRule["L-SUBSTITUTION-SAME-DAY"] == 1)
        let topicDates = report.findings.filter { $0.ruleId == "REQ-06-TOPIC-NOT-BEFORE-LESSON" }.compactMap(\.date).map(\.description)
        #expect(topicDates == ["08.09.2025", "12.11.2025"])
        let abramov = try #require(report.findings.first { $0.ruleId == "REQ-02A-TEST-3-DAYS" && $0.student == "Абрамов Артём" && $0.date?.description == "22.09.2025" })
        #expect(abramov.found == "30.09.2025 12:10" && abramov.expected == "не позднее 25.09.2025 24:00")
        let sub = try #require(report.findings.first { $0.ruleId == "L-SUBSTITUTION-SAME-DAY" })
        #expect(sub.date?.description == "10.10.2025" && sub.teacher == "Кузнецов Павел Андреевич")
        #expect(sub.message == "Урок 10.10.2025 провёл(а) Кузнецов Павел Андреевич вместо Смирнова Ольга Петровна; замена отмечена 13.10.2025 12:10, позже дня урока на 2 сут. 12 ч.")
        let outcome = try #require(report.outcomes.first { $0.ruleId == "REQ-02A-TEST-3-DAYS" })
        #expect(outcome.checked == 97 && outcome.violations == 25)
    }
}
