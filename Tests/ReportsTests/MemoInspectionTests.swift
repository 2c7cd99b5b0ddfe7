import Foundation
import Testing
import JournalModel
import Findings
@testable import Reports

@Suite struct MemoInspectionTests {
    let report = InspectionReport.build(report: MemoFixture.report, journal: MemoFixture.journal,
                                        month: MemoFixture.date(1), settings: MemoSettings())

    @Test func monthIsParsedInTheFormsPeopleWrite() {
        for text in ["2025-09", "09.2025", "сентябрь 2025", "Сентябрь 2025"] {
            #expect(InspectionReport.month(parsing: text) == MemoFixture.date(1), "\(text)")
        }
        #expect(InspectionReport.month(parsing: "13.2025") == nil)
    }

    @Test func figuresPerGroupAndTeacher() throws {
        #expect(report.monthTitle == "сентябрь 2025 г.")
        #expect(report.findingCount == 7)   // the recommendation is left out
        #expect(report.lessonCount == 5)
        let is21 = try #require(report.groups.first { $0.group == "ИС-21" })
        #expect(is21.lessons == 4)
        #expect(is21.lateLessons == 3)        // 08.09 marks, 09.09 homework, 10.09 marks
        #expect(is21.hasEntryTimes)
        #expect(is21.students == 3)
        #expect(is21.studentsWithoutMarks == 1)
        #expect(is21.studentsWithOneMark == 1)
        #expect(is21.lessonsWithTopic == 3 && is21.lessonsWithHomework == 3)
        #expect(is21.substitutions == 1)
        let is22 = try #require(report.groups.first { $0.group == "ИС-22" })
        #expect(is22.findings == 0 && is22.studentsWithoutMarks == 1)
        #expect(!is22.hasEntryTimes)   // no entry times: timeliness unknown, never «100 %»
        let smirnova = try #require(report.teachers.first { $0.teacher == "Смирнова Ольга Петровна" })
        #expect(smirnova.lessons == 3 && smirnova.lateFindings == 4 && smirnova.topicHomeworkFindings == 1)
        #expect(report.violations.map(\.count) == [4, 1, 1, 1])
        #expect(report.violations.first?.title == "Отметки выставляются в день урока")
        #expect(report.unchecked.map(\.reason) == ["нет данных: время отметки о замене"])
        #expect(report.recipient.inflectedName == "Соколову И.В.")
    }

    @Test func markdownHasTablesViolationsAndUncheckedRules() throws {
        let md = try MemoRenderer.markdown(report, templates: MemoFixture.templates)
        let lines = md.split(separator: "\n").map(String.init)
        let pc = "\u{00A0}%"
        #expect(lines.contains("**о результатах проверки электронного журнала за сентябрь 2025 г.**"))
        // A college: «групп», «занятий» — the institution's kind decides the words.
        #expect(lines.contains("**Таблица 1 — Показатели по группам**"))
        #expect(md.contains("Проверено групп: 2, педагогических работников: 2, записей о занятиях: 5."))
        // ИС-21: 4 lessons, 7 нарушения in the month → 175 per 100 lessons; ИС-22: none.
        #expect(lines.contains("| ИС-21 | 4 | 25,0\(pc) | 33,3\(pc) | 33,3\(pc) | 75,0\(pc) | 75,0\(pc) | 7 | 175,0 |"))
        #expect(lines.contains("| ИС-22 | 1 | нет данных | 100,0\(pc) | 0,0\(pc) | 100,0\(pc) | 100,0\(pc) | 0 | 0,0 |"))
        // Top teachers by нарушения per 100 lessons: Смирнова 5 in 3 lessons (166,7), Орлов 2 in 2 (100,0).
        #expect(lines.contains("| 1 | Смирнова О.П. | ИС-21, ИС-22 | 3 | 5 | 166,7 | Отметки выставляются в день урока — 4 |"))
        #expect(lines.contains("| 2 | Орлов Д.И. | ИС-21 | 2 | 2 | 100,0 | Пропуск отмечается только «н» — 1 |"))
        #expect(lines.contains("| 1 | ИС-21 | Иванова М.С. | 4 | 7 | 175,0 |"))
        // The main violations count classes and teachers rather than listing them all.
        #expect(lines.contains("| 1 | Отметки выставляются в день урока | п.\u{00A0}4.3 | нарушение | 4 | 1 | 1 |"))
        #expect(lines.contains("1) Замена отмечается при внесении урока (п.\u{00A0}4.3): нет данных: время отметки о замене."))
        #expect(lines.last == "Заместитель директора по учебно-воспитательной работе ____________ А.А. Петрова")
    }

    @Test func conclusionsAndRecommendationsNameTheTeachersAndGroups() throws {
        let md = try MemoRenderer.markdown(report, templates: MemoFixture.templates)
        let lines = md.split(separator: "\n").map(String.init)
        #expect(lines.contains("За сентябрь 2025 г. выявлено 7 нарушений по ведению электронного журнала."))
        #expect(lines.contains("Больше всего нарушений на 100 занятий — у преподавателей Смирновой О.П. (166,7), Орлова Д.И. (100,0)."))
        #expect(lines.contains("Среди групп больше всего нарушений на 100 занятий — в группе ИС-21 (175,0)."))
        #expect(lines.contains("Чаще всего нарушались требования: «Отметки выставляются в день урока» (п.\u{00A0}4.3) — 4; "
                               + "«Домашнее задание вносится вовремя» (п.\u{00A0}2.7) — 1; «Пропуск отмечается только „н“» "
                               + "(п.\u{00A0}4.4) — 1."))
        #expect(lines.contains("1) Преподавателям Смирновой О.П., Орлову Д.И. устранить выявленные нарушения и в дальнейшем "
                               + "заполнять электронный журнал в установленные сроки."))
        // Both teachers with findings are named above: no «остальным» item.
        #expect(!md.contains("Остальным педагогическим работникам"))
        #expect(lines.contains("2) Куратору группы ИС-21 усилить еженедельный контроль заполнения электронного журнала; "
                               + "остальным — продолжить его."))
        #expect(lines.contains("3) Повторную проверку провести в следующем месяце."))
        // College words only: no «класс», no «классный руководитель».
        #expect(!md.lowercased().contains("класс"))
    }

    @Test func aSchoolsInspectionSpeaksOfClassesAndClassTeachers() throws {
        var report = XlsxFixtures.report()
        report.to = XlsxFixtures.d(2025, 9, 30)
        let doc = InspectionReport.build(report: report, journal: XlsxFixtures.journal, month: XlsxFixtures.d(2025, 9, 1),
                                         settings: MemoSettings())
        let md = try MemoRenderer.markdown(doc, templates: MemoFixture.templates)
        #expect(md.contains("**Таблица 1 — Показатели по классам**"))
        #expect(md.contains("| № | Класс | Классный руководитель | Уроков | Нарушений | На 100 уроков |"))
        // 7б: 5 lessons in September, нарушения F1, F2, F6 → 60 per 100.
        // Иванова (40 per 100) is named; Петров and «@x» had findings too: «остальным» comes second.
        #expect(md.contains("1) Учителю Ивановой М.П. устранить выявленные нарушения"))
        #expect(md.contains("2) Остальным педагогическим работникам, допустившим нарушения, устранить их"))
        #expect(md.contains("3) Классному руководителю 7б класса усилить еженедельный контроль"))
        #expect(!md.contains("групп") && !md.contains("Куратор"))
    }

    @Test func docxOfTheReportIsWritten() throws {
        let dir = try MemoFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("справка.docx").path
        let package = try MemoRenderer.docx(report, templates: MemoFixture.templates)
        try Data("старый файл".utf8).write(to: URL(fileURLWithPath: path))
        try DocxWriter.write(package, to: path)   // replaces an existing file whole
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["справка.docx"])
        #expect(FileManager.default.contents(atPath: path)?.prefix(2) == Data("PK".utf8))
        #expect(package.documentXML.contains("Таблица 1 — Показатели по группам"))
        // Groups, top teachers, top groups, main violations.
        #expect(package.documentXML.components(separatedBy: "<w:tblHeader/>").count - 1 == 4)
        #expect(FileManager.default.fileExists(atPath: path))
        MemoFixture.keepPreview(URL(fileURLWithPath: path))
        let missing = dir.appendingPathComponent("нет такой папки/справка.docx").path
        let error = #expect(throws: MemoError.self) { try DocxWriter.write(package, to: missing) }
        let folder = (missing as NSString).deletingLastPathComponent
        #expect(error?.description == "ошибка: не удалось записать \(missing) — папки «\(folder)» нет: создайте её или укажите другую")
    }

    @Test func aCleanMonthSaysSo() throws {
        var clean = MemoFixture.report
        clean.findings = []
        clean.outcomes = clean.outcomes.filter { $0.status != .notChecked }.map { o in
            var p = o
            p.status = .passed
            p.violations = 0
            return p
        }
        let doc = InspectionReport.build(report: clean, journal: MemoFixture.journal, month: MemoFixture.date(1),
                                         settings: MemoSettings())
        let md = try MemoRenderer.markdown(doc, templates: MemoFixture.templates)
        #expect(md.contains("Нарушений порядка ведения электронного журнала за проверенный период не выявлено."))
        #expect(md.contains("Электронный журнал за сентябрь 2025 г. ведётся в соответствии с установленными требованиями: "
                            + "нарушений не выявлено."))
        #expect(!md.contains("Таблица 2") && !md.contains("Таблица 4") && !md.contains("Не проверены"))
        #expect(md.contains("| ИС-21 | 4 | 100,0\u{00A0}% |"))
    }
}
