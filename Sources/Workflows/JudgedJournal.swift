import Foundation
import JournalModel
import RuleEngine

/// What `check`, `memo`, `inspection` and the web page judge: the whole journal as of one
/// moment, and the window whose due records they report. Bad windows, moments and groups throw
/// `WorkflowError` in Russian (the CLI exits 2).
public struct JudgedJournal: Sendable {
    /// The journal as of `asOf` (entries after it invisible).
    public var journal: Journal
    public var asOf: LocalDateTime
    /// True when `asOf` is the default (the latest entry in the data).
    public var asOfIsDefault: Bool
    public var window: CheckWindow

    public static func load(paths: [String], asOf asOfText: String?, window request: CheckWindow.Request,
                            group: String?, source: JournalSource.Options = .init(),
                            reporter: WorkflowReporter = .silent) throws(WorkflowError) -> JudgedJournal {
        let whole: Journal
        do {
            whole = try JournalSource.load(paths: paths, options: source, reporter: reporter)
        } catch {
            throw .diagnostics(error.diagnostics)
        }
        return try judge(whole, asOf: asOfText, window: request, group: group)
    }

    /// The same for a journal already in memory (the web page keeps the workspace's journal).
    public static func judge(_ whole: Journal, asOf asOfText: String?, window request: CheckWindow.Request,
                             group: String?) throws(WorkflowError) -> JudgedJournal {
        let latest = whole.latestEntry
        var asOf = latest ?? AsOfDefault.moment(whole)
        if let text = asOfText {
            guard let t = CheckWindow.moment(parsing: text) else {
                throw .message("--as-of: непонятный момент «\(text)» — пишите 20.10.2025 18:00 или 20.10.2025")
            }
            if let first = whole.lessonDates?.lowerBound, t <= first.startOfDay {
                throw .message("--as-of \(t.momentText) — раньше первого урока журнала (\(first)): на этот момент в журнале ничего нет")
            }
            asOf = t
        }
        if let g = group, !whole.groups.contains(where: { $0.name == g }) {
            let names = whole.groups.map(\.name)
            let hint = Suggestions.closest(to: g, among: names).map { " — возможно, «\($0)»?" }
                ?? " (группы: \(names.joined(separator: ", ")))"
            throw .message("в журнале нет группы «\(g)»\(hint)")
        }
        let window: CheckWindow
        do {
            window = try CheckWindow.resolve(request, journal: whole, asOf: asOf)
        } catch let e as WindowError {
            throw .message(e.message)
        } catch {
            throw .message("\(error)")
        }
        // At or after the latest entry nothing is hidden: the whole journal is the view.
        let view = latest.map { asOf.seconds >= $0.seconds } ?? true ? whole : whole.asOf(asOf)
        return JudgedJournal(journal: view, asOf: asOf, asOfIsDefault: asOfText == nil, window: window)
    }

    /// «Проверка на момент …» for standard error: which moment, and why that one.
    public var momentNote: String {
        "журнал проверен на момент \(asOf.momentText)" + (asOfIsDefault ? " (последняя запись в данных; другой момент — --as-of)" : "")
    }

    public func options(group: String?, parameters: [String: String] = [:]) -> CheckOptions {
        var options = CheckOptions(from: window.from, to: window.to, group: group, asOf: asOf, parameters: parameters)
        options.journalIsAsOf = true
        return options
    }
}
