import Foundation
import JournalModel
import Findings
@testable import Reports

/// A hand-built college journal and check report for memo and inspection tests: group ИС-21
/// has findings in the week of 08.09.2025, group ИС-22 has none.
enum MemoFixture {
    static func date(_ d: Int, _ m: Int = 9) -> LocalDate { LocalDate(year: 2025, month: m, day: d)! }
    static let week = date(10)

    static var journal: Journal {
        var b = JournalBuilder(institution: Institution(
            name: "ГБПОУ «Колледж связи № 7»", kind: .college, deputyDirector: "Петрова Анна Александровна",
            director: "Соколов Игорь Викторович"))
        let g1 = b.group("ИС-21", curator: "Иванова Мария Сергеевна")
        let g2 = b.group("ИС-22", curator: "Кузнецов Павел Андреевич")
        let smirnova = b.teacher("Смирнова Ольга Петровна")
        b.setTeacherPosition(smirnova, "преподаватель математики")
        let orlov = b.teacher("Орлов Денис Игоревич")
        let math = b.subject("Математика"), info = b.subject("Информатика & ИКТ")
        let s1 = b.student("Абрамов Артём", group: g1)
        let s2 = b.student("Белова Дарья", group: g1)
        _ = b.student("Волков Егор", group: g1)
        let s4 = b.student("Громова Нина", group: g2)
        for (day, subject, teacher, topic, hw) in [(8, math, smirnova, "Пределы", "№ 1–5"), (9, info, orlov, "Циклы", ""),
                                                  (10, math, smirnova, "", "№ 6–9"), (11, info, orlov, "Массивы", "с. 40")] {
            let l = b.addLesson(Lesson(group: g1, subject: subject, date: date(day), number: 2, teacher: teacher,
                                       scheduledTeacher: day == 11 ? smirnova : teacher, topic: topic, homework: hw,
                                       recordedAt: LocalDateTime(date: date(day), time: TimeOfDay(hour: 10, minute: 0)!)))
            b.addCell(Cell(lesson: l, student: s1, value: CellValue(parsing: "5")))
            if day == 8 { b.addCell(Cell(lesson: l, student: s2, value: CellValue(parsing: "4"))) }
        }
        let l2 = b.addLesson(Lesson(group: g2, subject: math, date: date(9), teacher: smirnova, topic: "Пределы", homework: "№ 1"))
        b.addCell(Cell(lesson: l2, student: s4, value: CellValue(parsing: "н")))
        return b.journal
    }

    static func finding(_ rule: String, _ clause: String, _ area: FindingArea, teacher: String?, subject: String?,
                        day: Int, student: String? = nil, found: String? = nil, delay: Int64? = nil,
                        severity: Severity = .violation, group: String = "ИС-21") -> Finding {
        Finding(ruleId: rule, document: "hexlet", clause: clause, severity: severity, area: area,
                key: "\(rule):\(group)|\(subject ?? "")|\(day)|\(student ?? "")", group: group, subject: subject,
                teacher: teacher, date: date(day), student: student, expected: "до \(date(day)) 24:00", found: found,
                delaySeconds: delay, message: "сообщение для \(student ?? "урока")")
    }

    static var report: CheckReport {
        let s = "Смирнова Ольга Петровна", o = "Орлов Денис Игоревич"
        let findings = [
            finding("LATE-MARK", "4.3", .marks, teacher: s, subject: "Математика", day: 8, student: "Абрамов Артём",
                    found: "09.09.2025 14:00", delay: 3_600),
            finding("LATE-MARK", "4.3", .marks, teacher: s, subject: "Математика", day: 8, student: "Белова Дарья",
                    found: "10.09.2025 02:00", delay: 93_600),
            finding("LATE-MARK", "4.3", .marks, teacher: s, subject: "Математика", day: 10, student: "Абрамов Артём",
                    found: "11.09.2025 02:00", delay: 7_200),
            finding("NO-TOPIC", "4.6", .topics, teacher: s, subject: "Математика", day: 10),
            finding("LATE-HW", "п. 2.7", .homework, teacher: o, subject: "Информатика & ИКТ", day: 9,
                    found: "09.09.2025 19:30", delay: 5_400),
            finding("ABS-LETTER", "4.4", .absences, teacher: o, subject: "Информатика & ИКТ", day: 11,
                    student: "Белова Дарья", found: "«б»"),
            // Outside the week, a recommendation, another group's week: none of them is in the memo.
            finding("LATE-MARK", "4.3", .marks, teacher: s, subject: "Математика", day: 15, student: "Абрамов Артём",
                    found: "16.09.2025 10:00", delay: 36_000),
            finding("ADVICE", "4.2", .marks, teacher: o, subject: "Информатика & ИКТ", day: 9, severity: .recommendation),
        ]
        let outcomes = [
            RuleOutcome(ruleId: "LATE-MARK", title: "Отметки выставляются в день урока", document: "hexlet",
                        clause: "4.3", severity: .violation, status: .violated, checked: 9, violations: 4),
            RuleOutcome(ruleId: "NO-TOPIC", title: "У каждого урока есть тема", document: "hexlet", clause: "4.6",
                        severity: .violation, status: .violated, checked: 5, violations: 1),
            RuleOutcome(ruleId: "LATE-HW", title: "Домашнее задание вносится вовремя", document: "hexlet",
                        clause: "2.7", severity: .violation, status: .violated, checked: 5, violations: 1),
            RuleOutcome(ruleId: "ABS-LETTER", title: "Пропуск отмечается только «н»", document: "hexlet",
                        clause: "4.4", severity: .violation, status: .violated, checked: 6, violations: 1),
            RuleOutcome(ruleId: "SUBST", title: "Замена отмечается при внесении урока", document: "hexlet",
                        clause: "4.3", severity: .violation, status: .notChecked,
                        missingData: ["время отметки о замене"]),
        ]
        return CheckReport(institution: "ГБПОУ «Колледж связи № 7»", packId: "hexlet",
                           packTitle: "Хекслет колледж", document: "«Положение об электронном журнале»",
                           from: date(1), to: date(30), group: nil,
                           checkedAt: LocalDateTime(date: date(15), time: TimeOfDay(hour: 9, minute: 0)!),
                           outcomes: outcomes, findings: findings)
    }

    /// The repository's `templates/memo`, found from this source file.
    static var templates: MemoTemplates {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return MemoTemplates(directory: root.appendingPathComponent("templates/memo").path)
    }

    /// Keeps a copy of a generated document for looking at it (scripts/render-docx.sh) when
    /// `ZHURNAL_MEMO_PREVIEW` names a folder.
    static func keepPreview(_ file: URL) {
        guard let dir = ProcessInfo.processInfo.environment["ZHURNAL_MEMO_PREVIEW"] else { return }
        let target = URL(fileURLWithPath: dir).appendingPathComponent(file.lastPathComponent)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: target)
        try? FileManager.default.copyItem(at: file, to: target)
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhurnal-memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
