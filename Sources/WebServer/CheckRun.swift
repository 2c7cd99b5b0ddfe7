import Foundation
import Findings
import JournalModel
import Reports
import RuleEngine
import RuleLanguage
import Workflows

/// A check of the workspace journal, as `zhurnal check` does it: the whole journal judged as
/// of one moment, the pack run, the findings of the window kept.
enum CheckRun {
    static func judge(_ request: CheckRequest, workspace: Workspace) async throws(WorkflowError) -> JudgedJournal {
        let window = try request.windowRequest()
        let whole = try await workspace.journal()
        return try JudgedJournal.judge(whole, asOf: request.asOf, window: window, group: request.group)
    }

    static func run(_ request: CheckRequest, workspace: Workspace, parameters: [String: String] = [:]) async throws(WorkflowError)
        -> (StoredCheck, JudgedJournal) {
        let packPath = try PackList.path(request.pack, workspace: workspace)
        let judged = try await judge(request, workspace: workspace)
        do {
            let report = try Checker.check(packPath: packPath, journal: judged.journal,
                                           options: judged.options(group: request.group, parameters: parameters))
            return (StoredCheck(request: request, windowLabel: judged.window.label ?? "весь журнал",
                                asOf: judged.asOf.momentText, report: report), judged)
        } catch let e as RulePackError {
            throw .diagnostics(e.diagnostics)
        } catch {
            throw .message("\(error)")
        }
    }
}
