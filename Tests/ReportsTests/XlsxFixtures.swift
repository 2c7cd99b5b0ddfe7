import Findings
import Foundation
import JournalModel
@testable import Reports

/// A two-class journal (7б: алгебра 3 ч, геометрия 1 ч; 8а: физика 2 ч) for the first
/// quarter of 2025/2026 with entry times, and a hand-made check report over it. The figures
/// the tests expect are worked out by hand in the comments.
enum XlsxFixtures {
    static func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day)! }
    static func t(_ m: Int, _ day: Int, _ h: Int, _ min: Int = 0) -> LocalDateTime {
        LocalDateTime(date: d(2025, m, day), time: TimeOfDay(hour: h, minute: min)!)
    }

    static let createdAt = LocalDateTime(date: LocalDate(year: 2025, month: 10, day: 27)!,
                                         time: TimeOfDay(hour: 9, minute: 30)!)

    static var journal: Journal {
        let calendar = SchoolCalendar(periods: [
            StudyPeriod(name: "2025/2026 учебный год", kind: .year, start: d(2025, 9, 1), end: d(2026, 5, 31)),
            StudyPeriod(name: "I четверть", kind: .quarter, start: d(2025, 9, 1), end: d(2025, 10, 26)),
            StudyPeriod(name: "II четверть", kind: .quarter, start: d(2025, 11, 5), end: d(2025, 12, 28)),
        ])
        var b = JournalBuilder(institution: Institution(name: "МАОУ «ООШ № 14»"), calendar: calendar)
        let g7 = b.group("7б"), g8 = b.group("8а")
        let alg = b.subject("Алгебра"), geo = b.subject("Геометрия"), phys = b.subject("Физика")
        let ivanova = b.teacher("Иванова Мария Петровна"), petrov = b.teacher("Петров Сергей Иванович")
        let abramov = b.student("Абрамов Артём", group: g7)
        let belova = b.student("Белова Вера", group: g7)
        let vasiliev = b.student("Васильев Глеб", group: g7)
        let grigorieva = b.student("Григорьева Дарья", group: g8)
        b.addLoad(LoadItem(teacher: ivanova, subject: alg, group: g7, weeklyHours: 3))
        b.addLoad(LoadItem(teacher: ivanova, subject: geo, group: g7, weeklyHours: 1))
        b.addLoad(LoadItem(teacher: petrov, subject: phys, group: g8, weeklyHours: 2))
        // КТП: алгебра with dates (4 hours in the quarter, 1 after it); физика without dates.
        for (i, day) in [(9, 1), (9, 3), (9, 5), (9, 8), (11, 5)].enumerated() {
            b.addPlanItem(PlanItem(group: g7, subject: alg, ordinal: i + 1, topic: "Тема \(i + 1)",
                                   plannedDate: d(2025, day.0, day.1)))
        }
        b.addPlanItem(PlanItem(group: g8, subject: phys, ordinal: 1, topic: "Введение"))
        b.addPlanItem(PlanItem(group: g8, subject: phys, ordinal: 2, topic: "Механика"))

        func cell(_ l: LessonID, _ s: StudentID, _ v: String, _ at: LocalDateTime?) {
            b.addCell(Cell(lesson: l, student: s, value: CellValue(parsing: v), enteredAt: at))
        }
        // Week of 01.09. Алгебра 01.09: all on time except Белова's mark (03.09).
        let l0 = b.addLesson(Lesson(group: g7, subject: alg, date: d(2025, 9, 1), number: 1, teacher: ivanova,
                                    topic: "Повторение", homework: "№ 1–5", topicEnteredAt: t(9, 1, 10),
                                    homeworkEnteredAt: t(9, 1, 10, 5)))
        cell(l0, abramov, "5", t(9, 1, 10)); cell(l0, belova, "4", t(9, 3, 9)); cell(l0, vasiliev, "н", t(9, 1, 10))
        // Алгебра 03.09: no topic, homework late (04.09), Белова's double mark without a time.
        let l1 = b.addLesson(Lesson(group: g7, subject: alg, date: d(2025, 9, 3), number: 2, teacher: ivanova,
                                    homework: "стр. 10", homeworkEnteredAt: t(9, 4, 8)))
        cell(l1, abramov, "4", t(9, 3, 15)); cell(l1, belova, "5/4", nil)
        // Геометрия 02.09: everything on time.
        let l3 = b.addLesson(Lesson(group: g7, subject: geo, date: d(2025, 9, 2), number: 3, teacher: ivanova,
                                    topic: "Начальные понятия", homework: "п. 1", topicEnteredAt: t(9, 2, 12),
                                    homeworkEnteredAt: t(9, 2, 12)))
        cell(l3, abramov, "5", t(9, 2, 12)); cell(l3, belova, "3", t(9, 2, 12)); cell(l3, vasiliev, "2", t(9, 2, 12))
        // Физика 04.09: on time; homework without a time (not counted).
        let l5 = b.addLesson(Lesson(group: g8, subject: phys, date: d(2025, 9, 4), number: 1, teacher: petrov,
                                    scheduledTeacher: petrov, topic: "Введение", homework: "§ 1",
                                    topicEnteredAt: t(9, 4, 11)))
        cell(l5, grigorieva, "5", t(9, 4, 11))
        // Week of 08.09. Алгебра 08.09: topic on time, Абрамов's mark late, no homework.
        let l2 = b.addLesson(Lesson(group: g7, subject: alg, date: d(2025, 9, 8), number: 1, teacher: ivanova,
                                    topic: "Уравнения", topicEnteredAt: t(9, 8, 9)))
        cell(l2, abramov, "3", t(9, 9, 10))
        // Геометрия 09.09: no entry times at all, no homework.
        let l4 = b.addLesson(Lesson(group: g7, subject: geo, date: d(2025, 9, 9), number: 2, teacher: ivanova,
                                    topic: "Отрезок"))
        cell(l4, abramov, "4", nil)
        return b.journal
    }

    static let markRule = "OOSH14-3.2.4.2-MARK"

    /// Seven findings, given out of order. On «Нарушения» (severity, rule in the pack's order, class,
    /// subject, date): F1, F2 (нарушение, rule 1), F6 (нарушение, rule 5), F3, F4, F7 (замечания,
    /// rules 2, 3, 6), F5 (рекомендация).
    static var findings: [Finding] {
        let doc = "oosh14"
        return [
            Finding(ruleId: "OOSH14-SUBST", document: doc, clause: "3.2.4.2", severity: .remark, area: .substitutions,
                    key: "F7", group: "8а", subject: "Физика", teacher: "Петров Сергей Иванович", date: d(2025, 9, 4),
                    message: "Замена 04.09.2025 не отмечена в журнале."),
            Finding(ruleId: markRule, document: doc, clause: "3.2.4.2", severity: .violation, area: .marks, key: "F2",
                    group: "7б", subject: "Алгебра", teacher: "Иванова Мария Петровна", date: d(2025, 9, 8),
                    student: "Абрамов Артём", expected: "до 08.09.2025 24:00", found: "09.09.2025 10:00",
                    delaySeconds: 36_000, message: "Отметка Абрамов Артём за 08.09.2025 внесена с опозданием."),
            Finding(ruleId: "OOSH14-4.5", document: doc, clause: "4.5", severity: .recommendation, area: .accumulation,
                    key: "F5", group: "7б", subject: "Геометрия", teacher: "Иванова Мария Петровна",
                    date: d(2025, 10, 26), student: "Васильев Глеб", expected: "≥ 3 отметок", found: "1 отметка",
                    message: "У Васильев Глеб 1 отметка за четверть."),
            Finding(ruleId: markRule, document: doc, clause: "3.2.4.2", severity: .violation, area: .marks, key: "F1",
                    group: "7б", subject: "Алгебра", teacher: "Иванова Мария Петровна", date: d(2025, 9, 1),
                    student: "Белова Вера", expected: "до 01.09.2025 24:00", found: "03.09.2025 09:00",
                    delaySeconds: 118_800, message: "Отметка Белова Вера за 01.09.2025 внесена с опозданием."),
            Finding(ruleId: "OOSH14-3.2.4.8-HW", document: doc, clause: "3.2.4.8", severity: .remark, area: .homework,
                    key: "F4", group: "7б", subject: "Алгебра", teacher: "Иванова Мария Петровна", date: d(2025, 9, 8),
                    message: "Не записано домашнее задание к уроку 08.09.2025."),
            Finding(ruleId: "OOSH14-3.2.4.7", document: doc, clause: "3.2.4.7", severity: .violation, area: .topics,
                    key: "F6", group: "7б", subject: "=SUM(1)", teacher: "@x", date: d(2025, 9, 2),
                    expected: "-1", found: "+7", message: "=HYPERLINK(\"http://example.invalid\",\"x\")"),
            Finding(ruleId: "OOSH14-3.2.4.8-TOPIC", document: doc, clause: "3.2.4.8", severity: .remark, area: .topics,
                    key: "F3", group: "7б", subject: "Алгебра", teacher: "Иванова Мария Петровна", date: d(2025, 9, 3),
                    message: "Не указана тема урока 03.09.2025."),
        ]
    }

    static var outcomes: [RuleOutcome] {
        let doc = "oosh14"
        var accumulation = RuleOutcome(ruleId: "OOSH14-4.5", title: "Накопляемость отметок", document: doc, clause: "4.5",
                                       severity: .recommendation, tags: ["накопляемость"], status: .violated, checked: 4,
                                       violations: 1, level: .warn)
        accumulation.scope = "student_subject_period"
        accumulation.parameters = [RuleParameter(name: "accumulation_min", value: "3"),
                                   RuleParameter(name: "attestation_kinds", value: "{\"четверть\"}")]
        return [
            RuleOutcome(ruleId: markRule, title: "Отметки выставляются в день урока", document: doc, clause: "3.2.4.2",
                        severity: .violation, status: .violated, checked: 9, violations: 2, skipped: 2,
                        missingData: ["время выставления отметок"]),
            RuleOutcome(ruleId: "OOSH14-3.2.4.8-TOPIC", title: "Тема урока указана", document: doc, clause: "3.2.4.8",
                        severity: .remark, status: .violated, checked: 6, violations: 1),
            RuleOutcome(ruleId: "OOSH14-3.2.4.8-HW", title: "Домашнее задание записано", document: doc,
                        clause: "3.2.4.8", severity: .remark, status: .violated, checked: 6, violations: 1),
            accumulation,
            RuleOutcome(ruleId: "OOSH14-3.2.4.7", title: "Записи на русском языке", document: doc, clause: "3.2.4.7",
                        severity: .violation, status: .violated, checked: 6, violations: 1),
            RuleOutcome(ruleId: "OOSH14-SUBST", title: "Замены отмечены", document: doc, clause: "3.2.4.2",
                        severity: .remark, status: .violated, checked: 1, violations: 1),
            RuleOutcome(ruleId: "OOSH14-3.2.4.5", title: "Исправления отметок в течение 2 недель", document: doc,
                        clause: "3.2.4.5", severity: .violation, status: .notChecked,
                        missingData: ["история изменений отметок"]),
            RuleOutcome(ruleId: "OOSH14-4.7", title: "Отметки за период за 2 дня до его окончания", document: doc,
                        clause: "4.7", severity: .violation, status: .error, errorMessage: "нет дат учебных периодов"),
            RuleOutcome(ruleId: "OOSH14-3.2.4.9", title: "В клетке отметка или «н»", document: doc, clause: "3.2.4.9",
                        severity: .violation, status: .passed, checked: 12, violations: 0),
        ]
    }

    static func report(findings: [Finding] = XlsxFixtures.findings) -> CheckReport {
        CheckReport(institution: "МАОУ «ООШ № 14»", packId: "oosh14", packTitle: "Положение ООШ № 14",
                    document: "Положение об электронном журнале МАОУ «ООШ № 14»",
                    from: d(2025, 9, 1), to: d(2025, 10, 26), group: nil, checkedAt: t(10, 27, 9, 30),
                    outcomes: outcomes, findings: findings, coverage: [
                        CoverageEntry(clause: "3.2.4.2", summary: "Заполнение в день урока", status: .encoded,
                                      ruleIds: [markRule]),
                        CoverageEntry(clause: "3.2.4.1", summary: "Доступ к журналу по логину и паролю",
                                      status: .notCheckable, reason: "организационный пункт"),
                        CoverageEntry(clause: "5.2", summary: "Распечатка журнала в конце года", status: .rareData,
                                      reason: "нужны сведения о распечатке"),
                    ])
    }

    /// A fresh folder under the system temporary directory.
    static func tempFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhurnal-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// Writes the report with `options` and reads it back.
    static func roundTrip(report: CheckReport = XlsxFixtures.report(), journal: Journal = XlsxFixtures.journal,
                          options: XlsxReportOptions = XlsxReportOptions(createdAt: createdAt)) throws -> XlsxReader {
        let folder = try tempFolder()
        // The reader holds the whole book in memory: the file is not needed after it.
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.xlsx"
        try XlsxReport.write(report: report, journal: journal, to: path, options: options)
        return try XlsxReader(path: path)
    }
}
