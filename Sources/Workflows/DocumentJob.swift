import FileAccess
import Foundation
import JournalModel
import Findings
import RuleEngine
import Reports

/// What `memo`, `inspection` and the web page's documents share: finding the templates and
/// the requisites, loading the journal as of a moment, and checking it over a window.
public struct DocumentJob: Sendable {
    public var journal: Journal
    public var report: CheckReport
    public var templates: MemoTemplates
    public var settings: MemoSettings
    /// How memos name what each rule found (`templates/memo/формулировки.txt`).
    public var phrases: MemoPhrases

    /// The templates folder, its phrases and the requisites a document is written with.
    public struct Resources: Sendable {
        public var templates: MemoTemplates
        public var settings: MemoSettings
        public var phrases: MemoPhrases

        /// `settingsPath`: the requisites file (default: the templates' `реквизиты.txt`);
        /// `templatesDir`: the templates folder (default: found under the resource roots).
        public static func locate(settingsPath: String?, templatesDir: String?) throws(WorkflowError) -> Resources {
            do {
                let templates = try MemoTemplates.locate(explicit: templatesDir, roots: ResourceLocator.roots)
                let phrases = try MemoPhrases.load(directory: templates.directory)
                var settings = MemoSettings()
                if let path = settingsPath ?? templates.defaultSettingsPath {
                    let text: String
                    do { text = try InputFile.text(path) } catch {
                        throw WorkflowError.message("не удалось прочитать файл реквизитов \(error.message)")
                    }
                    settings = try MemoSettings.parse(text, file: path)
                }
                return Resources(templates: templates, settings: settings, phrases: phrases)
            } catch let e as MemoError {
                throw .diagnostics(e.diagnostics)
            } catch let e as WorkflowError {
                throw e
            } catch {
                throw .message("\(error)")
            }
        }
    }

    /// Loads the journal named by `paths` (a database, or export files and folders), judges it
    /// as of `asOf` and checks it with the pack `rules` (a name or a file) over `window`.
    public static func prepare(paths: [String], rules: String, window: CheckWindow.Request, asOf: String?, group: String?,
                               settingsPath: String?, templatesDir: String?, source: JournalSource.Options,
                               reporter: WorkflowReporter = .silent) throws(WorkflowError) -> DocumentJob {
        let packPath = try PackPath.resolve(rules)
        let resources = try Resources.locate(settingsPath: settingsPath, templatesDir: templatesDir)
        let judged = try JudgedJournal.load(paths: paths, asOf: asOf, window: window, group: group, source: source, reporter: reporter)
        reporter.note(judged.momentNote)
        return try check(judged, packPath: packPath, group: group, resources: resources)
    }

    /// The same over a journal already judged (the web page's workspace journal).
    public static func check(_ judged: JudgedJournal, packPath: String, group: String?,
                             resources: Resources) throws(WorkflowError) -> DocumentJob {
        do {
            let report = try Checker.check(packPath: packPath, journal: judged.journal, options: judged.options(group: group))
            return DocumentJob(journal: judged.journal, report: report, templates: resources.templates,
                               settings: resources.settings, phrases: resources.phrases)
        } catch let e as RulePackError {
            throw .diagnostics(e.diagnostics)
        } catch {
            throw .message("\(error)")
        }
    }

    /// Rules that could not be checked for want of data (or failed) are named: «no violations»
    /// must not read as «complied». Rules with nothing to judge in the window (no 1st grade, no
    /// month ending in the week) are not news and are left out (`UncheckedNote`). Nil when
    /// every rule was checked.
    public static func uncheckedNote(_ report: CheckReport) -> String? {
        let unchecked = report.outcomes.filter(UncheckedNote.concernsUser)
        guard !unchecked.isEmpty else { return nil }
        let lines = unchecked.prefix(5).map { o -> String in
            let clause = ClauseText.cited(o.clause)
            let why = o.missingData.map { $0.hasPrefix("нет ") ? $0 : "нет данных — \($0)" }.joined(separator: "; ")
            return "  – «\(o.title)» (\(clause))" + (why.isEmpty ? "" : ": \(why)")
        }
        let more = unchecked.count > 5
            ? ["  … и ещё \(unchecked.count - 5) (полный список — лист «Не проверено» отчёта `zhurnal check --out`)"] : []
        return (["примечание: правила, не проверенные за этот период (нарушения по ним в документ не попали):"]
                + lines + more).joined(separator: "\n")
    }
}
