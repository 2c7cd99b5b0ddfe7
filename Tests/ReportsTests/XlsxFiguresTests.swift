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
        #expect(s.row(5) == ["Проверяемый период", "01.09.2025 – 26.10.2025"])
        #expect(s.row(7) == ["Дата проверки", "27.10.2025 09:30"])
        #expect(s.row(11) == ["Пункт", "Правило", "Важность", "Результат", "Проверено", "Нарушений",
                              "Доля нарушений", "Пропущено (нет данных)"])
        #expect(s.row(12) == ["п.\u{00A0}3.2.4.2", "Отметки выставляются в день урока", "нарушение", "нарушено",
                              "9", "2", String(2.0 / 9), "2"])
        #expect(s.row(15) == ["п.\u{00A0}4.5", "Накопляемость отметок", "рекомендация", "нарушено (предупреждение)",
                              "4", "1", "0.25", "0"])
        #expect(s.row(18) == ["п.\u{00A0}3.2.4.5", "Исправления отметок в течение 2 недель", "нарушение", "не проверено",
                              "—", "—", "—", "—"])
        #expect(s.row(20) == ["п.\u{00A0}3.2.4.9", "В клетке отметка или «н»", "нарушение", "соблюдено", "12", "0", "0", "0"])
        // Totals by severity: 3 violations (F1, F2, F6), 3 remarks, 1 recommendation.
        #expect(s.row(23) == ["Важность", "Нарушений найдено", "Правил нарушено", "Правил всего"])
        #expect(s.row(24) == ["нарушение", "3", "2", "5"])
        #expect(s.row(25) == ["замечание", "3", "3", "3"])
        #expect(s.row(26) == ["рекомендация", "1", "1", "1"])
        #expect(s.row(27) == ["Всего", "7", "6", "9"])
    }

    @Test func summaryTimelinessByWeekFeedsAChart() throws {
        let book = try XlsxFixtures.roundTrip()
        let s = try #require(book.sheet("Сводка"))
        #expect(s.row(30) == ["Неделя", "Записей с временем внесения", "Отметки", "Темы", "ДЗ", "Всего"])
        // Week 1: marks 6 of 7 on time, topics 3 of 3, homework 2 of 3 → 11 of 13.
        #expect(s["A31"]?.value == "01.09–07.09.2025")
        #expect(s["B31"]?.value == "13")
        #expect(abs((share(s, "C31") ?? 0) - 6.0 / 7) < 1e-9)
        #expect(share(s, "D31") == 1)
        #expect(abs((share(s, "E31") ?? 0) - 2.0 / 3) < 1e-9)
        #expect(abs((share(s, "F31") ?? 0) - 11.0 / 13) < 1e-9)
        // Week 2: Абрамов's mark late, the topic on time; no homework with a time → blank.
        #expect(s.row(32) == ["08.09–14.09.2025", "2", "0", "1", "", "0.5"])
        // Eight weeks up to 26.10; empty weeks stay blank (gaps in the chart).
        #expect(s.row(38) == ["20.10–26.10.2025", "0"])
        let chart = try #require(book.parts["xl/charts/chart1.xml"])
        #expect(chart.contains("<c:f>'Сводка'!$F$31:$F$38</c:f>"))
        #expect(chart.contains("<c:f>'Сводка'!$A$31:$A$38</c:f>"))
        #expect(chart.components(separatedBy: "<c:ser>").count - 1 == 4)
    }

    @Test func summaryListsTopTeachersAndGroups() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Сводка"))
        let rows = s.rowNumbers.map { s.row($0) }
        let t = try #require(rows.firstIndex { $0.first == "Преподаватели с наибольшим числом нарушений" })
        #expect(rows[t + 1] == ["Место", "Преподаватель", "Нарушений"])
        #expect(rows[t + 2] == ["1", "Иванова Мария Петровна", "5"])
        #expect(rows[t + 3] == ["2", "@x", "1"])
        #expect(rows[t + 4] == ["3", "Петров Сергей Иванович", "1"])
        let g = try #require(rows.firstIndex { $0.first == "Классы с наибольшим числом нарушений" })
        #expect(rows[g + 2] == ["1", "7б", "6"])
        #expect(rows[g + 3] == ["2", "8а", "1"])
    }

    @Test func teachersSheetCombinesJournalFiguresAndFindings() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Преподаватели"))
        #expect(s.row(1).first == "Преподаватель")
        #expect(s.row(1).count == 14)
        // Ordered by name; «@x» is only in a finding.
        #expect(s.column("A", from: 2).prefix(3) == ["@x", "Иванова Мария Петровна", "Петров Сергей Иванович"])
        // Иванова: 5 lessons; 13 timestamped entries, 10 on time; 2 late marks; 1 lesson without
        // topic, 2 without homework; findings: marks 2 (F1, F2), topics 1 (F3), homework 1 (F4),
        // substitutions 0, other 1 (F5, accumulation), 5 in all.
        #expect(s.row(3) == ["Иванова Мария Петровна", "5", "13", "10", String(10.0 / 13), "2", "1", "2",
                             "2", "1", "1", "0", "1", "5"])
        #expect(s.row(4) == ["Петров Сергей Иванович", "1", "2", "2", "1", "0", "0", "0", "0", "0", "0", "1", "0", "1"])
    }

    @Test func groupsSheetHasMonthlyControlFigures() throws {
        let s = try #require(try XlsxFixtures.roundTrip().sheet("Классы"))
        #expect(s.row(1) == ["Класс", "Предмет", "Преподаватель", "Уроков", "Участие в работе (уроки с темой)",
                             "Обучающихся", "Без отметок", "С одной отметкой", "ДЗ записано", "По КТП, ч",
                             "Проведено уроков", "КТП пройдено"])
        // 7б алгебра: 3 lessons, 2 with topic; Васильев has no marks; homework on 2 of 3; КТП 4 h, 3 held.
        #expect(s.row(2) == ["7б", "Алгебра", "Иванова Мария Петровна", "3", String(2.0 / 3), "3", String(1.0 / 3),
                             "0", String(2.0 / 3), "4", "3", "0.75"])
        // 7б геометрия: Белова and Васильев have one mark each; no КТП.
        #expect(s.row(3) == ["7б", "Геометрия", "Иванова Мария Петровна", "2", "1", "3", "0", String(2.0 / 3),
                             "0.5", "нет КТП"])
        // 8а физика: КТП without dates → 1 lesson of 2 hours.
        #expect(s.row(4) == ["8а", "Физика", "Петров Сергей Иванович", "1", "1", "1", "0", "1", "1", "2", "1", "0.5"])
        #expect(s.xml.contains("<autoFilter ref=\"A1:L4\"/>"))
    }

    @Test func accumulationShowsMarksAgainstRequiredWithShortfallsInRed() throws {
        let book = try XlsxFixtures.roundTrip()
        let s = try #require(book.sheet("Накопляемость"))
        let rows = s.rowNumbers.map { s.row($0) }
        let b7 = try #require(rows.firstIndex { $0.first == "7б — I четверть (01.09.2025 – 26.10.2025)" })
        #expect(rows[b7 + 1] == ["Обучающийся", "Алгебра", "Геометрия"])
        #expect(rows[b7 + 2] == ["Часов в неделю", "3", "1"])
        #expect(rows[b7 + 3] == ["Требуется отметок", "5", "3"])
        #expect(rows[b7 + 4] == ["Абрамов Артём", "3", "2"])
        #expect(rows[b7 + 5] == ["Белова Вера", "3", "1"])
        #expect(rows[b7 + 6] == ["Васильев Глеб", "0", "1"])
        let b8 = try #require(rows.firstIndex { $0.first == "8а — I четверть (01.09.2025 – 26.10.2025)" })
        #expect(rows[b8 + 4] == ["Григорьева Дарья", "1"])
        // The shortfall cells use the red fill.
        let row = s.rowNumbers[b7 + 4]
        let style = try #require(s["B\(row)"]?.style)
        #expect(StyleFills.fill(ofStyle: style, styles: book.parts["xl/styles.xml"] ?? "") == "FFFFC7CE")
    }

    @Test func accumulationInAPartlyCheckedPeriodIsYellowNotRed() throws {
        var report = XlsxFixtures.report()
        report.to = XlsxFixtures.d(2025, 9, 30)
        let book = try XlsxFixtures.roundTrip(report: report)
        let s = try #require(book.sheet("Накопляемость"))
        let rows = s.rowNumbers.map { s.row($0) }
        let b7 = try #require(rows.firstIndex {
            $0.first == "7б — I четверть (01.09.2025 – 30.09.2025): период проверен не целиком"
        })
        let style = try #require(s["B\(s.rowNumbers[b7 + 4])"]?.style)
        #expect(StyleFills.fill(ofStyle: style, styles: book.parts["xl/styles.xml"] ?? "") == "FFFFEB9C")
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
