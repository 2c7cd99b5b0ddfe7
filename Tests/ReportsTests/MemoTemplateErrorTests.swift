import Foundation
import Testing
import JournalModel
@testable import Reports

@Suite struct MemoTemplateErrorTests {
    /// A copy of the repository's templates with one file replaced.
    func templates(replacing name: String, with text: String) throws -> MemoTemplates {
        let dir = try MemoFixture.temporaryDirectory()
        for f in try FileManager.default.contentsOfDirectory(atPath: MemoFixture.templates.directory) {
            try FileManager.default.copyItem(atPath: MemoFixture.templates.directory + "/" + f,
                                             toPath: dir.path + "/" + f)
        }
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        return MemoTemplates(directory: dir.path)
    }

    var memo: MemoDocument {
        get throws {
            try #require(ServiceMemo.build(report: MemoFixture.report, journal: MemoFixture.journal, group: "ИС-21",
                                           week: MemoFixture.week, settings: MemoSettings()))
        }
    }

    @Test func misspeltPlaceholderAndUnclosedSection() throws {
        let t = try templates(replacing: "записка.md.mustache", with: """
            Записка группы {{group}}
            {{#teachers}}
            {{n}}. {{titel}}
            {{#items}}{{text}}{{/items}}
            """)
        defer { try? FileManager.default.removeItem(atPath: t.directory) }
        let error = try #require(throws: MemoError.self) { try MemoRenderer.markdown(try memo, templates: t) }
        let file = t.directory + "/записка.md.mustache"
        #expect(error.description == """
            \(file):2:1: ошибка: раздел {{#teachers}} не закрыт
              {{#teachers}}
              ^
            подсказка: добавьте {{/teachers}} там, где раздел кончается
            \(file):3:8: ошибка: неизвестная подстановка «titel»
              {{n}}. {{titel}}
                     ^
            подсказка: возможно, «title»?
            """)
    }

    @Test func mismatchedSectionEndAndCyrillicName() throws {
        let t = try templates(replacing: "записка.docx.mustache", with: """
            [справа] {{recipient.position}}
            {{#rows}}[строка] {{n}} | {{дата}}{{/teachers}}
            [центр]] СЛУЖЕБНАЯ ЗАПИСКА
            [цетр] {{date}}
            """)
        defer { try? FileManager.default.removeItem(atPath: t.directory) }
        let error = try #require(throws: MemoError.self) { try MemoRenderer.docx(try memo, templates: t) }
        let file = t.directory + "/записка.docx.mustache"
        #expect(error.description == """
            \(file):2:27: ошибка: недопустимый символ «д» в имени подстановки «дата»
              {{#rows}}[строка] {{n}} | {{дата}}{{/teachers}}
                                        ^
            подсказка: имена подстановок пишутся латиницей, как в templates/memo/README.md
            \(file):2:35: ошибка: раздел {{#rows}} из строки 2 закрыт тегом {{/teachers}}
              {{#rows}}[строка] {{n}} | {{дата}}{{/teachers}}
                                                ^
            подсказка: закройте его тегом {{/rows}}
            \(file):4:1: ошибка: неизвестная команда разметки «[цетр]»
              [цетр] {{date}}
              ^
            подсказка: возможно, «[центр]»?
            """)
    }

    @Test func unclosedTagIsReportedWhereItStarts() throws {
        let problems = TemplateCheck.check("Дата: {{date}}\nНомер: {{number\n", file: "t.md.mustache",
                                           schema: MemoContext.memoSchema)
        #expect(problems.map(\.rendered) == ["""
            t.md.mustache:2:8: ошибка: тег не закрыт: после «{{» нет «}}» в этой строке
              Номер: {{number
                     ^
            """])
    }

    @Test func missingTemplateFolderSaysWhereItLooked() {
        let error = #expect(throws: MemoError.self) {
            try MemoTemplates.locate(explicit: "/nonexistent/шаблоны")
        }
        #expect(error?.description == "ошибка: не найдена папка шаблонов записок (искали: /nonexistent/шаблоны/memo, "
                + "/nonexistent/шаблоны) — укажите её ключом --templates")
    }

    @Test func findsTemplatesBesideTheBuiltExecutable() throws {
        let root = URL(fileURLWithPath: MemoFixture.templates.directory).deletingLastPathComponent()
            .deletingLastPathComponent()
        let found = try MemoTemplates.locate(explicit: nil, currentDirectory: "/",
                                             executable: root.path + "/.build/debug/zhurnal")
        #expect(found.directory == root.path + "/templates/memo")
    }
}

@Suite struct MemoMustacheErrorTests {
    @Test func mustachePositionBecomesTheTemplateLine() {
        let error = #expect(throws: MemoError.self) {
            try TemplateText.parse("Строка\n{{#a}}\nтекст {{/b}}\n", file: "t.md.mustache", format: .markdown)
        }
        #expect(error?.description == """
            t.md.mustache:3:10: ошибка: закрывающий тег раздела не совпадает с открывающим
              текст {{/b}}
                       ^
            """)
    }
}

@Suite struct MemoOutputPathTests {
    @Test func oneFilePerGroupOrAFolder() throws {
        #expect(OutputPath.resolve("out/записка.docx", suffix: nil, defaultName: "x") == "out/записка.docx")
        #expect(OutputPath.resolve("out/записка.md", suffix: "ИС/21", defaultName: "x") == "out/записка-ИС_21.md")
        #expect(OutputPath.resolve("out/записки/", suffix: "7б", defaultName: "записка-7б") == "out/записки/записка-7б.docx")
        let dir = try MemoFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dotted = dir.appendingPathComponent("папка.2025")
        try FileManager.default.createDirectory(at: dotted, withIntermediateDirectories: true)
        #expect(OutputPath.resolve(dotted.path, suffix: nil, defaultName: "справка") == dotted.path + "/справка.docx")
        #expect(OutputPath.format(of: "a.DOCX") == .docx && OutputPath.format(of: "a.md") == .markdown)
        #expect(OutputPath.format(of: "a.pdf") == nil)
    }
}
