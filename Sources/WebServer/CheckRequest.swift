import Foundation
import JournalModel
import RuleEngine
import Workflows

/// What the check form asks: a pack, a window and a class, as typed. Kept with the check so
/// its documents judge the journal exactly as the check did.
struct CheckRequest: Codable, Sendable {
    var pack: String
    var window: String   // all, period, month, week, range
    var period: String?
    var month: String?
    var week: String?
    var from: String?
    var to: String?
    var group: String?
    var asOf: String?

    static let labels = WindowRequest.Labels(range: "«с … по …»", from: "«с»", to: "«по»", period: "«учебный период»",
                                              week: "«неделя»", month: "«месяц»")

    init(form: FormFields) {
        pack = form.nonEmpty("pack") ?? ""
        window = form.nonEmpty("window") ?? "all"
        period = form.nonEmpty("period")
        month = form.nonEmpty("month")
        week = form.nonEmpty("week")
        from = form.nonEmpty("from")
        to = form.nonEmpty("to")
        group = form.nonEmpty("group")
        asOf = form.nonEmpty("asOf")
    }

    /// The window of the chosen kind only (the other fields of the form are ignored).
    func windowRequest() throws(WorkflowError) -> CheckWindow.Request {
        switch window {
        case "period":
            guard period != nil else { throw .message("выберите учебный период") }
            return try WindowRequest.parse(from: nil, to: nil, period: period, week: nil, month: nil, labels: Self.labels)
        case "month":
            guard month != nil else { throw .message("укажите месяц, например 10.2025") }
            return try WindowRequest.parse(from: nil, to: nil, period: nil, week: nil, month: month, labels: Self.labels)
        case "week":
            guard week != nil else { throw .message("укажите любую дату недели, например 08.10.2025") }
            return try WindowRequest.parse(from: nil, to: nil, period: nil, week: week, month: nil, labels: Self.labels)
        case "range":
            guard from != nil || to != nil else { throw .message("укажите начало или конец окна проверки") }
            return try WindowRequest.parse(from: from, to: to, period: nil, week: nil, month: nil, labels: Self.labels)
        default:
            return .all
        }
    }
}

/// The packs a check may use: the shipped ones and those saved or uploaded in the workspace.
enum PackList {
    static func all(workspace: Workspace) -> [(name: String, path: String, own: Bool)] {
        let shipped = PackPath.packs(roots: ResourceLocator.roots).map { ($0.name, $0.path, false) }
        let dir = workspace.path("rules")
        // The workspace's own packs: not the links to the shipped files (`Workspace.linkShippedRules`).
        let own = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { n in
            guard n.hasSuffix(".rules"), !n.hasPrefix(".") else { return false }
            let attrs = try? FileManager.default.attributesOfItem(atPath: (dir as NSString).appendingPathComponent(n))
            return attrs?[.type] as? FileAttributeType != .typeSymbolicLink
        }.sorted()
            .map { (($0 as NSString).deletingPathExtension, (dir as NSString).appendingPathComponent($0), true) }
        return own + shipped
    }

    static func path(_ name: String, workspace: Workspace) throws(WorkflowError) -> String {
        guard let p = all(workspace: workspace).first(where: { $0.name == name }) else {
            throw .message(name.isEmpty ? "выберите пакет правил" : "пакет правил «\(name)» не найден")
        }
        return p.path
    }
}
