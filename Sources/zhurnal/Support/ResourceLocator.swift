import Foundation
import JournalModel

/// Where the program finds what it ships besides the binary — rule packs (`rules/`), document
/// templates (`templates/memo/`) and import profiles (`templates/import/profiles/`) — wherever
/// it is installed and run from. Each root is a folder holding `rules/` and `templates/`; they
/// are tried in order:
///
/// 1. `$ZHURNAL_SHARE`, if set;
/// 2. the current folder (a checkout, or a folder with the institution's own packs);
/// 3. `<bin>/../share/zhurnal` — the layout `scripts/install.sh` makes (`/usr/local/bin/zhurnal`
///    and `/usr/local/share/zhurnal/`);
/// 4. `<bin>/share/zhurnal` and `<bin>` itself — a folder copied whole;
/// 5. the checkout the binary was built in (`.build/<config>/zhurnal` → three or two levels up).
///
/// `<bin>` is the folder of the running executable (`/proc/self/exe`, symlinks resolved), so a
/// program started through PATH or a symlink still finds its files.
enum ResourceLocator {
    static var roots: [String] { roots(environment: ProcessInfo.processInfo.environment,
                                       currentDirectory: FileManager.default.currentDirectoryPath,
                                       executable: executablePath) }

    static func roots(environment: [String: String], currentDirectory: String, executable: String?) -> [String] {
        var out: [String] = []
        func add(_ p: String) {
            let std = URL(fileURLWithPath: p).standardizedFileURL.path
            if !out.contains(std) { out.append(std) }
        }
        if let share = environment["ZHURNAL_SHARE"], !share.isEmpty { add(share) }
        add(currentDirectory)
        if let exe = executable {
            let bin = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
            add(bin.appendingPathComponent("../share/zhurnal").path)
            add(bin.appendingPathComponent("share/zhurnal").path)
            add(bin.path)
            add(bin.appendingPathComponent("../../..").path)
            add(bin.appendingPathComponent("../..").path)
        }
        return out
    }

    /// The running program's path: `/proc/self/exe` on Linux, else argv[0] (looked up in PATH
    /// when it has no slash).
    static var executablePath: String? {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        guard let arg = CommandLine.arguments.first, !arg.isEmpty else { return nil }
        if arg.contains("/") { return URL(fileURLWithPath: arg).path }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let p = "\(dir)/\(arg)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// The first `relative` path (a folder or file) that exists under a root.
    static func find(_ relative: String, roots: [String] = ResourceLocator.roots) -> String? {
        for r in roots {
            let p = (r as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        return nil
    }
}

/// `--rules`: a pack file, or a pack's name (`oosh14` → `rules/oosh14.rules` under a resource
/// root). An unknown pack is an error that lists the packs there are.
enum PackPath {
    static func resolve(_ argument: String, roots: [String] = ResourceLocator.roots) throws -> String {
        if FileManager.default.fileExists(atPath: argument) { return argument }
        let name = argument.hasSuffix(".rules") ? argument : argument + ".rules"
        var candidates = [name]
        if !name.contains("/") { candidates.append("rules/" + name) }
        for c in candidates {
            if let found = ResourceLocator.find(c, roots: roots) { return found }
        }
        let available = packs(roots: roots)
        let bare = ((argument as NSString).lastPathComponent as NSString).deletingPathExtension
        var message = "пакет правил «\(argument)» не найден"
        if let near = Suggestions.closest(to: bare, among: available.map(\.name)) {
            message += " — возможно, «\(near)»?"
        }
        if !available.isEmpty {
            message += "\nдоступные пакеты: " + available.map(\.name).joined(separator: ", ")
                + " (\(available.first.map { ($0.path as NSString).deletingLastPathComponent } ?? "rules")); "
                + "укажите имя пакета (--rules oosh14) или путь к файлу .rules"
        } else {
            message += "\nпапка rules с пакетами не найдена ни в текущей папке, ни рядом с программой"
        }
        throw UserFacingError.fail(message)
    }

    /// The packs under `rules/` of the first root that has any, by name.
    static func packs(roots: [String]) -> [(name: String, path: String)] {
        for r in roots {
            let dir = (r as NSString).appendingPathComponent("rules")
            // Regulation packs only: a file of shared templates (`rules/base.rules`) has no rule of its own.
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { n in
                guard n.hasSuffix(".rules"),
                      let text = try? String(contentsOfFile: (dir as NSString).appendingPathComponent(n), encoding: .utf8) else { return false }
                return text.split(separator: "\n").contains { $0.hasPrefix("rule ") }
            }.sorted()
            if !names.isEmpty {
                return names.map { ((($0 as NSString).deletingPathExtension), (dir as NSString).appendingPathComponent($0)) }
            }
        }
        return []
    }
}
