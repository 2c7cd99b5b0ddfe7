import Testing
import JournalModel
import Findings
@testable import Reports

@Suite struct MemoMarkdownTests {
    let memo = ServiceMemo.build(report: MemoFixture.report, journal: MemoFixture.journal, group: "ИС-21",
                                 week: MemoFixture.week, settings: MemoSettings())

    @Test func buildsTeachersAndRowsForTheWeek() throws {
        let m = try #require(memo)
        #expect(m.weekStart == MemoFixture.date(8) && m.weekEnd == MemoFixture.date(14))
        #expect(m.findingCount == 6)
        #expect(m.teachers.map(\.name) == ["Орлов Денис Игоревич", "Смирнова Ольга Петровна"])
        let smirnova = m.teachers[1]
        #expect(smirnova.findingCount == 4)
        #expect(smirnova.items.map(\.count) == [3, 1])
        #expect(smirnova.items[0].dates == [MemoFixture.date(8), MemoFixture.date(10)])
        #expect(smirnova.items[0].maxDelaySeconds == 93_600)
        #expect(m.rows.count == 5)
        #expect(m.recipient.inflectedName == "Петровой А.А.")
        #expect(m.author.inflectedName == "Ивановой М.С.")
        #expect(m.author.signatureName == "М.С. Иванова")
        #expect(m.author.position == "Куратор группы ИС-21")
        #expect(m.date == MemoFixture.date(15))
    }

    @Test func markdownNamesTeachersDatesDelaysAndClauses() throws {
        let md = try MemoRenderer.markdown(try #require(memo), templates: MemoFixture.templates)
        let lines = md.split(separator: "\n").map(String.init)
        #expect(lines.prefix(3) == ["Заместителю директора по учебно-воспитательной работе  ", "Петровой А.А.  ",
                                    "от Ивановой М.С."])
        #expect(lines.contains("15.09.2025 № ____________"))
        // Late entries and broken requirements: the subject line names both.
        #expect(lines.contains("**О несвоевременном заполнении электронного журнала и нарушениях порядка его заполнения**"))
        #expect(lines.contains("""
            Сообщаю, что при еженедельной проверке электронного журнала группы ИС-21 за период с 08.09.2025 \
            по 14.09.2025 выявлены нарушения сроков и порядка его заполнения, установленных документом \
            «Положение об электронном журнале» (всего 6 нарушений):
            """))
        // One case is worded as one («задержка», not «задержка до»); a college has «занятия».
        #expect(lines.contains("""
            1) Орлов Денис Игоревич (Информатика & ИКТ): домашнее задание внесено с опозданием за занятие 09.09.2025, \
            задержка 1 ч 30 мин (п.\u{00A0}2.7); не выполнено требование «Пропуск отмечается только „н“» за занятие \
            11.09.2025 (п.\u{00A0}4.4).
            """))
        // Three marks on two lessons: the count says so; the largest delay is named as such.
        #expect(lines.contains("""
            2) Смирнова Ольга Петровна, преподаватель математики (Математика): отметки внесены с опозданием за \
            занятия 08.09.2025, 10.09.2025 — 3 отметки, наибольшая задержка 1 сут. 2 ч (п.\u{00A0}4.3); не выполнено \
            требование «У каждого урока есть тема» за занятие 10.09.2025 (п.\u{00A0}4.6).
            """))
        #expect(lines.contains("| № | Дата занятия | Преподаватель, предмет | Нарушение | Кол-во | Задержка (наиб.) | Пункт |"))
        #expect(lines.contains("| 1 | 08.09.2025 | Смирнова О.П., Математика | Отметки внесены с опозданием | 2 | 1 сут. 2 ч | п.\u{00A0}4.3 |"))
        #expect(lines.contains("| 2 | 09.09.2025 | Орлов Д.И., Информатика & ИКТ | Домашнее задание внесено с опозданием | 1 | 1 ч 30 мин | п.\u{00A0}2.7 |"))
        #expect(lines.contains("| 3 | 10.09.2025 | Смирнова О.П., Математика | Отметка внесена с опозданием | 1 | 2 ч | п.\u{00A0}4.3 |"))
        #expect(lines.contains("| 5 | 11.09.2025 | Орлов Д.И., Информатика & ИКТ | Не выполнено требование «Пропуск отмечается только „н“» | 1 | — | п.\u{00A0}4.4 |"))
        #expect(lines.contains("Прошу принять меры к тому, чтобы указанные педагогические работники заполняли электронный журнал "
                               + "своевременно и в соответствии с установленными требованиями."))
        #expect(lines.last == "Куратор группы ИС-21 ____________ М.С. Иванова")
        // Students are never named in a memo, and nothing from outside the week leaks in.
        #expect(!md.contains("Абрамов") && !md.contains("Белова"))
        #expect(!md.contains("15.09.2025 |") && !md.contains("п.\u{00A0}4.2"))
    }

    @Test func nothingToReportForAQuietGroupOrWeek() {
        #expect(ServiceMemo.build(report: MemoFixture.report, journal: MemoFixture.journal, group: "ИС-22",
                                  week: MemoFixture.week, settings: MemoSettings()) == nil)
        #expect(ServiceMemo.build(report: MemoFixture.report, journal: MemoFixture.journal, group: "ИС-21",
                                  week: MemoFixture.date(1), settings: MemoSettings()) == nil)
    }

    /// Issue 12: a memo reports what fell due in its week. A correction of a 01.09 mark made
    /// 10.09 (late) is due when it was made: it is in the memo of 08–14.09, not of 01–07.09.
    @Test func aFindingIsInTheMemoOfTheWeekItFellDue() throws {
        var r = MemoFixture.report
        var late = MemoFixture.finding("LATE-FIX", "3.2.4.5", .corrections, teacher: "Смирнова Ольга Петровна",
                                       subject: "Математика", day: 1, student: "Абрамов Артём")
        late.due = LocalDateTime(date: MemoFixture.date(10), time: TimeOfDay(hour: 11, minute: 0)!)
        r.findings = [late]
        #expect(ServiceMemo.build(report: r, journal: MemoFixture.journal, group: "ИС-21", week: MemoFixture.date(1),
                                  settings: MemoSettings()) == nil)
        let m = try #require(ServiceMemo.build(report: r, journal: MemoFixture.journal, group: "ИС-21",
                                               week: MemoFixture.week, settings: MemoSettings()))
        #expect(m.findingCount == 1)
        // A deadline at 24:00 belongs to the day it ends: due 15.09 00:00 is Sunday 14.09's.
        late.due = LocalDateTime(date: MemoFixture.date(15), time: TimeOfDay(hour: 0, minute: 0)!)
        r.findings = [late]
        #expect(ServiceMemo.build(report: r, journal: MemoFixture.journal, group: "ИС-21", week: MemoFixture.week,
                                  settings: MemoSettings())?.findingCount == 1)
    }

    @Test func recommendationsCountOnlyWhenTheSettingsAskForThem() throws {
        let s = try MemoSettings.parse("Включать рекомендации: да\n", file: "р.txt")
        let m = try #require(ServiceMemo.build(report: MemoFixture.report, journal: MemoFixture.journal,
                                               group: "ИС-21", week: MemoFixture.week, settings: s))
        #expect(m.findingCount == 7)
    }

    @Test func eachSubjectIsNamedOnceForATeacherWithSeveral() throws {
        var r = MemoFixture.report
        r.findings.append(MemoFixture.finding("NO-HW", "4.6", .homework, teacher: "Смирнова Ольга Петровна",
                                              subject: "Геометрия", day: 12))
        let m = try #require(ServiceMemo.build(report: r, journal: MemoFixture.journal, group: "ИС-21",
                                               week: MemoFixture.week, settings: MemoSettings()))
        let md = try MemoRenderer.markdown(m, templates: MemoFixture.templates)
        #expect(md.contains("""
            2) Смирнова Ольга Петровна, преподаватель математики (Геометрия, Математика): Геометрия: домашнее \
            задание записано с нарушением требований за занятие 12.09.2025 (п.\u{00A0}4.6); Математика: отметки \
            внесены с опозданием за занятия 08.09.2025, 10.09.2025 — 3 отметки, наибольшая задержка 1 сут. 2 ч \
            (п.\u{00A0}4.3); не выполнено требование «У каждого урока есть тема» за занятие 10.09.2025 (п.\u{00A0}4.6).
            """))
    }
}
