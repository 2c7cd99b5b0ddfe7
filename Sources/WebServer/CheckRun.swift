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

    /// Runs the pack over the judged journal (seconds for a school, up to a minute for a college).
    static func run(_ request: CheckRequest, packPath: String, judged: JudgedJournal,
                    parameters: [String: String] = [:]) throws(WorkflowError) -> StoredCheck {
        do {
            let report = try Checker.check(packPath: packPath, journal: judged.journal,
                                           options: judged.options(group: request.group, parameters: parameters))
            return StoredCheck(request: request, windowLabel: judged.window.label ?? "весь журнал",
                               asOf: judged.asOf.momentText, report: report)
        } catch let e as RulePackError {
            throw .diagnostics(e.diagnostics)
        } catch {
            throw .message("\(error)")
        }
    }
}

/// The running check of a workspace, for the page that refreshes itself.
final class CheckProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let started = ContinuousClock.now
    private var outcome: Result<Int, WorkflowError>?
    func finish(_ r: Result<Int, WorkflowError>) { lock.lock(); outcome = r; lock.unlock() }
    var result: Result<Int, WorkflowError>? { lock.lock(); defer { lock.unlock() }; return outcome }
    var seconds: Int64 { (ContinuousClock.now - started).components.seconds }
}
