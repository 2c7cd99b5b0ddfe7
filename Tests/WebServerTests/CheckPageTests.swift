import Foundation
import Testing
@testable import WebServer

/// «Проверка»: a check of the uploaded journal, its summary, filters, paging, teacher pages and
/// the comparison with the previous check.
@Suite struct CheckPageTests {
    /// «Замечания: N из T» of a findings page.
    func counts(_ text: String) -> (Int, Int)? {
        guard let r = text.range(of: #"Замечания: (\d+) из (\d+)"#, options: .regularExpression) else { return nil }
        let nums = text[r].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return nums.count == 2 ? (nums[0], nums[1]) : nil
    }

    /// The values of a `<select name="…">` on the page.
    func options(_ html: String, select name: String) -> [String] {
        guard let start = html.range(of: "<select name=\"\(name)\">"), let end = html[start.upperBound...].range(of: "</select>") else { return [] }
        let block = String(html[start.upperBound..<end.lowerBound])
        return block.components(separatedBy: "<option").dropFirst().compactMap { o in
            guard let gt = o.firstIndex(of: ">") else { return nil }
            let v = String(o[o.index(after: gt)...].prefix { $0 != "<" })
            return v == "все" ? nil : v
        }
    }

    @Test func aCheckShowsEveryRuleThenFindingsThatTheFiltersSplitWithoutLoss() async throws {
        // The pack's rules, from the pack file: every `rule` has a `title "…"` (templates do too).
        try await withWebApp("check") { browser, _ in
            _ = try await browser.importFiles(try exampleFiles())
            _ = try await browser.get("/check")
            let run = try await browser.runCheck([("pack", "oosh14"), ("window", "all")])
            #expect(run.status == .seeOther && run.location == "/checks/1")
            let page = try await browser.get("/checks/1")
            let text = visibleText(page.text)
            #expect(text.contains("Итог по правилам"))
            #expect(text.contains("Запись об уроке внесена в день его проведения"))
            #expect(text.contains("не проверено"))
            let (shown, total) = try #require(counts(text))
            #expect(shown == total && total > 100)
            // Paging: 100 a page.
            #expect(page.text.components(separatedBy: "<tr class=\"finding\">").count - 1 == 100)
            #expect(text.contains("страница 1 из \((total + 99) / 100) дальше →"))
            #expect(!text.contains("← назад"), "no way back from the first page")
            let last = try await browser.get("/checks/1?page=\((total + 99) / 100)")
            #expect(visibleText(last.text).contains("страница \((total + 99) / 100) из \((total + 99) / 100)"))

            // Each teacher's findings: the filter keeps only theirs, and the teachers together
            // account for every finding with a teacher.
            let teachers = options(page.text, select: "teacher")
            #expect(!teachers.isEmpty)
            var sum = 0
            for t in teachers {
                let q = t.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? t
                let p = try await browser.get("/checks/1/teacher?teacher=\(q)")
                let pt = visibleText(p.text)
                #expect(pt.contains("Преподаватель: \(t)"))
                let (n, all) = try #require(counts(pt))
                #expect(all == total)
                sum += n
                for other in teachers where other != t { #expect(!p.text.contains(">\(other)</a>"), "\(other) on \(t)'s page") }
            }
            let noTeacher = try await browser.get("/checks/1")
            #expect(noTeacher.status == .ok)
            #expect(sum <= total && sum > 0)

            // Severity filter: the kinds split the findings exactly.
            var bySeverity = 0
            for s in ["нарушение", "замечание", "рекомендация"] {
                let p = try await browser.get("/checks/1?severity=\(s.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
                bySeverity += try #require(counts(visibleText(p.text))).0
            }
            #expect(bySeverity == total)

            // The same check again: nothing new, everything still open, nothing fixed.
            _ = try await browser.get("/check")
            _ = try await browser.runCheck([("pack", "oosh14"), ("window", "all")])
            let second = visibleText(try await browser.get("/checks/2").text)
            #expect(second.contains("Сравнение с проверкой № 1"))
            #expect(second.contains("Новых: 0 · не устранено: \(total) · исправлено: 0"))
        }
    }

    @Test func aWindowTheUserMistypedIsExplained() async throws {
        try await withWebApp("window") { browser, _ in
            _ = try await browser.importFiles(try exampleFiles())
            _ = try await browser.get("/check")
            let bad = try await browser.runCheck([("pack", "oosh14"), ("window", "week"), ("week", "32.13.2025")])
            #expect(bad.status == .badRequest)
            #expect(visibleText(bad.text).contains("«неделя»: непонятная дата «32.13.2025»"))
            let noGroup = try await browser.runCheck([("pack", "oosh14"), ("window", "all"), ("group", "7в")])
            #expect(visibleText(noGroup.text).contains("в журнале нет группы «7в»"))
            let week = try await browser.runCheck([("pack", "oosh14"), ("window", "week"), ("week", "08.10.2025")])
            #expect(week.status == .seeOther)
            #expect(visibleText(try await browser.get(week.location ?? "/").text).contains("06.10.2025"))
        }
    }

    @Test func thePseudonymiseSwitchHidesStudentsOnPagesAndDownloads() async throws {
        // The students, from the marks table (column «Ученик»).
        let marks = try String(contentsOf: exampleFolder.appendingPathComponent("marks_log_7b_algebra.csv"), encoding: .utf8)
        let students = Set(marks.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ";", omittingEmptySubsequences: false).dropFirst(4).first.map(String.init) })
        #expect(students.count > 5)
        try await withWebApp("pseudo") { browser, _ in
            _ = try await browser.importFiles(try exampleFiles())
            _ = try await browser.get("/check")
            _ = try await browser.runCheck([("pack", "oosh14"), ("window", "all")])
            var all = ""
            for p in 1...3 { all += try await browser.get("/checks/1?page=\(p)").text }
            #expect(students.contains { all.contains($0) }, "names are shown by default")
            _ = try await browser.post("/settings/pseudonymize", [("on", "1"), ("back", "/checks/1")])
            var hidden = ""
            for p in 1...3 { hidden += try await browser.get("/checks/1?page=\(p)").text }
            let json = try await browser.get("/checks/1/report.json").text
            let memo = try await browser.get("/documents/memo?pack=oosh14&group=7%D0%B1&week=08.10.2025&format=md").text
            let spravka = try await browser.get("/documents/spravka?pack=oosh14&month=10.2025&format=md").text
            for s in students {
                #expect(!hidden.contains(s), "\(s) on the page")
                #expect(!json.contains(s), "\(s) in the JSON")
                #expect(!memo.contains(s), "\(s) in the memo")
                #expect(!spravka.contains(s), "\(s) in the справка")
            }
            #expect(hidden.contains("Обучающийся"))
        }
    }
}
