import Foundation
import Testing
import JournalModel
import Findings
@testable import Reports

/// How a memo words what was found: by the phrase table (`templates/memo/формулировки.txt`),
/// one case as one, the subject line by what the memo holds, the school's or the college's words,
/// Russian nested quotes.
@Suite struct MemoWordingTests {
    static let phrases = MemoPhrases(byRule: [
        "OOSH14-3.2.4.8-TOPIC": .init(one: "не указана тема урока {даты}", many: "не указаны темы уроков {даты}"),
    ])

    /// The school fixture (7б) in the week of 01.09.2025: F1 (late mark, Иванова), F6 (3.2.4.7, «@x»),
    /// F3 (no topic, Иванова); F7 is 8а's, F5 a recommendation.
    static func memo(week: Int = 1, findings: [Finding] = XlsxFixtures.findings) -> MemoDocument? {
        ServiceMemo.build(report: XlsxFixtures.report(findings: findings), journal: XlsxFixtures.journal, group: "7б",
                          week: XlsxFixtures.d(2025, 9, week), settings: MemoSettings(), phrases: phrases)
    }

    @Test func aSchoolsMemoIsWordedByThePhraseTableWithClassWords() throws {
        let m = try #require(Self.memo())
        let md = try MemoRenderer.markdown(m, templates: MemoFixture.templates)
        let lines = md.split(separator: "\n").map(String.init)
        #expect(lines.contains("**О несвоевременном заполнении электронного журнала и нарушениях порядка его заполнения**"))
        #expect(lines.contains("""
            Сообщаю, что при еженедельной проверке электронного журнала 7б класса за период с 01.09.2025 по 07.09.2025 \
            выявлены нарушения сроков и порядка его заполнения, установленных документом «Положение об электронном \
            журнале МАОУ „ООШ № 14“» (всего 3 нарушения):
            """))
        #expect(lines.contains("1) @x (=SUM(1)): не выполнено требование «Записи на русском языке» за урок 02.09.2025 (п.\u{00A0}3.2.4.7)."))
        // One late mark: «задержка», not «задержка до»; the topic by the phrase table, its date in place.
        #expect(lines.contains("""
            2) Иванова Мария Петровна (Алгебра): отметка внесена с опозданием за урок 01.09.2025, задержка 1 сут. 9 ч \
            (п.\u{00A0}3.2.4.2); не указана тема урока 03.09.2025 (п.\u{00A0}3.2.4.8).
            """))
        #expect(lines.contains("| № | Дата урока | Преподаватель, предмет | Нарушение | Кол-во | Задержка (наиб.) | Пункт |"))
        #expect(lines.contains("| 3 | 03.09.2025 | Иванова М.П., Алгебра | Не указана тема урока | 1 | — | п.\u{00A0}3.2.4.8 |"))
        #expect(lines.last == "Классный руководитель 7б класса ____________ ____________")
        #expect(!md.contains("групп") && !md.contains("Куратор"))
    }

    @Test func theSubjectLineFollowsWhatTheMemoReports() throws {
        let all = XlsxFixtures.findings
        let late = try #require(Self.memo(findings: all.filter { $0.key == "F1" }))
        #expect(late.title == "О несвоевременном заполнении электронного журнала")
        #expect(late.fillManner == "своевременно")
        let wrong = try #require(Self.memo(findings: all.filter { $0.key == "F3" }))
        #expect(wrong.title == "О нарушениях порядка заполнения электронного журнала")
        #expect(wrong.violationsKind == "нарушения порядка его заполнения")
        let md = try MemoRenderer.markdown(wrong, templates: MemoFixture.templates)
        #expect(md.contains("заполняли электронный журнал в соответствии с установленными требованиями."))
        #expect(!md.contains("своевременно"))
    }

    @Test func severalCasesAreCountedOnlyWhenALessonHasMoreThanOne() throws {
        // Two topics missing on two lessons: «не указаны темы уроков 03.09.2025, 05.09.2025», no count.
        var second = XlsxFixtures.findings.first { $0.key == "F3" }!
        second.key = "F3b"
        second.date = XlsxFixtures.d(2025, 9, 5)
        let m = try #require(Self.memo(findings: XlsxFixtures.findings.filter { $0.key == "F3" } + [second]))
        let item = try #require(m.teachers.first?.items.first)
        #expect(MemoWording.item(item, withSubject: false, words: m.words)
                == "не указаны темы уроков 03.09.2025, 05.09.2025 (п.\u{00A0}3.2.4.8)")
        // Two late marks on one lesson: counted, and the delay is the largest.
        var other = XlsxFixtures.findings.first { $0.key == "F1" }!
        other.key = "F1b"
        other.student = "Абрамов Артём"
        other.delaySeconds = 3_600
        let marks = try #require(Self.memo(findings: XlsxFixtures.findings.filter { $0.key == "F1" } + [other]))
        let markItem = try #require(marks.teachers.first?.items.first)
        #expect(MemoWording.item(markItem, withSubject: false, words: marks.words)
                == "отметки внесены с опозданием за урок 01.09.2025 — 2 отметки, наибольшая задержка 1 сут. 9 ч (п.\u{00A0}3.2.4.2)")
    }

    @Test func nestedQuotesAreRussianLapki() {
        #expect(RussianQuotes.quoted("Положение МАОУ «ООШ № 14»") == "«Положение МАОУ „ООШ № 14“»")
        #expect(RussianQuotes.quoted("«Положение об электронном журнале»") == "«Положение об электронном журнале»")
        #expect(RussianQuotes.inner("\"Школа\" и «лицей»") == "„Школа“ и „лицей“")
        #expect(RussianQuotes.quoted("«А» и «Б»") == "«„А“ и „Б“»")
    }

    @Test func thePhraseTableIsReadWithItsErrorsLocated() throws {
        let text = """
        # комментарий
        R-1: одна | несколько {даты}
        R-2 без двоеточия
        R-3: только одна
        R-1: снова | снова
        R-4: с {ошибкой} | нет
        """
        do {
            _ = try MemoPhrases.parse(text, file: "ф.txt")
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map { String($0.rendered.split(separator: "\n")[0]) } == [
                "ф.txt:3:1: ошибка: строка не похожа на «ID правила: одно | несколько» — нет двоеточия",
                "ф.txt:4:5: ошибка: нужны две формулировки через «|»: об одном случае и о нескольких",
                "ф.txt:5:1: ошибка: правило R-1 уже описано в строке 2",
                "ф.txt:6:8: ошибка: неизвестная подстановка «{ошибкой}»",
            ])
        }
        let ok = try MemoPhrases.parse("R-1: одна | несколько\n", file: "ф.txt")
        #expect(ok.byRule["R-1"] == .init(one: "одна", many: "несколько"))
    }

    /// Every rule of every pack in `rules/` has its phrase: a new rule without one would fall back
    /// to «не выполнено требование «…»».
    @Test func everyRuleOfThePacksHasAPhrase() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let table = try MemoPhrases.load(directory: root.appendingPathComponent("templates/memo").path)
        let rules = root.appendingPathComponent("rules")
        var missing: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: rules.path) where file.hasSuffix(".rules") {
            let text = try String(contentsOf: rules.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("rule ") {
                let id = String(line.dropFirst(5).prefix { $0 != " " && $0 != "{" })
                if table.byRule[id] == nil { missing.append("\(file): \(id)") }
            }
        }
        #expect(missing.isEmpty, "нет формулировки: \(missing.joined(separator: ", "))")
        #expect(table.byRule.count >= 60)
    }
}
