import ArgumentParser
import Foundation
import JournalModel
import RuleEngine

/// What `check`, `memo` and `inspection` judge: the whole journal as of one moment, and the
/// window whose due records they report. Bad windows, moments and groups exit 2 in Russian.
struct JudgedJournal {
    /// The journal as of `asOf` (entries after it invisible).
    var journal: Journal
    var asOf: LocalDateTime
    /// True when `asOf` is the default (the latest entry in the data).
    var asOfIsDefault: Bool
    var window: CheckWindow

    static func load(paths: [String], asOf asOfText: String?, window request: CheckWindow.Request,
                     group: String?, source: JournalSource.Options = .init()) throws -> JudgedJournal {
        let whole: Journal
        do {
            whole = try JournalSource.load(paths: paths, options: source)
        } catch let e as JournalSourceError {
            throw UserFacingError.fail(e.diagnostics)
        }
        let latest = whole.latestEntry
        var asOf = latest ?? AsOfDefault.moment(whole)
        if let text = asOfText {
            guard let t = CheckWindow.moment(parsing: text) else {
                throw UserFacingError.fail("--as-of: непонятный момент «\(text)» — пишите 20.10.2025 18:00 или 20.10.2025")
            }
            if let first = whole.lessonDates?.lowerBound, t <= first.startOfDay {
                throw UserFacingError.fail("--as-of \(t.momentText) — раньше первого урока журнала (\(first)): на этот момент в журнале ничего нет")
            }
            asOf = t
        }
        if let g = group, !whole.groups.contains(where: { $0.name == g }) {
            let names = whole.groups.map(\.name)
            let hint = Suggestions.closest(to: g, among: names).map { " — возможно, «\($0)»?" }
                ?? " (группы: \(names.joined(separator: ", ")))"
            throw UserFacingError.fail("в журнале нет группы «\(g)»\(hint)")
        }
        let window: CheckWindow
        do {
            window = try CheckWindow.resolve(request, journal: whole, asOf: asOf)
        } catch let e as WindowError {
            throw UserFacingError.fail(e.message)
        }
        // At or after the latest entry nothing is hidden: the whole journal is the view.
        let view = latest.map { asOf.seconds >= $0.seconds } ?? true ? whole : whole.asOf(asOf)
        return JudgedJournal(journal: view, asOf: asOf, asOfIsDefault: asOfText == nil, window: window)
    }

    /// «Проверка на момент …» for standard error: which moment, and why that one.
    var momentNote: String {
        "журнал проверен на момент \(asOf.momentText)" + (asOfIsDefault ? " (последняя запись в данных; другой момент — --as-of)" : "")
    }

    func options(group: String?, parameters: [String: String] = [:]) -> CheckOptions {
        CheckOptions(from: window.from, to: window.to, group: group, asOf: asOf, parameters: parameters)
    }
}

/// `--as-of`, shared by the commands that judge a journal.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"),
            help: "Момент, на который проверяется журнал (ДД.ММ.ГГГГ ЧЧ:ММ или дата); по умолчанию — последняя запись в данных. Записи после него не видны.")
    var asOf: String?
}
