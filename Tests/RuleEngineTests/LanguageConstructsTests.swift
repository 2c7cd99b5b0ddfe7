import Foundation
import Testing
import JournalModel
import Findings
@testable import RuleLanguage
@testable import RuleEngine

/// The constructs of issue 14 evaluated over small journals written as example fixtures:
/// definitions, templates with rule parameters, presence, neighbours, plan and fact, who
/// teaches. Every expected number is worked out by hand in the comment next to it.
@Suite struct LanguageConstructsTests {
    static let header = "pack T\ntitle \"Тест\"\ndocument \"Положение\"\n"

    /// A journal from fixture lines (rules/README.md, section 7).
    static func journal(_ fixture: String) throws -> Journal {
        let text = header + "rule X {\n example passes {\n" + fixture + "\n }\n}\n"
        let sink = DiagnosticSink(file: "fixture", text: text)
        var p = Parser(text: text, sink: sink)
        let f = p.parseFile()
        #expect(sink.items.isEmpty, "\(sink.items.map(\.rendered))")
        let (j, problems) = FixtureJournal.build(f.rules.first?.examples.first?.lines ?? [])
        #expect(problems.isEmpty, "\(problems.map(\.1))")
        return j
    }

    /// Outcome and findings of the pack's rules (body: params, defines, rules) on a journal,
    /// judged, like rule examples, after everything in it (`AsOfDefault.never`).
    static func run(_ body: String, _ j: Journal) throws -> (outcomes: [RuleOutcome], findings: [Finding]) {
        let pack = try PackLoader.load(text: header + body, file: "t.rules")
        return Engine.evaluate(pack.rules, journal: j, options: CheckOptions(asOf: AsOfDefault.never))
    }

    static func rule(_ id: String, scope: String, _ condition: String, message: String = "x") -> String {
        """
        rule \(id) {
          title "x"
          clause "п. 1"
          severity нарушение
          tags отметки
          scope \(scope)
          \(condition)
          message "\(message)"
          example triggers {
            lesson date=2025-09-01
          }
          example passes {
            lesson date=2025-09-01
          }
        }

        """
    }

    // MARK: presence

    @Test func aFieldReadOnlyByTheMessageDoesNotStopTheCheck() throws {
        // Lessons without numbers: the rule reads `number` only in its message, printed as «—».
        let j = try Self.journal("lesson date=2025-09-01 topic_entered=2025-09-03T10:00")
        let (o, f) = try Self.run(Self.rule("R", scope: "lessons", "require topic_entered_at <= end_of_day(date)",
                                            message: "урок № {number}"), j)
        #expect(o[0].status == .violated && o[0].checked == 1)
        #expect(f.first?.message == "урок № —")
    }

    @Test func aCoalesceFallbackOrAHasGuardLetsTheRuleRunWithoutTheMissingColumn() throws {
        // No lesson carries topic_entered_at; recorded_at decides: 02.09 10:00 is after 01.09 24:00.
        let j = try Self.journal("""
            lesson date=2025-09-01 recorded=2025-09-02T10:00
            lesson date=2025-09-03 recorded=2025-09-03T10:00
            """)
        let (o, _) = try Self.run(Self.rule("R", scope: "lessons", "require coalesce(topic_entered_at, recorded_at) <= end_of_day(date)"), j)
        #expect(o[0].status == .violated && o[0].checked == 2 && o[0].violations == 1)
        // Without enrolment dates the guarded part is false and the fallback decides.
        let g = try Self.journal("""
            period name="1 четверть" start=2025-09-01 end=2025-10-24
            lesson date=2025-09-01
            cell student="А" value=4
            period_mark student="А" value=4
            """)
        let (o2, _) = try Self.run(Self.rule("R", scope: "period_marks",
                                             "require (has(student.enrolled) and student.enrolled > period.start) or count(marks) >= 3"), g)
        #expect(o2[0].status == .violated && o2[0].checked == 1)
    }

    @Test func aRequiredColumnMissingFromTheWholeJournalIsNotChecked() throws {
        // No substitution times anywhere: «has» cannot tell an unmarked substitution from an unexported one.
        let j = try Self.journal("lesson date=2025-09-01 teacher=\"Б\" scheduled=\"А\" topic=\"Дроби\"")
        let (o, f) = try Self.run(Self.rule("R", scope: "lessons where is_substitution", "require has(substitution_entered_at)"), j)
        #expect(o[0].status == .notChecked && f.isEmpty)
        #expect(o[0].missingData == ["время отметки о замене"])
        // `or` with the missing field can never be false: the rule could only pass, so it is not checked.
        let (o2, _) = try Self.run(Self.rule("R", scope: "lessons", "require has(topic) or topic_entered_at <= end_of_day(date)"), j)
        #expect(o2[0].status == .notChecked && o2[0].missingData == ["время внесения темы"])
    }

    @Test func aConstantFallbackDoesNotStandInForAMissingColumn() throws {
        // No lesson has a topic: «coalesce(topic, "")» would make every lesson a finding.
        let j = try Self.journal("lesson date=2025-09-01\nlesson date=2025-09-03")
        let (o, f) = try Self.run(Self.rule("R", scope: "lessons", "require coalesce(topic, \"\") matches \"\\p{L}\""), j)
        #expect(o[0].status == .notChecked && f.isEmpty && o[0].missingData == ["темы уроков"])
        // With topics in the journal, a lesson without one is a finding.
        let t = try Self.journal("lesson date=2025-09-01 topic=\"Дроби\"\nlesson date=2025-09-03")
        let (o2, _) = try Self.run(Self.rule("R", scope: "lessons", "require coalesce(topic, \"\") matches \"\\p{L}\""), t)
        #expect(o2[0].checked == 2 && o2[0].violations == 1)
    }

    @Test func whenNoRecordCouldBeDecidedTheReasonIsTheDataOrOperationThatFailed() throws {
        let j = try Self.journal("""
            lesson date=2025-09-01
            lesson date=2025-09-03
            """)
        let (o, _) = try Self.run(Self.rule("R", scope: "lessons", "require 1 / 0 > 0"), j)
        #expect(o[0].status == .notChecked && o[0].skipped == 2)
        #expect(o[0].missingData == ["у всех 2 проверяемых записей не удалось проверить условие: деление на ноль (2)"])
        // Topics present on one lesson only: the other one is skipped for want of its topic.
        let t = try Self.journal("""
            lesson date=2025-09-01 topic="Дроби"
            lesson date=2025-09-03
            """)
        let (o2, _) = try Self.run(Self.rule("R", scope: "lessons where date > 2025-09-02", "require length(topic) > 0"), t)
        #expect(o2[0].missingData == ["у всех 1 проверяемых записей не удалось проверить условие: нет данных: темы уроков (1)"])
    }

    // MARK: definitions and templates

    @Test func definitionsAreComputedWhereTheyAreUsed() throws {
        // 01.09: «5/4» (2 marks) and «3»; 03.09: «4» → mark_count = 4 for the student А.
        let j = try Self.journal("""
            period name="1 четверть" start=2025-09-01 end=2025-10-24
            lesson date=2025-09-01 recorded=2025-09-01T10:00
            cell student="А" value="5/4"
            lesson date=2025-09-02 n=3 recorded=2025-09-02T10:00
            cell student="А" value=3
            lesson date=2025-09-03 topic_entered=2025-09-05T08:00
            cell student="А" value=4
            period_mark student="А" value=4
            """)
        let body = """
            define mark_count(list) = count(list) + count(list where has(second_mark))
            define lesson.entry_time = coalesce(topic_entered_at, recorded_at)
            define cell.late = lesson.entry_time > end_of_day(date)

            """ + Self.rule("R1", scope: "period_marks", "require mark_count(marks) >= 5", message: "{mark_count(marks)}")
            + Self.rule("R2", scope: "marks", "forbid late", message: "{lesson.entry_time}")
        let (o, f) = try Self.run(body, j)
        #expect(o[0].violations == 1 && f.first?.message == "4")
        // Only the lesson of 03.09 was entered late (05.09 08:00), its one mark is reported.
        #expect(o[1].checked == 3 && o[1].violations == 1)
        #expect(f.last?.message == "05.09.2025 08:00")
    }

    @Test func aTemplateRuleTakesTheTemplateAndItsOwnParameters() throws {
        let body = """
            param term "Срок: у каждого правила свой"
            template LATE {
              title "Отметка в срок"
              severity нарушение
              tags отметки
              scope marks
              require entered_at <= end_of_day(lesson.date + term)
              message "опоздание {delay}"
            }
            rule A-1 from LATE {
              clause "п. 1"
              set term = 1 день
              example triggers {
                lesson date=2025-09-01
                cell student="А" value=5 entered=2025-09-03T01:00
              }
              example passes {
                lesson date=2025-09-01
                cell student="А" value=5 entered=2025-09-02T23:00
              }
            }
            rule A-2 from LATE {
              clause "п. 2"
              set term = 1 неделя
              example triggers {
                lesson date=2025-09-01
                cell student="А" value=5 entered=2025-09-09T01:00
              }
              example passes {
                lesson date=2025-09-01
                cell student="А" value=5 entered=2025-09-03T01:00
              }
            }
            """
        let pack = try PackLoader.load(text: Self.header + body, file: "t.rules")
        #expect(pack.rules.map(\.template) == ["LATE", "LATE"])
        #expect(pack.rules.map(\.clause) == ["п. 1", "п. 2"])
        for r in pack.rules { for e in ExampleRunner.run(r) { #expect(e.passed, "\(r.id) \(e.example): \(e.detail)") } }
        // 03.09 01:00 against 02.09 24:00 (term 1 день): 1 h late.
        let j = try Self.journal("lesson date=2025-09-01\ncell student=\"А\" value=5 entered=2025-09-03T01:00")
        let (_, f) = Engine.evaluate(pack.rules, journal: j, options: CheckOptions(asOf: AsOfDefault.never))
        #expect(f.map(\.message) == ["опоздание 1 ч"])
    }

    @Test func rulesDiffPairsRulesOfOneTemplate() throws {
        let tpl = """
            param term "Срок"
            template LATE {
              title "Отметка в срок"
              severity нарушение
              tags отметки
              scope marks
              require entered_at <= end_of_day(lesson.date + term)
              message "опоздание {delay}"
            }

            """
        func pack(_ id: String, _ clause: String, _ term: String) throws -> Pack {
            try PackLoader.load(text: "pack \(id)\ntitle \"t\"\ndocument \"d\"\n" + tpl + """
                set term = \(term)
                rule \(id)-\(clause)-LATE from LATE {
                  clause "п. \(clause)"
                  example triggers {
                    lesson date=2025-09-01
                    cell student="А" value=5 entered=2025-09-30T01:00
                  }
                  example passes {
                    lesson date=2025-09-01
                    cell student="А" value=5 entered=2025-09-01T01:00
                  }
                }
                """, file: "\(id).rules")
        }
        let text = PackText.diff(try pack("A", "2.5", "7 дней"), try pack("B", "3.5", "3 дня"))
        #expect(text.contains("~ шаблон LATE: A-2.5-LATE ↔ B-3.5-LATE: пункт: п. 2.5 → п. 3.5; параметр term: 7 дней → 3 дня"), "\(text)")
        #expect(!text.contains("+ правило") && !text.contains("- правило"))
    }

    // MARK: neighbours

    @Test func neighboursOfALessonAndAStudentsCells() throws {
        // Lessons 01, 03, 05, 08.09; «н» on 03 and 05; «2» on 08 after two absences; a mark on 10.09.
        let j = try Self.journal("""
            lesson date=2025-09-01
            cell student="А" value=4
            lesson date=2025-09-03
            cell student="А" value=н
            lesson date=2025-09-05
            cell student="А" value=н
            lesson date=2025-09-08
            cell student="А" value=2
            lesson date=2025-09-10
            cell student="А" value=3
            """)
        let body = Self.rule("PREV", scope: "marks where mark = 2", "require lesson.previous.date = 2025-09-05 and lesson.next.date = 2025-09-10")
            + Self.rule("ABS2", scope: "marks where mark = 2",
                        "require count(l in last(lesson.earlier_lessons, 2) where exists(c in l.absences where c.student = student)) = 2")
            + Self.rule("ABS3", scope: "marks where mark = 2",
                        "require count(l in last(lesson.earlier_lessons, 3) where exists(c in l.absences where c.student = student)) = 2")
            + Self.rule("CELLS", scope: "marks where mark = 2",
                        "require count(earlier_cells where is_absence) = 2 and count(earlier_marks) = 1 and count(first(later_cells, 1)) = 1")
        let (o, _) = try Self.run(body, j)
        for x in o { #expect(x.status == .passed && x.checked == 1, "\(x.ruleId): \(x.status) \(x.missingData)") }
    }

    @Test func theFirstLessonAfterTheHolidaysIsFound() throws {
        let j = try Self.journal("""
            calendar holiday=2025-10-25..2025-11-04
            lesson date=2025-10-24
            cell student="А" value=4
            lesson date=2025-11-05
            cell student="А" value=2
            lesson date=2025-11-07
            cell student="Б" value=2
            """)
        let (o, f) = try Self.run(Self.rule("H", scope: "marks where mark <= 2",
                                            "forbid exists(h in holidays where lesson.previous.date < h.start and h.end < lesson.date)"), j)
        #expect(o[0].checked == 2 && o[0].violations == 1)
        #expect(f.first?.date == LocalDate(year: 2025, month: 11, day: 5))
        // Without holidays in the calendar the rule is not checked.
        let none = try Self.journal("lesson date=2025-11-05\ncell student=\"А\" value=2")
        let (o2, _) = try Self.run(Self.rule("H", scope: "marks where mark <= 2",
                                             "forbid exists(h in holidays where h.end < lesson.date)"), none)
        #expect(o2[0].status == .notChecked && o2[0].missingData == ["каникулы в календаре"])
    }

    @Test func theGroupsDayEndsWithTheLastBellWhenTheJournalShowsOneSubject() throws {
        // One subject that day: the last bell (14:40) ends the day, not the lesson (09:15).
        let one = try Self.journal("""
            bell n=1 start=08:30 end=09:15
            bell n=6 start=13:55 end=14:40
            lesson date=2025-09-01 n=1 homework="№ 1" homework_entered=2025-09-01T16:00
            """)
        let rule = Self.rule("HW", scope: "lessons", "require homework_entered_at <= group_day_end + 1ч30м", message: "{group_day_end}")
        let (o, _) = try Self.run(rule, one)
        #expect(o[0].status == .passed)   // 16:00 <= 14:40 + 1:30 = 16:10
        // Two subjects: the later lesson (12:45) ends the day; 16:00 > 12:45 + 1:30 = 14:15.
        let two = try Self.journal("""
            bell n=1 start=08:30 end=09:15
            bell n=6 start=13:55 end=14:40
            lesson date=2025-09-01 n=1 start=08:30 end=09:15 homework="№ 1" homework_entered=2025-09-01T16:00
            lesson date=2025-09-01 n=5 start=12:00 end=12:45 subject="Физика"
            """)
        let (o2, f2) = try Self.run(rule, two)
        #expect(o2[0].violations == 1 && f2.first?.message == "01.09.2025 12:45")
    }

    // MARK: plan and fact, who

    @Test func planAndFactPerPeriodWithTheLag() throws {
        // КТП: 4 rows of 1 h planned 01, 03, 08, 10.09; held: 01, 03, 08.09 → by 10.09 planned 4 h, held 3 h, lag 1 h.
        let j = try Self.journal("""
            period name="сентябрь" kind=четверть start=2025-09-01 end=2025-09-10
            load teacher="Учитель" hours=2 year=68
            plan n=1 topic="Дроби" date=2025-09-01
            plan n=2 topic="Сложение дробей" date=2025-09-03
            plan n=3 topic="Вычитание дробей" date=2025-09-08
            plan n=4 topic="Умножение дробей" date=2025-09-10
            lesson date=2025-09-01 topic="Дроби"
            lesson date=2025-09-03 topic="Сложение дробей"
            lesson date=2025-09-08 topic="Вычитание дробей"
            """)
        let body = Self.rule("LAG", scope: "plan_period", "require lag_hours = 1 and plan_hours_by_end = 4 and held_hours_by_end = 3 and hours_per_lesson = 1 and year_hours = 68 and plan_hours = 4 and count(lessons) = 3")
            + Self.rule("YEAR", scope: "plan_year", "require plan_hours = 4 and weekly_hours = 2")
        let (o, _) = try Self.run(body, j)
        for x in o { #expect(x.status == .passed && x.checked == 1, "\(x.ruleId): \(x.status) \(x.missingData)") }
    }

    @Test func eachSubgroupIsItsOwnPlanStream() throws {
        // Subgroup 1 held 2 lessons, subgroup 2 one; the whole-group lesson of 05.09 belongs to both.
        let j = try Self.journal("""
            period name="сентябрь" kind=четверть start=2025-09-01 end=2025-09-30
            lesson date=2025-09-01 subgroup=1
            lesson date=2025-09-01 subgroup=2
            lesson date=2025-09-03 subgroup=1
            lesson date=2025-09-05
            """)
        let (o, f) = try Self.run(Self.rule("S", scope: "plan_period", "require count(lessons) = 3", message: "{subgroup}: {count(lessons)}"), j)
        #expect(o[0].checked == 2 && o[0].violations == 1)
        #expect(f.map(\.message) == ["2: 2"])
    }

    @Test func theBestMatchingPlanTopicSurvivesASkippedLesson() throws {
        // The lesson of «Сложение дробей» was skipped: the next lesson (ordinal 2) is КТП row 3.
        let j = try Self.journal("""
            plan n=1 topic="Обыкновенные дроби"
            plan n=2 topic="Сложение дробей"
            plan n=3 topic="Вычитание дробей с разными знаменателями"
            lesson date=2025-09-01 topic="Обыкновенные дроби"
            lesson date=2025-09-03 topic="Вычитание дробей"
            """)
        let (o, f) = try Self.run(Self.rule("K", scope: "lessons", "require best_plan_similarity >= 50%",
                                            message: "{best_plan_topic} {best_plan_similarity}"), j)
        #expect(o[0].status == .passed && o[0].checked == 2)
        #expect(f.isEmpty)
        let (_, f2) = try Self.run(Self.rule("K", scope: "lessons where date = 2025-09-03", "forbid true",
                                             message: "{best_plan_topic} {best_plan_similarity} {plan_topic}"), j)
        // «вычит», «дробе» both found in row 3 → 100 %; the same ordinal (2) would give «Сложение дробей».
        #expect(f2.first?.message == "Вычитание дробей с разными знаменателями 100 % Сложение дробей")
    }

    @Test func whoTeachesIsComparedWithTheLoad() throws {
        let j = try Self.journal("""
            group name=7а curator="Иванова М. С."
            load teacher="Петров П. П." hours=3
            lesson date=2025-09-01 scheduled="Петров П. П." teacher="Петров П. П." by="Петров П. П."
            lesson date=2025-09-03 scheduled="Сидорова С. С." teacher="Сидорова С. С." by="Иванова М. С."
            lesson date=2025-09-05 scheduled="Сидорова С. С." teacher="Сидорова С. С."
            """)
        let body = Self.rule("LOAD", scope: "teaching", "require exists(li in load where li.teacher = teacher)",
                             message: "{teacher.name}: {count(lessons)}")
            + Self.rule("CUR", scope: "lessons", "forbid entered_by.name = group.curator")
            + Self.rule("MONTH", scope: "teacher_month", "require count(lessons) >= 1")
            + Self.rule("GROUPS", scope: "groups", "require count(teachers) = 2 and count(lessons) = 3 and has(load)")
        let (o, f) = try Self.run(body, j)
        #expect(o[0].checked == 2 && o[0].violations == 1)
        #expect(f.first?.message == "Сидорова С. С.: 2")
        #expect(o[1].checked == 2 && o[1].violations == 1)   // the lesson of 05.09 has no author: skipped
        #expect(o[2].checked == 2 && o[2].status == .passed)  // Петров and Сидорова in September
        #expect(o[3].status == .passed && o[3].checked == 1)
    }

    @Test func aCorrectionMustNameItsReasonAndAuthor() throws {
        // Two corrections: one with reason and author, one with neither.
        let j = try Self.journal("""
            lesson date=2025-09-01
            change student="А" old=3 new=4 placed=2025-09-01T10:00 changed=2025-09-03T10:00 by="Смирнова О. П." reason="ошибка при вводе"
            change student="Б" old=4 new=5 placed=2025-09-01T10:00 changed=2025-09-04T10:00
            """)
        let rule = Self.rule("R", scope: "changes where target = \"отметка\"", "require has(reason) and has(changed_by)",
                             message: "{student.name}: {coalesce(reason, \"—\")}")
        let (o, f) = try Self.run(rule, j)
        #expect(o[0].checked == 2 && o[0].violations == 1 && f.map(\.message) == ["Б: —"])
        // A log without a reason column: no finding for every correction — a correction with its
        // author cannot be decided; one without an author is still a finding.
        let none = try Self.journal("lesson date=2025-09-01\nchange student=\"А\" old=3 new=4 by=\"Смирнова О. П.\"")
        let (o2, f2) = try Self.run(rule, none)
        #expect(o2[0].status == .notChecked && f2.isEmpty)
        #expect(o2[0].missingData == ["у всех 1 проверяемых записей не удалось проверить условие: нет данных: причины исправлений (1)"])
        let noAuthor = try Self.journal("lesson date=2025-09-01\nchange student=\"А\" old=3 new=4")
        let (o3, f3) = try Self.run(rule, noAuthor)
        #expect(o3[0].status == .notChecked && f3.isEmpty && o3[0].missingData == ["автор изменений", "причины исправлений"])
    }

    @Test func anExampleWithoutTheNeededDataSaysWhichKeySetsIt() throws {
        let pack = try PackLoader.load(text: Self.header + """
            rule R {
              title "x"
              clause "п. 1"
              severity замечание
              tags отметки
              scope cells
              forbid entered_by.name = group.curator
              message "x"
              example triggers {
                lesson date=2025-09-01
                cell student="А" value=н by="Иванова"
              }
              example passes {
                lesson date=2025-09-01
                cell student="А" value=н by="Петров"
              }
            }
            """, file: "t.rules")
        let results = ExampleRunner.run(pack.rules[0])
        #expect(results.allSatisfy { !$0.passed })
        #expect(results[1].detail.hasSuffix("— в примере задайте: `group name=… curator=…`"), "\(results[1].detail)")
    }
}
