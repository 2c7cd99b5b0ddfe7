import Foundation
import Hummingbird
import JournalModel
import RuleEngine
import RuleLanguage
import Workflows

/// «Правила» (methodologist): a pack's rules with titles, clauses, severities and parameters;
/// the parameter form saved as a pack that `extends` the chosen one (what `--param` does, kept);
/// a `.rules` file uploaded and checked like `zhurnal rules lint` and `rules test`.
enum RulesRoutes {
    static func add(to router: Router<WebContext>, state: WebState) {
        router.get("/rules") { request, context in
            let name = request.uri.queryParameters["pack"].map(String.init)
            return page(state: state, context: context, packName: name, message: nil)
        }
        router.post("/rules/params") { request, context in
            var r = request
            let form = FormFields(body: String(buffer: try await r.collectBody(upTo: 1 << 20)))
            let base = form["pack"] ?? ""
            do {
                let basePath = try PackList.path(base, workspace: state.workspace)
                let pack = try loadPack(basePath)
                guard let newName = form.nonEmpty("name").flatMap(UploadReceiver.safeName) else {
                    throw WorkflowError.message("укажите имя нового пакета (буквы, цифры, дефис)")
                }
                var text = "# Параметры, заданные на странице «Правила» поверх пакета «\(base)».\n"
                text += "pack \(Self.packId(newName))\nextends \"\((basePath as NSString).lastPathComponent)\"\n"
                var changed = 0
                for p in pack.params {
                    guard let v = form.nonEmpty("param." + p.name), v != p.value.description else { continue }
                    text += "set \(p.name) = \(v)\n"
                    changed += 1
                }
                guard changed > 0 else { throw WorkflowError.message("ни один параметр не изменён — новый пакет не нужен") }
                let file = state.workspace.path("rules/\(newName).rules")
                if basePath == file { throw WorkflowError.message("пакет не может расширять сам себя — выберите другое имя") }
                let saved = try stage(text, as: file) { path in _ = try loadPack(path) }
                return page(state: state, context: context, packName: newName,
                            message: "пакет «\(newName)» сохранён (\(saved)): изменено параметров — \(changed); выберите его на странице «Проверка»")
            } catch let e as WorkflowError {
                return page(state: state, context: context, packName: base, message: e.lines.joined(separator: "\n"), status: .badRequest)
            }
        }
        router.post("/rules/upload") { request, context in
            let folder = state.workspace.path("uploads/\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(atPath: folder) }
            do {
                var limits = state.limits
                limits.maxRequestBytes = 4 << 20
                limits.maxFiles = 1
                let upload = try await UploadReceiver.receive(request, into: folder, limits: limits)
                guard let name = upload.files.first, name.hasSuffix(".rules") else {
                    throw UploadRefused(message: "выберите файл правил .rules")
                }
                guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)),
                      let text = String(data: data, encoding: .utf8) else {
                    throw UploadRefused(message: "файл «\(name)» не в кодировке UTF-8 — сохраните его как UTF-8")
                }
                let file = state.workspace.path("rules/\(name)")
                var report: [String] = []
                var failed = 0
                _ = try stage(text, as: file) { path in
                    let pack = try loadPack(path)
                    report.append("\(name): правил \(pack.rules.count), ошибок нет")
                    for rule in pack.rules {
                        let results = ExampleRunner.run(rule) { overrides in
                            (try? PackLoader.load(path: path, overrides: overrides))?.rules.first { $0.id == rule.id }
                        }
                        let bad = results.filter { !$0.passed }
                        failed += bad.count
                        report.append("  \(bad.isEmpty ? "ок    " : "ОШИБКА") \(rule.id) — примеров: \(results.count)")
                        for r in bad { report.append("      \(r.location): \(r.example): \(r.detail)") }
                    }
                    if failed > 0 { throw WorkflowError.message((report + ["примеров не прошло: \(failed) — пакет не сохранён"]).joined(separator: "\n")) }
                }
                return page(state: state, context: context, packName: (name as NSString).deletingPathExtension,
                            message: (report + ["пакет сохранён в рабочей папке — его можно выбрать на странице «Проверка»"]).joined(separator: "\n"))
            } catch let e as UploadRefused {
                return page(state: state, context: context, packName: nil, message: e.message, status: .badRequest)
            } catch let e as WorkflowError {
                return page(state: state, context: context, packName: nil, message: e.lines.joined(separator: "\n"), status: .badRequest)
            }
        }
    }

    static func packId(_ name: String) -> String {
        let id = name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? String($0) : "-" }.joined()
        return id.first?.isLetter == true ? id : "P-" + id
    }

    static func loadPack(_ path: String) throws(WorkflowError) -> Pack {
        do { return try PackLoader.load(path: path) } catch let e as PackError {
            throw .diagnostics(e.diagnostics)
        } catch {
            throw .message("\(error)")
        }
    }

    /// Writes `text` beside the workspace's packs under a temporary name, checks it there (so
    /// `extends` finds the shipped packs linked in that folder) and renames it into place only
    /// if `check` passes. Diagnostics name the file as the user called it.
    static func stage(_ text: String, as file: String, check: (String) throws -> Void) throws -> String {
        let name = (file as NSString).lastPathComponent
        let tmp = ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(".проверка-\(UUID().uuidString).rules")
        try Workspace.writePrivate(Data(text.utf8), to: tmp)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        do { try check(tmp) } catch let e as WorkflowError {
            throw WorkflowError.message(e.lines.joined(separator: "\n").replacingOccurrences(of: tmp, with: name)
                .replacingOccurrences(of: (tmp as NSString).lastPathComponent, with: name))
        }
        try? FileManager.default.removeItem(atPath: file)
        guard rename(tmp, file) == 0 else { throw WorkflowError.message("не удалось сохранить пакет «\(name)»") }
        return name
    }

    static func page(state: WebState, context: WebContext, packName: String?, message: String?,
                     status: HTTPResponse.Status = .ok) -> Response {
        let packs = PackList.all(workspace: state.workspace)
        let chosen = packs.first { $0.name == packName } ?? packs.first { $0.name == "oosh14" } ?? packs.first
        var values: [String: Any] = ["packs": packs.map { ["name": $0.name, "own": $0.own, "selected": $0.name == chosen?.name] as [String: Any] },
                                     "message": message as Any]
        if let chosen {
            do {
                let pack = try loadPack(chosen.path)
                values["pack"] = ["name": chosen.name, "id": pack.id, "title": pack.title, "document": pack.document,
                                  "ruleCount": pack.rules.count] as [String: Any]
                values["rules"] = pack.rules.map { r -> [String: Any] in
                    ["id": r.id, "title": r.title, "clause": r.clause, "severity": r.severity, "tags": r.tags.joined(separator: ", "),
                     "params": r.parametersUsed.sorted().joined(separator: ", ")]
                }
                values["params"] = pack.params.map { p -> [String: Any] in
                    ["name": p.name, "value": p.value.description, "description": p.description ?? "",
                     "setIn": p.setIn.map { ($0 as NSString).lastPathComponent } ?? ""]
                }
                values["coverage"] = coverage(chosen.path)
                values["hasCoverage"] = !coverage(chosen.path).isEmpty
            } catch let e as WorkflowError {
                values["packError"] = e.lines.joined(separator: "\n")
            } catch {}
        }
        return state.pages.html("rules", title: "Правила", context: context, section: "rules", values, status: status)
    }

    /// The regulation's clauses and how the pack covers them (`<pack>.coverage.csv`), if shipped.
    static func coverage(_ packPath: String) -> [[String: Any]] {
        guard let entries = try? CoverageTable.read(path: CoverageTable.path(forPack: packPath)) else { return [] }
        return entries.map { ["clause": $0.clause, "summary": $0.summary, "status": $0.status.rawValue, "reason": $0.reason ?? ""] }
    }
}
