import ArgumentParser
import Foundation
import JournalModel
import Findings
import RuleEngine
import Reports
import Workflows

/// The CLI side of `DocumentJob` (`memo`, `inspection`): errors to exit code 2, notes on
/// standard error, documents written to the files `--out` names.
extension DocumentJob {
    static func prepare(paths: [String], rules: String, window: CheckWindow.Request, asOf: String?, group: String?,
                        settingsPath: String?, templatesDir: String?, profiles: ProfileOptions) throws -> DocumentJob {
        do {
            return try prepare(paths: paths, rules: rules, window: window, asOf: asOf, group: group,
                               settingsPath: settingsPath, templatesDir: templatesDir,
                               source: .init(profile: profiles.profile, profilesDirectory: profiles.profilesDirectory, endsWithProcess: true),
                               reporter: .terminal)
        } catch {
            throw UserFacingError.fail(error)
        }
    }

    /// Prints `uncheckedNote` on standard error.
    static func noteUnchecked(_ report: CheckReport) {
        if let note = uncheckedNote(report) { printError(note) }
    }

    /// Markdown to standard output without targets; else each file in the format its extension
    /// names, every format rendered once and all files written together (none if one fails).
    static func emit(targets: [String], markdown: () throws -> String,
                     docx: () throws -> DocxPackage) throws {
        do {
            guard !targets.isEmpty else {
                print(try markdown(), terminator: "")
                return
            }
            var unique: [String] = []
            for t in targets where !unique.contains(t) { unique.append(t) }
            for t in unique where OutputPath.format(of: t) == nil {
                throw UserFacingError.fail("непонятный формат «\(t)»: укажите файл .docx или .md")
            }
            var text: String?, package: DocxPackage?
            var outputs: [DocumentFiles.Output] = []
            for t in unique {
                switch OutputPath.format(of: t) {
                case .docx:
                    if package == nil { package = try docx() }
                    if let package { outputs.append(.init(path: t, contents: .docx(package))) }
                case .markdown:
                    if text == nil { text = try markdown() }
                    if let text { outputs.append(.init(path: t, contents: .text(text))) }
                case nil:
                    continue
                }
            }
            for t in unique {
                let folder = (t as NSString).deletingLastPathComponent
                if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            }
            try DocumentFiles.write(outputs)
            for t in unique { printError("записано: \(t)") }
        } catch let e as MemoError {
            throw UserFacingError.fail(e.diagnostics)
        }
    }
}
