import Foundation
import Findings
import Hummingbird
import JournalModel
import Reports
import Workflows

/// «Проверка»: the form (pack, window, class); running a check (in the request: a check of a
/// school's journal takes seconds); the per-rule summary and the findings with filters and
/// paging; a page per teacher; the comparison with the previous check of the same pack.
enum CheckRoutes {
    static func add(to router: Router<WebContext>, state: WebState) {
        router.get("/check") { _, context in
            await form(state: state, context: context, message: nil)
        }
        router.post("/check") { request, context in
            var r = request
            let form = FormFields(body: String(buffer: try await r.collectBody(upTo: 1 << 20)))
            let checkRequest = CheckRequest(form: form)
            do {
                // Mistakes in the form are answered at once; the check itself runs in the background.
                let packPath = try PackList.path(checkRequest.pack, workspace: state.workspace)
                let judged = try await CheckRun.judge(checkRequest, workspace: state.workspace)
                guard let progress = await state.workspace.beginCheck() else {
                    return await self.form(state: state, context: context,
                                           message: "сейчас уже идёт проверка — дождитесь её окончания (страница «Проверка»)", status: .conflict)
                }
                let workspace = state.workspace
                Task.detached {
                    let result: Result<Int, WorkflowError>
                    do {
                        let check = try CheckRun.run(checkRequest, packPath: packPath, judged: judged)
                        result = .success(try await workspace.store(check))
                    } catch let e as WorkflowError {
                        result = .failure(e)
                    } catch {
                        result = .failure(.message("проверка не выполнена: \(error)"))
                    }
                    progress.finish(result)
                    await workspace.endCheck()
                }
                return redirect("/check/progress", context: context)
            } catch let e as WorkflowError {
                return await self.form(state: state, context: context, message: e.lines.joined(separator: "\n"), status: .badRequest)
            }
        }
        router.get("/check/progress") { _, context in
            guard let progress = await state.workspace.currentCheck else { return redirect("/check", context: context) }
            switch progress.result {
            case .success(let n)?:
                return redirect("/checks/\(n)", context: context)
            case .failure(let e)?:
                return await form(state: state, context: context, message: e.lines.joined(separator: "\n"), status: .unprocessableContent)
            case nil:
                return state.pages.html("check-progress", title: "Идёт проверка", context: context, section: "check",
                                        ["seconds": progress.seconds])
            }
        }
        router.get("/checks/{n}") { request, context in
            try await findingsPage(request, context: context, state: state, teacherPage: false)
        }
        router.get("/checks/{n}/teacher") { request, context in
            try await findingsPage(request, context: context, state: state, teacherPage: true)
        }
        router.post("/settings/pseudonymize") { request, context in
            var r = request
            let form = FormFields(body: String(buffer: try await r.collectBody(upTo: 1 << 16)))
            if let id = context.session?.id { await state.sessions.setPseudonymize(form["on"] == "1", for: id) }
            let back = form.nonEmpty("back").flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/check"
            return redirect(back, context: context)
        }
    }

    static func form(state: WebState, context: WebContext, message: String?, status: HTTPResponse.Status = .ok) async -> Response {
        let last = await state.workspace.recentChecks(limit: 1).first?.request.pack
        let packs = PackList.all(workspace: state.workspace).map { ["name": $0.name, "own": $0.own, "selected": $0.name == last] as [String: Any] }
        var groups: [String] = [], periods: [String] = []
        if let j = try? await state.workspace.journal() {
            groups = j.groups.map(\.name)
            periods = j.calendar.periods.map(\.name)
        }
        let checks = await state.workspace.recentChecks().map { c -> [String: Any] in
            ["number": c.number, "pack": c.report.packTitle, "window": c.windowLabel, "group": c.request.group ?? "все классы",
             "findings": c.report.findings.count, "at": c.report.checkedAt.momentText]
        }
        return state.pages.html("check-form", title: "Проверка", context: context, section: "check",
                                ["packs": packs, "groups": groups, "periods": periods, "message": message as Any,
                                 "hasJournal": await state.workspace.hasJournal, "checks": checks, "hasChecks": !checks.isEmpty],
                                status: status)
    }

    static func findingsPage(_ request: Request, context: WebContext, state: WebState, teacherPage: Bool) async throws -> Response {
        guard let n = context.parameters.get("n", as: Int.self), let check = await state.workspace.check(n) else {
            return state.pages.error(["такой проверки нет"], context: context, section: "check", status: .notFound)
        }
        var query: [String: String] = [:]
        for (k, v) in request.uri.queryParameters { query[String(k)] = String(v) }
        if teacherPage, query["teacher"] == nil { query["teacher"] = query["name"] }
        let filter = FindingsView.Filter(query: query)
        var comparison: Comparison?
        var previousNumber: Int?
        if let p = await state.workspace.previous(before: n, packId: check.report.packId, group: check.request.group) {
            comparison = Comparison(current: check.report, previous: PreviousCheck(
                checkedAt: p.report.checkedAt, asOf: p.report.asOf, from: p.report.from, to: p.report.to,
                group: p.report.group, packId: p.report.packId, findings: p.report.findings))
            previousNumber = p.number
        }
        var pseudonyms: StudentPseudonyms?
        if context.session?.pseudonymize == true {
            let j = try? await state.workspace.journal()
            var all = (j?.students ?? []).map { s in (group: j?.group(s.group).name ?? "", name: s.name) }
            for f in check.report.findings { if let s = f.student { all.append((group: f.group ?? "", name: s)) } }
            pseudonyms = StudentPseudonyms(students: all)
        }
        let view = FindingsView(check: check, index: await state.workspace.index(n, check), comparison: comparison, pseudonyms: pseudonyms)
        let matching = view.matching(filter)
        let pages = max(1, (matching.count + FindingsView.pageSize - 1) / FindingsView.pageSize)
        let page = min(filter.page, pages)
        let slice = matching.dropFirst((page - 1) * FindingsView.pageSize).prefix(FindingsView.pageSize)
        let q = filter.query
        let base = teacherPage ? "/checks/\(n)/teacher" : "/checks/\(n)"
        func link(_ p: Int) -> String { "\(base)?\(q.isEmpty ? "" : q + "&")page=\(p)" }
        var values: [String: Any] = [
            "number": n, "pack": check.report.packTitle, "document": check.report.document, "window": check.windowLabel,
            "group": check.request.group ?? "все классы", "asOf": check.asOf, "checkedAt": check.report.checkedAt.momentText,
            "outcomes": summary(check.report), "rows": view.rows(slice), "total": check.report.findings.count,
            "matching": matching.count, "page": page, "pages": pages,
            "prev": link(max(1, page - 1)), "next": link(min(pages, page + 1)), "hasPrev": page > 1, "hasNext": page < pages,
            "teachers": FindingsView.choices(view.index.teachers, selected: filter.teacher),
            "groups": FindingsView.choices(view.index.groups, selected: filter.group),
            "subjects": FindingsView.choices(view.index.subjects, selected: filter.subject),
            "rules": check.report.outcomes.filter { $0.violations > 0 }.map { ["value": $0.ruleId, "title": $0.title, "selected": $0.ruleId == filter.rule] as [String: Any] },
            "severities": Severity.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == filter.severity] as [String: Any] },
            "from": filter.from ?? "", "to": filter.to ?? "", "teacherPage": teacherPage, "teacher": filter.teacher ?? "",
            "hasComparison": comparison != nil, "backQuery": "/checks/\(n)" + (q.isEmpty ? "" : "?" + q),
        ]
        if let c = comparison {
            values["cmp"] = ["previous": previousNumber ?? 0, "at": c.previousCheckedAt.momentText, "new": c.newCount, "open": c.openCount,
                             "fixed": c.fixed.count, "notCompared": c.notCompared, "hasNotCompared": c.notCompared > 0,
                             "statusNew": filter.status == Comparison.Status.new.rawValue,
                             "statusOpen": filter.status == Comparison.Status.open.rawValue] as [String: Any]
            values["hasFixed"] = !c.fixed.isEmpty
            values["fixedRows"] = c.fixed.prefix(50).map { f -> [String: Any] in
                ["date": (f.dueDate ?? f.date).map { $0.description } ?? "", "group": f.group ?? "", "teacher": f.teacher ?? "",
                 "message": view.scrub(f.message, f)]
            }
        }
        if teacherPage, let t = filter.teacher {
            let mine = check.report.findings.filter { $0.teacher == t }
            values["teacherCounts"] = Severity.allCases.map { s in ["severity": s.rawValue, "count": mine.filter { $0.severity == s }.count] as [String: Any] }
        }
        return state.pages.html("check", title: teacherPage ? "Проверка № \(n): \(filter.teacher ?? "")" : "Проверка № \(n)",
                                context: context, section: "check", values)
    }

    /// The per-rule summary: outcome, checked, violations, share, «не проверено» with the reason.
    static func summary(_ report: CheckReport) -> [[String: Any]] {
        report.outcomes.map { o in
            let share = o.share.map { String(format: "%.1f %%", $0 * 100).replacingOccurrences(of: ".", with: ",") } ?? "—"
            let why = o.status == .notChecked || o.status == .error
                ? (o.errorMessage.map { [$0] } ?? []) + o.missingData + o.skippedReasons.map { "\($0.reason): \($0.count)" } : []
            return ["title": o.title, "clause": ClauseText.cited(o.clause), "status": o.status.rawValue,
                    "statusClass": o.status == .violated ? "violation" : (o.status == .passed ? "passed" : "unchecked"),
                    "checked": o.checked, "violations": o.violations, "hasViolations": o.violations > 0, "share": share, "ruleId": o.ruleId,
                    "why": why.joined(separator: "; ")]
        }
    }
}
