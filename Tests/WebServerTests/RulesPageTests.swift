import Foundation
import Testing
@testable import WebServer

/// «Правила»: a pack's rules and parameters; parameters saved as an `extends` pack; a `.rules`
/// upload checked like `rules lint` / `rules test`.
@Suite struct RulesPageTests {
    @Test func thePackPageListsItsRulesAndParameters() async throws {
        // From rules/oosh14.rules: `param written_term = 0 дней "…"`, `param correction_term = 14 дней`.
        try await withWebApp("rules") { browser, _ in
            let page = try await browser.get("/rules?pack=oosh14")
            #expect(page.status == .ok)
            #expect(page.text.contains("name=\"param.written_term\" value=\"0 дней\""))
            #expect(page.text.contains("name=\"param.correction_term\" value=\"14 дней\""))
            #expect(visibleText(page.text).contains("Запись об уроке внесена в день его проведения"))
        }
    }

    @Test func changedParametersAreSavedAsAPackExtendingTheShippedOneAndCheckLikeParam() async throws {
        let cli = try CLIReference.run(["check", exampleFolder.path, "--rules", "oosh14", "--param", "written_term=3 дня"])
        // «Отметки за письменные работы внесены в день проведения урока» — its line of the summary.
        let line = try #require(cli.stdout.split(separator: "\n").first { $0.contains("письменные работы") })
        try await withWebApp("params") { browser, folder in
            _ = try await browser.importFiles(try exampleFiles())
            _ = try await browser.get("/rules?pack=oosh14")
            let saved = try await browser.post("/rules/params", [("pack", "oosh14"), ("param.written_term", "3 дня"), ("name", "школа")])
            #expect(saved.status == .ok)
            #expect(visibleText(saved.text).contains("пакет «школа» сохранён"))
            let text = try String(contentsOfFile: folder + "/rules/школа.rules", encoding: .utf8)
            #expect(text.contains("extends \"oosh14.rules\""))
            #expect(text.contains("set written_term = 3 дня"))
            #expect(!text.contains("correction_term"), "only what was changed")
            _ = try await browser.get("/check")
            let run = try await browser.runCheck([("pack", "школа"), ("window", "all")])
            #expect(run.status == .seeOther)
            let page = visibleText(try await browser.get(run.location ?? "/").text)
            // The CLI's summary line holds the rule's checked and violations counts; the page's row has the same numbers.
            let numbers = line.split(whereSeparator: { !$0.isNumber }).map(String.init)
            let row = try #require(page.components(separatedBy: "\n").first { $0.contains("Отметки за письменные работы внесены") }
                .map { _ in page })
            for n in numbers.prefix(2) { #expect(row.contains(n)) }
            // A wrong value is explained, nothing saved.
            let bad = try await browser.post("/rules/params", [("pack", "oosh14"), ("param.written_term", "три дня"), ("name", "плохой")])
            #expect(bad.status == .badRequest)
            #expect(!FileManager.default.fileExists(atPath: folder + "/rules/плохой.rules"))
        }
    }

    @Test func aBrokenRulesFileIsShownWithFileLineColumnAndItsLine() async throws {
        // Line 7 names an entity the language does not have.
        let broken = """
        pack BROKEN
        title "Проба"
        document "Положение"
        rule B-1 {
          title "Проба"
          clause "п. 1"
          scope урокиии
          require true
          message "x"
        }

        """
        try await withWebApp("brokenrules") { browser, folder in
            _ = try await browser.get("/rules")
            let r = try await browser.upload("/rules/upload", field: "file", files: [("сломанный.rules", Data(broken.utf8))])
            #expect(r.status == .badRequest)
            let text = visibleText(r.text)
            #expect(text.contains("сломанный.rules:7:"), "\(text)")
            #expect(text.contains("scope урокиии"))
            #expect(!text.contains(".проверка-"))
            #expect(!FileManager.default.fileExists(atPath: folder + "/rules/сломанный.rules"))
        }
    }
}
