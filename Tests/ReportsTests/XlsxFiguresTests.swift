import Findings
import Foundation
import JournalModel
import Testing
@testable import Reports

/// The figures computed from the journal, checked against the fixture worked out by hand.
@Suite("XLSX report: summary, teachers, groups, accumulation, not checked")
struct XlsxFiguresTests {
    func share(_ s: XlsxReader.Sheet, _ ref: String) -> Double? { s[ref].flatMap { Double($0.value) } }

    @Test func summaryStatesWhatWasCheckedAndEachRuleOutcome() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Сводка"))
        #expect(s["A1"]?.value == "Отчёт о проверке электронного журнала")
        #expect(s.row(2) == ["Организация", "МАОУ «ООШ № 14»"])
        #expect(s.row(3) == ["Положение", "Положение об электронном журнале МАОУ «ООШ № 14»"])
        #expect(s.row(5) == ["Записи со сроком", "01.09.2025 – 26.10.2025"])
        #expect(s.row(6) == ["Журнал на момент", "последняя запись в данных"])
        #expect(s.row(7) == ["Класс", "все"])
        #expect(s.row(8) == ["Дата проверки", "27.10.2025 09:30"])
        #expect(s.row(11) == ["Результаты по правилам"])
        // Row 12 says what each column counts; row 13 is the header.
        #expect(s.row(12).count == 8 && s.row(12)[4] == "записей, срок которых в проверяемом окне")
        #expect(s.row(13) == ["Пункт", "Правило", "Важность", "Результат", "Проверено", "Нарушений",
                              "Доля нарушений", "Пропущено"])
        #expect(s.row(14) == ["п.\u{00A0}3.2.4.2", "Отметки выставляются в день урока", "нарушение", "нарушено",
                              "9", "2", String(2.0 / 9), "2"])
        #expect(s.row(17) == ["п.\u{00A0}4.5", "Накопляемость отметок", "рекомендация", "нарушено (предупреждение)",
                              "4", "1", "0.25", "0"])
        #expect(s.row(20) == ["п.\u{00A0}3.2.4.5", "Исправления отметок в течение 2 недель", "нарушение", "не проверено",
                              "—", "—", "—", "—"])
        #expect(s.row(22) == ["п.\u{00A0}3.2.4.9", "В клетке отметка или «н»", "нарушение", "соблюдено", "12", "0", "0", "0"])
        // Totals by severity: 3 нарушения (F1, F2, F6), 3 замечания, 1 рекомендация.
        #expect(s.row(24) == ["Итого по важности"])
        #expect(s.row(25) == ["Важность", "Найдено", "Правил нарушено", "Правил всего"])
        #expect(s.row(26) == ["нарушение", "3", "2", "5"])
        #expect(s.row(27) == ["замечание", "3", "3", "3"])
        #expect(s.row(28) == ["рекомендация", "1", "1", "1"])
        #expect(s.row(29) == ["Всего", "7", "6", "9"])
    }

    @Test func summaryLinksEachRulesCountToItsFindings() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Сводка"))
        // The findings sheet lists F1, F2 (the first rule) from row 2, F6 (3.2.4.7) at row 4,
        // F3 (тема) at 5, F4 (ДЗ) at 6, F7 (замена) at 7, F5 (накопляемость) at 8.
        for (ref, target) in [("F14", "A2"), ("F15", "A5"), ("F16", "A6"), ("F17", "A8"), ("F18", "A4"), ("F19", "A7")] {
            #expect(s.xml.contains("<hyperlink ref=\"\(ref)\" location=\"'Нарушения'!\(target)\""), "\(ref)")
        }
        // Rules without findings have no link.
        #expect(!s.xml.contains("<hyperlink ref=\"F22\""))
    }

    @Test func summaryTimelinessByWeekFeedsAChartFittedToTheData() throws {
        let book = try XlsxFixtures.roundTrip()
        let s = try #require(book.sheet("Сводка"))
        // The section starts at row 47, the chart takes rows 48–67, the table's header is row 68.
        #expect(s.row(47) == ["Своевременность записей по неделям (доля внесённых до конца дня урока)"])
        #expect(s.row(68) == ["Неделя", "Записей с временем внесения", "Отметки", "Темы", "ДЗ", "Всего"])
        // Week 1: marks 6 of 7 on time, topics 3 of 3, homework 2 of 3 → 11 of 13.
        #expect(s["A69"]?.value == "01.09–07.09.2025")
        #expect(s["B69"]?.value == "13")
        #expect(abs((share(s, "C69") ?? 0) - 6.0 / 7) < 1e-9)
        #expect(share(s, "D69") == 1)
        #expect(abs((share(s, "E69") ?? 0) - 2.0 / 3) < 1e-9)
        #expect(abs((share(s, "F69") ?? 0) - 11.0 / 13) < 1e-9)
        // Week 2: Абрамов's mark late, the topic on time; no homework with a time → blank.
        #expect(s.row(70) == ["08.09–14.09.2025", "2", "0", "1", "", "0.5"])
        // Eight weeks up to 26.10; empty weeks stay blank (gaps in the chart).
        #expect(s.row(76) == ["20.10–26.10.2025", "0"])
        let chart = try #require(book.parts["xl/charts/chart1.xml"])
        #expect(chart.contains("<c:f>'Сводка'!$F$69:$F$76</c:f>"))
        #expect(chart.contains("<c:f>'Сводка'!$A$69:$A$76</c:f>"))
        #expect(chart.components(separatedBy: "<c:ser>").count - 1 == 4)
        // The lowest week is 0 % (week 2's marks): the axis runs from 0 to 100 % by 10 %.
        #expect(chart.contains("<c:max val=\"1\"/>") && chart.contains("<c:min val=\"0\"/>"))
        #expect(chart.contains("<c:majorUnit val=\"0.1\"/>"))
    }

    @Test func timelinessAxisStartsJustBelowTheLowestWeek() {
        // 93 % → 90 % (a multiple of 5 below 92 %), the 10 points left in 1 % steps.
        #expect(TimelinessAxis(lowest: 0.93) == TimelinessAxis(min: 0.9, step: 0.01))
        // 97,3 % → 95 %; 62 % → 60 % with 5 % steps; 30 % → 25 % in 10 % steps.
        #expect(TimelinessAxis(lowest: 0.973).min == 0.95)
        #expect(TimelinessAxis(lowest: 0.62) == TimelinessAxis(min: 0.6, step: 0.05))
        #expect(TimelinessAxis(lowest: 0.30) == TimelinessAxis(min: 0.25, step: 0.1))
        #expect(TimelinessAxis(lowest: 1.0).min == 0.95)
    }

    @Test func summaryRanksTeachersAndClassesByViolationsPer100Lessons() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Сводка"))
        let rows = s.rowNumbers.map { s.row($0) }
        let t = try #require(rows.firstIndex { $0.first == "Преподаватели с наибольшим числом нарушений на 100 уроков" })
        #expect(rows[t + 2] == ["Место", "Преподаватель", "Уроков", "Нарушений", "На 100 уроков", "Замечаний", "Рекомендаций"])
        // Иванова: 5 lessons, нарушения F1, F2 → 40 per 100; замечания F3, F4; рекомендация F5.
        // Петров: 1 lesson, no нарушение (0 per 100), замечание F7. «@x»: F6 but no lessons (no rate, last).
        #expect(rows[t + 3] == ["1", "Иванова Мария Петровна", "5", "2", "40", "2", "1"])
        #expect(rows[t + 4] == ["2", "Петров Сергей Иванович", "1", "0", "0", "1", "0"])
        #expect(rows[t + 5] == ["3", "@x", "0", "1", "—", "0", "0"])
        let g = try #require(rows.firstIndex { $0.first == "Классы с наибольшим числом нарушений на 100 уроков" })
        // 7б: 5 lessons, нарушения F1, F2, F6 → 60 per 100; 8а: 1 lesson, замечание F7.
        #expect(rows[g + 3] == ["1", "7б", "5", "3", "60", "2", "1"])
        #expect(rows[g + 4] == ["2", "8а", "1", "0", "0", "1", "0"])
    }

    @Test func teachersSheetSeparatesSeveritiesAndExplainsEveryColumn() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Преподаватели"))
        // Row 1 says what each column counts — every column has a note; row 2 is the header.
        #expect(s.row(1).count == 19 && !s.row(1).contains(""))
        #expect(s.row(2) == ["Преподаватель", "Уроков", "Записей с временем внесения", "Доля вовремя", "Нарушений",
                             "На 100 уроков", "Замечаний", "Замечаний на 100 уроков", "Рекомендаций", "Отметки", "Темы",
                             "ДЗ", "Пропуски", "Замены", "Итоговые", "Накопляемость", "Исправления", "Прочее", "Всего"])
        // Ordered by name; «@x» is only in a finding (F6, темы).
        #expect(s.column("A", from: 3).prefix(3) == ["@x", "Иванова Мария Петровна", "Петров Сергей Иванович"])
        #expect(s.row(3) == ["@x", "0", "0", "—", "1", "—", "0", "—", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "1"])
        // Иванова: 5 lessons; 13 timestamped entries, 10 on time; нарушения 2 (40 per 100), замечания 2
        // (40), рекомендация 1; by area: отметки 2 (F1, F2), темы 1 (F3), ДЗ 1 (F4), накопляемость 1 (F5).
        #expect(s.row(4) == ["Иванова Мария Петровна", "5", "13", String(10.0 / 13), "2", "40", "2", "40", "1",
                             "2", "1", "1", "0", "0", "0", "1", "0", "0", "5"])
        #expect(s.row(5) == ["Петров Сергей Иванович", "1", "2", "1", "0", "0", "1", "100", "0", "0", "0", "0", "0", "1", "0",
                             "0", "0", "0", "1"])
    }

    @Test func groupsSheetHasMonthlyFiguresAndWhatTheMonthlyRulesFound() throws {
        var report = XlsxFixtures.report()
        var monthly = RuleOutcome(ruleId: "NO-MARKS", title: "Ежемесячный контроль: доля учащихся, не имеющих оценок",
                                  document: "oosh14", clause: "3.2.2.3", severity: .recommendation, status: .violated,
                                  checked: 3, violations: 1)
        monthly.scope = "group_subject_month"
        report.outcomes.append(monthly)
        report.findings.append(Finding(ruleId: "NO-MARKS", document: "oosh14", clause: "3.2.2.3", severity: .recommendation,
                                       area: .accumulation, key: "NO-MARKS:7б|Алгебра|2025-09", group: "7б",
                                       subject: "Алгебра", date: XlsxFixtures.d(2025, 9, 1), found: "33,3 %",
                                       message: "без оценок 33,3 %"))
        let s = try #require(try XlsxFixtures.roundTrip(report: report).sheet("Классы"))
        #expect(s.row(2) == ["Класс", "Предмет", "Месяц", "Преподаватель", "Уроков", "Участие в работе", "Обучающихся",
                             "Без отметок", "С одной отметкой", "ДЗ записано", "По КТП, ч", "Проведено", "КТП пройдено",
                             "Ежемесячный контроль по правилам пакета"])
        // 7б алгебра, September: 3 lessons, 2 with topic; Васильев has no marks (his one cell is «н», one of
        // three lessons) → 1/3 — the 33,3 % the pack's rule found; homework on 2 of 3; КТП 4 h in
        // September (the fifth item is 05.11), 3 held.
        #expect(s.row(3) == ["7б", "Алгебра", "сентябрь 2025", "Иванова Мария Петровна", "3", String(2.0 / 3), "3",
                             String(1.0 / 3), "0", String(2.0 / 3), "4", "3", "0.75",
                             "доля учащихся, не имеющих оценок: 33,3 % (рекомендация)"])
        // 7б геометрия: Белова and Васильев have one mark each; no КТП.
        #expect(s.row(4) == ["7б", "Геометрия", "сентябрь 2025", "Иванова Мария Петровна", "2", "1", "3", "0",
                             String(2.0 / 3), "0.5", "нет КТП"])
        // 8а физика: КТП without dates → 1 lesson of 2 hours.
        #expect(s.row(5) == ["8а", "Физика", "сентябрь 2025", "Петров Сергей Иванович", "1", "1", "1", "0", "1", "1", "2",
                             "1", "0.5"])
        #expect(s.xml.contains("<autoFilter ref=\"A2:N5\"/>"))
    }

    @Test func accumulationColoursOnlyWhatThePacksRulesFound() throws {
        let book = try XlsxFixtures.roundTrip()
        let s = try #require(book.sheet("Накопляемость"))
        let rows = s.rowNumbers.map { s.row($0) }
        // The pack's rule, its outcome and its numeric parameters head the sheet (sets are left out).
        #expect(rows.contains { $0.first == "• п.\u{00A0}4.5 «Накопляемость отметок» (рекомендация) — нарушено: проверено 4, "
                                + "нарушений 1; параметры: accumulation_min = 3" })
        let b7 = try #require(rows.firstIndex { $0.first == "7б — I четверть (01.09.2025 – 26.10.2025)" })
        #expect(rows[b7 + 1] == ["Обучающийся", "Алгебра", "Геометрия"])
        #expect(rows[b7 + 2] == ["Часов в неделю", "3", "1"])
        // Marks in the quarter: Абрамов алгебра 5, 4, 3; геометрия 5, 4. Белова алгебра 4, 5/4 (two);
        // геометрия 3. Васильев алгебра «н» only; геометрия 2.
        #expect(rows[b7 + 3] == ["Абрамов Артём", "3", "2"])
        #expect(rows[b7 + 4] == ["Белова Вера", "3", "1"])
        #expect(rows[b7 + 5] == ["Васильев Глеб", "0", "1"])
        let styles = book.parts["xl/styles.xml"] ?? ""
        func fill(_ ref: String) -> String? { s[ref].flatMap { StyleFills.fill(ofStyle: $0.style, styles: styles) } }
        let r = { (i: Int) in s.rowNumbers[b7 + i] }
        // F5, the rule's рекомендация about Васильев's геометрия, is blue; Белова's single геометрия
        // mark and Васильев's empty алгебра are not coloured: the rule did not say so, and the
        // sheet applies no threshold of its own.
        #expect(fill("C\(r(5))") == "FFDDEBF7")
        #expect(fill("C\(r(4))") == nil)
        #expect(fill("B\(r(5))") == nil)
        let b8 = try #require(rows.firstIndex { $0.first == "8а — I четверть (01.09.2025 – 26.10.2025)" })
        #expect(rows[b8 + 3] == ["Григорьева Дарья", "1"])
    }

    @Test func accumulationShowsRedForANarushenieAndGreyForAStudentNotJudged() throws {
        var report = XlsxFixtures.report()
        let i = try #require(report.findings.firstIndex { $0.key == "F5" })
        report.findings[i].severity = .violation
        let o = try #require(report.outcomes.firstIndex { $0.ruleId == "OOSH14-4.5" })
        report.outcomes[o].skippedItems = [SkippedItem(ruleId: "OOSH14-4.5", key: "7б|Алгебра|I четверть|Белова Вера",
                                                       group: "7б", subject: "Алгебра", student: "Белова Вера",
                                                       date: XlsxFixtures.d(2025, 10, 26), reason: "в классе не весь период")]
        let book = try XlsxFixtures.roundTrip(report: report)
        let s = try #require(book.sheet("Накопляемость"))
        let rows = s.rowNumbers.map { s.row($0) }
        let b7 = try #require(rows.firstIndex { $0.first == "7б — I четверть (01.09.2025 – 26.10.2025)" })
        let styles = book.parts["xl/styles.xml"] ?? ""
        let vasiliev = s.rowNumbers[b7 + 5], belova = s.rowNumbers[b7 + 4]
        #expect(s["C\(vasiliev)"].flatMap { StyleFills.fill(ofStyle: $0.style, styles: styles) } == "FFFFC7CE")
        #expect(s["B\(belova)"].flatMap { StyleFills.fill(ofStyle: $0.style, styles: styles) } == "FFE7E6E6")
    }

    @Test func accumulationOfAPeriodNotOverYetSaysTheRulesHaveNotJudgedIt() throws {
        var report = XlsxFixtures.report()
        report.to = XlsxFixtures.d(2025, 9, 30)
        report.asOf = XlsxFixtures.t(9, 30, 18)
        let s = try #require(try XlsxFixtures.roundTrip(report: report).sheet("Накопляемость"))
        let rows = s.rowNumbers.map { s.row($0) }
        #expect(rows.contains { $0.first == "7б — I четверть (01.09.2025 – 26.10.2025): период не закончился на момент "
                                + "проверки — правила его ещё не оценивали" })
    }

    @Test func notCheckedSheetListsRulesWithMissingDataAndUncoveredClauses() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Не проверено"))
        #expect(s.row(1) == ["Пункт", "Правило", "Результат", "Чего не хватает / причина", "Пропущено элементов"])
        #expect(s.row(2) == ["п.\u{00A0}3.2.4.2", "Отметки выставляются в день урока", "проверено частично (нарушено)",
                             "нет данных: время выставления отметок", "2"])
        #expect(s.row(3) == ["п.\u{00A0}3.2.4.5", "Исправления отметок в течение 2 недель", "не проверено",
                             "нет данных: история изменений отметок", "0"])
        #expect(s.row(4) == ["п.\u{00A0}4.7", "Отметки за период за 2 дня до его окончания", "ошибка",
                             "нет дат учебных периодов", "0"])
        #expect(s.row(6) == ["Пункты положения, которые не проверяются правилами"])
        #expect(s.row(7) == ["Пункт", "Содержание", "Почему не проверяется", "Пояснение"])
        #expect(s.row(8) == ["п.\u{00A0}3.2.4.1", "Доступ к журналу по логину и паролю", "не проверяется по данным журнала",
                             "организационный пункт"])
        #expect(s.row(9) == ["п.\u{00A0}5.2", "Распечатка журнала в конце года", "нужны данные, которых обычно нет в выгрузке",
                             "нужны сведения о распечатке"])
        #expect(s.rowNumbers.last == 9)
    }

    /// Issue 12: a rule that names whom it did not judge lists them, with the reason, and a rule
    /// checked in part says why (not «—»). Pseudonymised reports show the code, never the name.
    @Test func notCheckedSheetNamesTheStudentsARuleDidNotJudge() throws {
        var report = XlsxFixtures.report()
        let i = try #require(report.outcomes.firstIndex { $0.ruleId == "OOSH14-4.5" })
        report.outcomes[i].skipped = 1
        report.outcomes[i].skippedReasons = [SkipCount(reason: "в классе с 22.09.2025 — период проверяется не целиком", count: 1)]
        report.outcomes[i].skippedItems = [SkippedItem(ruleId: "OOSH14-4.5", key: "7б|Алгебра|1 четверть|Ильин Кирилл", group: "7б",
                                                       subject: "Алгебра", student: "Ильин Кирилл", date: XlsxFixtures.d(2025, 10, 24),
                                                       reason: "Ильин Кирилл в классе с 22.09.2025 — период проверяется не целиком")]
        let s = try #require(try XlsxFixtures.roundTrip(report: report).sheet("Не проверено"))
        let rows = s.rowNumbers.map { s.row($0) }
        let partial = try #require(rows.first { $0.count > 1 && $0[1] == "Накопляемость отметок" })
        #expect(partial[3] == "в классе с 22.09.2025 — период проверяется не целиком — 1")
        let head = try #require(rows.firstIndex { $0 == ["Кого правила не проверяли (и почему)"] })
        #expect(rows[head + 1] == NotCheckedSheet.itemsHeader)
        #expect(rows[head + 2] == ["п.\u{00A0}4.5", "Накопляемость отметок", "7б", "Алгебра", "Ильин Кирилл", "24.10.2025",
                                   "Ильин Кирилл в классе с 22.09.2025 — период проверяется не целиком"])
        let coded = try #require(try XlsxFixtures.roundTrip(report: report, options: XlsxReportOptions(createdAt: XlsxFixtures.createdAt, pseudonymize: true)).sheet("Не проверено"))
        let text = coded.rowNumbers.map { coded.row($0).joined(separator: " ") }.joined(separator: "\n")
        #expect(!text.contains("Ильин") && text.contains("Обучающийся "))
    }
}

/// Reads a cell style's fill colour from styles.xml (cellXfs → fills).
enum StyleFills {
    static func fill(ofStyle index: Int, styles: String) -> String? {
        func elements(_ name: String, in xml: Substring) -> [Substring] {
            xml.components(separatedBy: "<\(name)").dropFirst().map { Substring($0) }
        }
        guard let xfsStart = styles.range(of: "<cellXfs"), let xfsEnd = styles.range(of: "</cellXfs>"),
              let fillsStart = styles.range(of: "<fills"), let fillsEnd = styles.range(of: "</fills>") else { return nil }
        let xfs = elements("xf ", in: styles[xfsStart.upperBound..<xfsEnd.lowerBound])
        let fills = elements("fill>", in: styles[fillsStart.upperBound..<fillsEnd.lowerBound])
        guard index < xfs.count, let r = xfs[index].range(of: "fillId=\"") else { return nil }
        let id = Int(xfs[index][r.upperBound...].prefix { $0.isNumber }) ?? -1
        guard id >= 0, id < fills.count, let c = fills[id].range(of: "fgColor rgb=\"") else { return nil }
        return String(fills[id][c.upperBound...].prefix { $0 != "\"" })
    }
}

extension StyleFills {
    /// The `<alignment …/>` of a cell style, "" when the style has none.
    static func alignment(ofStyle index: Int, styles: String) -> String {
        guard let xfsStart = styles.range(of: "<cellXfs"), let xfsEnd = styles.range(of: "</cellXfs>") else { return "" }
        let xfs = styles[xfsStart.upperBound..<xfsEnd.lowerBound].components(separatedBy: "<xf ").dropFirst()
        guard index < xfs.count else { return "" }
        let xf = xfs[xfs.startIndex + index]
        guard let a = xf.range(of: "<alignment") else { return "" }
        return String(xf[a.lowerBound...].prefix { $0 != ">" })
    }
}
