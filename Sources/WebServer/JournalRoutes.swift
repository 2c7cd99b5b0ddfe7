import Foundation
import Hummingbird
import Workflows

/// «Журнал»: upload an export (files or a .zip) → the import runs in the background → its
/// report; the list of imports; each import's rejected rows as CSV.
enum JournalRoutes {
    static func add(to router: Router<WebContext>, state: WebState) {
        router.get("/journal") { _, context in
            await page(state: state, context: context, message: nil)
        }
        router.post("/journal/upload") { request, context in
            guard let (number, progress) = await state.workspace.beginImport() else {
                return await page(state: state, context: context, status: .conflict,
                                  message: "сейчас уже идёт импорт в эту рабочую папку — дождитесь его окончания (страница «Журнал»)")
            }
            let folder = state.workspace.path("uploads/\(UUID().uuidString)")
            var upload: ReceivedUpload
            do {
                upload = try await UploadReceiver.receive(request, into: folder, limits: state.limits)
                try ZipUnpacker.unpack(&upload, limits: state.limits)
            } catch let e as UploadRefused {
                try? FileManager.default.removeItem(atPath: folder)
                progress.finish(.failure(.message(e.message)))
                await state.workspace.endImport(nil)
                return await page(state: state, context: context, status: .badRequest, message: e.message)
            }
            if upload.files.isEmpty && (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty ?? true {
                try? FileManager.default.removeItem(atPath: folder)
                progress.finish(.failure(.message("файлы не выбраны")))
                await state.workspace.endImport(nil)
                return await page(state: state, context: context, status: .badRequest, message: "файлы не выбраны — выберите файлы выгрузки или архив .zip")
            }
            let workspace = state.workspace
            let received = upload
            Task.detached {
                let result = await ImportJob.run(received, workspace: workspace, number: number, progress: progress.update)
                try? FileManager.default.removeItem(atPath: received.folder)
                if case .success(let r) = result { await workspace.endImport(r) } else { await workspace.endImport(nil) }
                progress.finish(result)
            }
            return redirect("/journal/progress", context: context)
        }
        router.get("/journal/progress") { _, context in
            guard let progress = await state.workspace.current else { return redirect("/journal", context: context) }
            let snap = progress.snapshot
            switch snap.result {
            case .success(let r)?:
                return redirect("/journal/imports/\(r.number)", context: context)
            case .failure(let e)?:
                return state.pages.html("import-failed", title: "Импорт не выполнен", context: context, section: "journal",
                                        ["lines": e.lines.joined(separator: "\n")], status: .unprocessableContent)
            case nil:
                return state.pages.html("progress", title: "Идёт импорт", context: context, section: "journal",
                                        ["file": snap.file + 1, "percent": snap.percent])
            }
        }
        router.get("/journal/imports/{n}") { _, context in
            guard let n = context.parameters.get("n", as: Int.self), let r = await state.workspace.importRecord(n) else {
                return state.pages.error(["такого импорта нет"], context: context, section: "journal", status: .notFound)
            }
            return state.pages.html("import", title: "Импорт № \(n)", context: context, section: "journal", values(r))
        }
        router.get("/journal/imports/{n}/rejects.csv") { _, context in
            guard let n = context.parameters.get("n", as: Int.self), await state.workspace.importRecord(n) != nil,
                  let data = FileManager.default.contents(atPath: state.workspace.path("imports/\(n)/отклонённые.csv")) else {
                return state.pages.error(["такого импорта нет"], context: context, section: "journal", status: .notFound)
            }
            return download(data, name: "отклонённые-\(n).csv", type: "text/csv; charset=utf-8", context: context)
        }
    }

    static func page(state: WebState, context: WebContext, status: HTTPResponse.Status = .ok, message: String?) async -> Response {
        let imports = await state.workspace.imports.reversed().map { r -> [String: Any] in
            ["number": r.number, "date": r.date, "files": r.files.count, "accepted": r.accepted, "rejected": r.rejected,
             "disagreements": r.disagreements]
        }
        let l = state.limits
        return state.pages.html("journal", title: "Журнал", context: context, section: "journal",
                                ["imports": imports, "hasImports": !imports.isEmpty, "message": message as Any,
                                 "importing": await state.workspace.isImporting,
                                 "maxMB": l.maxRequestBytes >> 20, "maxFiles": l.maxFiles], status: status)
    }

    static func values(_ r: ImportRecord) -> [String: Any] {
        ["number": r.number, "date": r.date, "batch": r.batch.map { "\($0)" } as Any,
         "files": r.files.map { f -> [String: Any] in
             ["name": f.name, "profile": f.profile, "encoding": f.encoding, "read": f.read, "accepted": f.accepted,
              "rejected": f.rejected, "earlier": f.earlier as Any]
         },
         "read": r.read, "accepted": r.accepted, "rejected": r.rejected, "notes": r.notes,
         "rejections": r.rejections, "moreRejections": r.rejected > r.rejections.count ? r.rejected - r.rejections.count : 0,
         "disagreementCount": r.disagreements, "disagreements": r.disagreementLines, "unlinked": r.unlinkedPeriods,
         "hasRejections": r.rejected > 0, "hasNotes": !r.notes.isEmpty, "hasDisagreements": !r.disagreementLines.isEmpty,
         "hasUnlinked": !r.unlinkedPeriods.isEmpty]
    }
}
