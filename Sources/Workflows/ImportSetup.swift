import Foundation
import JournalImport
import JournalStore

/// Profiles and the file list of an import (shared by `import`, `JournalSource` and the web
/// page's import).
public struct ImportSetup {
    public let session: ImportSession
    let reporter: WorkflowReporter

    /// `profileArgument`: `--profile`; `profilesDirectory`: `--profiles` (see `ProfileSearch`).
    /// Throws `ImportFailure` for an unknown profile or a profile folder that is not there.
    public init(profileArgument: String?, profilesDirectory: String? = nil, reporter: WorkflowReporter = .silent) throws {
        self.reporter = reporter
        let found = try ProfileSearch.load(explicit: profilesDirectory)
        if found.profiles.isEmpty {
            // Without profiles only the canonical tables are recognised; say why a legacy export fails.
            reporter.note("предупреждение: профили импорта старых выгрузок не найдены (templates/import/profiles в текущей папке "
                       + "и рядом с программой) — распознаются только канонические таблицы; установите программу "
                       + "командой bash scripts/install.sh или укажите папку с шаблонами в ZHURNAL_SHARE")
        }
        let forced = try profileArgument.map { try ProfileSearch.forced($0, among: found.profiles) }
        var options = ImportOptions()
        options.profileDirectories = found.directories
        session = ImportSession(importer: FileImporter(profiles: found.profiles, forced: forced, options: options))
    }

    /// Files named directly (a workbook: its sheets), and the table files of folders (sorted,
    /// recursively); what is skipped is listed through the reporter with the reason.
    public func collectFiles(_ paths: [String]) throws -> [ImportSession.File] {
        try ImportInputs.collect(paths, importer: session.importer) { reporter.note($0) }
    }
}
