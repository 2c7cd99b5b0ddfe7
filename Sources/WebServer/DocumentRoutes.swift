import Foundation
import Findings
import Hummingbird
import JournalModel
import Reports
import RuleEngine
import Workflows
import ZIPFoundation

/// «Документы»: the XLSX report and JSON of a check (the files `check --out` and `--json`
/// write), a class's memo for a week (DOCX or Markdown), all classes' memos as one .zip, the
/// monthly справка, and the requisites (реквизиты) form.
enum DocumentRoutes {
    static func add(to router: Router<WebContext>, state: WebState) {
        router.get("/documents") { _, context in
            await page(state: state, context: context, message: nil)
        }
        router.get("/checks/{n}/report.xlsx") { _, context in
            guard let n = context.parameters.get("n", as: Int.self), let check = await state.workspace.check(n) else {
                return state.pages.error(["такой проверки нет"], context: context, section: "documents", status: .notFound)
            }
            do {
                let judged = try await CheckRun.judge(check.request, workspace: state.workspace)
                let data = try temporaryFile(state.workspace, ext: "xlsx") { path in
                    let options = XlsxReportOptions(createdAt: check.report.checkedAt, pseudonymize: context.session?.pseudonymize ?? false)
                    try XlsxReport.write(report: check.report, journal: judged.journal, to: path, options: options)
                }
                return download(data, name: "отчёт-\(n).xlsx",
                                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", context: context)
            } catch let e as WorkflowError {
                return state.pages.error(e.lines, context: context, section: "documents")
            }
        }
        router.get("/checks/{n}/report.json") { _, context in
            guard let n = context.parameters.get("n", as: Int.self), let check = await state.workspace.check(n) else {
                return state.pages.error(["такой проверки нет"], context: context, section: "documents", status: .notFound)
            }
            var data = try temporaryFile(state.workspace, ext: "json") { path in try ReportJSON.write(check.report, to: path) }
            if context.session?.pseudonymize == true {
                data = pseudonymized(data, report: check.report, journal: try? await state.workspace.journal())
            }
            return download(data, name: "проверка-\(n).json", type: "application/json", context: context)
        }
        router.get("/documents/memo") { request, context in
            let q = query(request)
            do {
                guard let group = q["group"], !group.isEmpty else { throw WorkflowError.message("выберите класс") }
                let (job, day) = try await memoJob(q, group: group, state: state)
                let format = q["format"] == "md" ? "md" : "docx"
                guard let memo = ServiceMemo.build(report: job.report, journal: job.journal, group: group, week: day,
                                                   settings: job.settings, phrases: job.phrases, sequence: 0) else {
                    return await page(state: state, context: context,
                                      message: "класс \(group): за неделю \(day.weekStart)–\(day.weekStart.adding(days: 6)) нарушений не выявлено — служебная записка не составляется")
                }
                let data = try render(format, state: state, scrubber: await scrubber(context, job, state),
                                      markdown: { try MemoRenderer.markdown(memo, templates: job.templates) },
                                      docx: { try MemoRenderer.docx(memo, templates: job.templates) })
                return download(data, name: "записка-\(group)-\(day.weekStart.iso).\(format)", type: mime(format), context: context)
            } catch let e as WorkflowError {
                return await page(state: state, context: context, message: e.lines.joined(separator: "\n"), status: .badRequest)
            }
        }
        router.get("/documents/memos.zip") { request, context in
            let q = query(request)
            do {
                let (job, day) = try await memoJob(q, group: nil, state: state)
                let format = q["format"] == "md" ? "md" : "docx"
                var files: [(String, Data)] = []
                let scrubber = await scrubber(context, job, state)
                for (i, g) in ServiceMemo.groups(report: job.report, journal: job.journal).enumerated() {
                    guard let memo = ServiceMemo.build(report: job.report, journal: job.journal, group: g, week: day,
                                                       settings: job.settings, phrases: job.phrases, sequence: i) else { continue }
                    files.append(("записка-\(g).\(format)", try render(format, state: state, scrubber: scrubber,
                        markdown: { try MemoRenderer.markdown(memo, templates: job.templates) },
                        docx: { try MemoRenderer.docx(memo, templates: job.templates) })))
                }
                guard !files.isEmpty else {
                    return await page(state: state, context: context, message: "за неделю \(day.weekStart)–\(day.weekStart.adding(days: 6)) нарушений ни в одном классе не выявлено — записки не составляются")
                }
                let data = try temporaryFile(state.workspace, ext: "zip") { path in
                    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
                    for (name, bytes) in files {
                        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                            bytes.subdata(in: Int(position)..<Int(position) + size)
                        }
                    }
                }
                return download(data, name: "записки-\(day.weekStart.iso).zip", type: "application/zip", context: context)
            } catch let e as WorkflowError {
                return await page(state: state, context: context, message: e.lines.joined(separator: "\n"), status: .badRequest)
            }
        }
        router.get("/documents/spravka") { request, context in
            let q = query(request)
            do {
                guard let m = q["month"], !m.isEmpty, let first = InspectionReport.month(parsing: m) else {
                    throw WorkflowError.message("месяц не распознан — пишите 10.2025 или 2025-10")
                }
                var r = CheckRequest(form: FormFields(body: ""))
                r.pack = q["pack"] ?? ""
                r.window = "month"
                r.month = m
                let job = try await documentJob(r, state: state)
                let doc = InspectionReport.build(report: job.report, journal: job.journal, month: first, settings: job.settings)
                let format = q["format"] == "md" ? "md" : "docx"
                let data = try render(format, state: state, scrubber: await scrubber(context, job, state),
                                      markdown: { try MemoRenderer.markdown(doc, templates: job.templates) },
                                      docx: { try MemoRenderer.docx(doc, templates: job.templates) })
                return download(data, name: "справка-\(first.iso.prefix(7)).\(format)", type: mime(format), context: context)
            } catch let e as WorkflowError {
                return await page(state: state, context: context, message: e.lines.joined(separator: "\n"), status: .badRequest)
            }
        }
        router.post("/documents/requisites") { request, context in
            var r = request
            let form = FormFields(body: String(buffer: try await r.collectBody(upTo: 1 << 20)))
            var text = "# Реквизиты, сохранённые на странице «Документы».\n"
            for key in MemoSettings.Key.allCases {
                let v = (form[key.rawValue] ?? "").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                    .trimmingCharacters(in: .whitespaces)
                if !v.isEmpty { text += "\(key.rawValue): \(v)\n" }
            }
            do {
                _ = try MemoSettings.parse(text, file: "реквизиты")
                try Workspace.writePrivate(Data(text.utf8), to: state.workspace.path("реквизиты.txt"))
                return await page(state: state, context: context, message: "реквизиты сохранены", saved: true)
            } catch let e as MemoError {
                return await page(state: state, context: context, message: e.diagnostics.map(\.rendered).joined(separator: "\n"),
                                  status: .badRequest, form: form)
            }
        }
    }

    /// Replaces students' names in a document when the session pseudonymises.
    static func scrubber(_ context: WebContext, _ job: DocumentJob, _ state: WebState) async -> NameScrubber? {
        guard context.session?.pseudonymize == true else { return nil }
        return NameScrubber(report: job.report, journal: try? await state.workspace.journal())
    }

    static func query(_ request: Request) -> [String: String] {
        var q: [String: String] = [:]
        for (k, v) in request.uri.queryParameters { q[String(k)] = String(v).trimmingCharacters(in: .whitespaces) }
        return q
    }

    static func mime(_ format: String) -> String {
        format == "md" ? "text/markdown; charset=utf-8" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    }

    /// The requisites the workspace saved, else the shipped template's.
    static func resources(_ state: WebState) throws(WorkflowError) -> DocumentJob.Resources {
        let own = state.workspace.path("реквизиты.txt")
        return try DocumentJob.Resources.locate(settingsPath: FileManager.default.fileExists(atPath: own) ? own : nil, templatesDir: nil)
    }

    static func documentJob(_ r: CheckRequest, state: WebState) async throws(WorkflowError) -> DocumentJob {
        let packPath = try PackList.path(r.pack, workspace: state.workspace)
        let judged = try await CheckRun.judge(r, workspace: state.workspace)
        return try DocumentJob.check(judged, packPath: packPath, group: r.group, resources: try resources(state))
    }

    static func memoJob(_ q: [String: String], group: String?, state: WebState) async throws(WorkflowError) -> (DocumentJob, LocalDate) {
        guard let w = q["week"], !w.isEmpty else { throw .message("укажите любую дату недели, например 08.10.2025") }
        let day = try WindowRequest.date(w, "«неделя»")
        var r = CheckRequest(form: FormFields(body: ""))
        r.pack = q["pack"] ?? ""
        r.window = "week"
        r.week = w
        r.group = group
        return (try await documentJob(r, state: state), day)
    }

    static func render(_ format: String, state: WebState, scrubber: NameScrubber? = nil, markdown: () throws -> String,
                       docx: () throws -> DocxPackage) throws -> Data {
        do {
            if format == "md" {
                let text = try markdown()
                return Data((scrubber?.scrub(text) ?? text).utf8)
            }
            var package = try docx()
            if let scrubber { package.documentXML = scrubber.scrub(package.documentXML) }
            return try temporaryFile(state.workspace, ext: "docx") { path in
                try DocumentFiles.write([.init(path: path, contents: .docx(package))])
            }
        } catch let e as MemoError {
            throw WorkflowError.diagnostics(e.diagnostics)
        }
    }

    /// Writes a document with the library's own writer into the workspace (0600), reads it
    /// back and removes it.
    static func temporaryFile(_ workspace: Workspace, ext: String, _ write: (String) throws -> Void) throws -> Data {
        let path = workspace.path("documents/\(UUID().uuidString).\(ext)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkflowError.message("документ не записан")
        }
        return data
    }

    /// The JSON with every student's name replaced by their code (the pseudonymise switch).
    static func pseudonymized(_ json: Data, report: CheckReport, journal: Journal?) -> Data {
        Data(NameScrubber(report: report, journal: journal).scrub(String(decoding: json, as: UTF8.self)).utf8)
    }

    static func page(state: WebState, context: WebContext, message: String?, status: HTTPResponse.Status = .ok,
                     saved: Bool = false, form: FormFields? = nil) async -> Response {
        let checks = await state.workspace.recentChecks().map { c -> [String: Any] in
            ["number": c.number, "pack": c.report.packTitle, "window": c.windowLabel, "group": c.request.group ?? "все классы"]
        }
        var groups: [String] = []
        if let j = try? await state.workspace.journal() { groups = j.groups.map(\.name) }
        // The pack of the latest check comes first selected: the memo follows the check just made.
        let last = await state.workspace.recentChecks(limit: 1).first?.request.pack
        let packs = PackList.all(workspace: state.workspace).map { ["name": $0.name, "selected": $0.name == last] as [String: Any] }
        let current = (try? resources(state))?.settings ?? MemoSettings()
        let requisites = MemoSettings.Key.allCases.map { k -> [String: Any] in
            ["key": k.rawValue, "value": form?[k.rawValue] ?? current.values[k] ?? ""]
        }
        return state.pages.html("documents", title: "Документы", context: context, section: "documents",
                                ["checks": checks, "hasChecks": !checks.isEmpty, "groups": groups, "packs": packs,
                                 "requisites": requisites, "message": message as Any, "saved": saved], status: status)
    }
}
