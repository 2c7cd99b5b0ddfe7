import ArgumentParser
import Foundation
import JournalImport
import JournalModel

/// `--profile` and `--profiles` of `import`, `check`, `memo` and `inspection`.
struct ProfileOptions: ParsableArguments {
    @Option(help: "Профиль импорта для всех файлов: название, имя файла профиля без .profile, имя таблицы или путь к файлу .profile.")
    var profile: String?

    @Option(name: .customLong("profiles"),
            help: "Папка со своими профилями импорта: они ищутся раньше поставляемых (как и папки из ZHURNAL_PROFILES).")
    var profilesDirectory: String?
}

/// Where import profiles are found: the `--profiles` folder, then the folders of
/// `ZHURNAL_PROFILES` (separated by «:»), then the shipped ones (`templates/import/profiles`
/// of the current folder, else beside the program). A profile of an earlier folder hides a
/// shipped one with the same file name or the same `название`; earlier profiles are tried first.
enum ProfileSearch {
    struct Found {
        var profiles: [Profile]
        /// The folders searched, in order (for messages).
        var directories: [String]
    }

    static func userDirectories(explicit: String?) throws -> [String] {
        var dirs: [String] = []
        if let explicit { dirs.append(explicit) }
        if let env = ProcessInfo.processInfo.environment["ZHURNAL_PROFILES"] {
            dirs += env.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        for d in dirs {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: d, isDirectory: &isDir), isDir.boolValue else {
                let from = d == explicit ? "--profiles" : "ZHURNAL_PROFILES"
                throw ImportFailure(Diagnostic(id: "import.profiles-dir", location: nil, message: "папка профилей «\(d)» (\(from)) не найдена"))
            }
        }
        return dirs
    }

    /// The first shipped profile folder that exists: `templates/import/profiles` under each
    /// resource root (`ResourceLocator`: `$ZHURNAL_SHARE`, the current folder, the share folder
    /// beside an installed program, the checkout it was built in).
    static func shippedDirectory() -> String? {
        let found = ResourceLocator.roots.map { ($0 as NSString).appendingPathComponent("templates/import/profiles") }.first { p in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: p, isDirectory: &isDir) && isDir.boolValue
        }
        // Shown in hints: relative to the current folder when it is there.
        let here = FileManager.default.currentDirectoryPath + "/"
        if let f = found, f.hasPrefix(here) { return String(f.dropFirst(here.count)) }
        return found
    }

    static func load(explicit: String?) throws -> Found {
        let user = try userDirectories(explicit: explicit)
        let shipped = shippedDirectory()
        var profiles: [Profile] = []
        var fileNames = Set<String>(), names = Set<String>()
        for dir in user + (shipped.map { [$0] } ?? []) {
            let isShipped = dir == shipped && !user.contains(dir)
            for n in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() where n.hasSuffix(".profile") {
                let p = try ProfileParser.load(path: (dir as NSString).appendingPathComponent(n))
                if isShipped, fileNames.contains(n) || names.contains(p.name) { continue }
                fileNames.insert(n)
                names.insert(p.name)
                profiles.append(p)
            }
        }
        return Found(profiles: profiles, directories: user + (shipped.map { [$0] } ?? []))
    }

    /// The profile `--profile` names: a file, a canonical table, a profile's `название` or
    /// file name.
    static func forced(_ arg: String, among profiles: [Profile]) throws -> Profile {
        if FileManager.default.fileExists(atPath: arg) { return try ProfileParser.load(path: arg) }
        if let t = CanonicalTable(rawValue: arg.lowercased()) { return Profile.canonical(t) }
        if let p = profiles.first(where: { $0.name == arg || Self.fileName($0) == arg }) { return p }
        let names = profiles.map(Self.fileName) + CanonicalTable.allCases.map(\.rawValue)
        throw ImportFailure(Diagnostic(id: "import.unknown-profile", location: nil, message: "профиль «\(arg)» не найден",
            hint: Suggestions.closest(to: arg, among: names).map { "возможно, «\($0)»?" } ?? "профили: " + names.joined(separator: ", ")))
    }

    static func fileName(_ p: Profile) -> String {
        ((p.source as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
