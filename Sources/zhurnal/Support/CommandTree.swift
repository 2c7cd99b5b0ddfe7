import Foundation

/// The command tree as swift-argument-parser describes it (`_dumpHelp()`, the ToolInfo JSON):
/// names, abstracts, arguments and subcommands — what the Russian help and the Russian usage
/// errors are rendered from, so the package's English texts are never shown.
struct CommandTree: Decodable {
    struct Name: Decodable {
        var kind: String
        var name: String
        /// `--week`, `-h`.
        var flag: String { kind == "short" ? "-\(name)" : kind == "longWithSingleDash" ? "-\(name)" : "--\(name)" }
    }

    struct Argument: Decodable {
        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var preferredName: Name?
        var valueName: String?
        var defaultValue: String?
        var abstract: String?
        var discussion: String?
        var isPositional: Bool { kind == "positional" }
        var isFlag: Bool { kind == "flag" }
    }

    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?

        func subcommand(_ name: String) -> Command? {
            subcommands?.first { $0.commandName == name && $0.commandName != "help" }
        }

        var visibleSubcommands: [Command] {
            (subcommands ?? []).filter { $0.commandName != "help" && $0.shouldDisplay != false }
        }

        /// Every option name the command accepts (`--week`, `-h`).
        var optionNames: [String] {
            (arguments ?? []).flatMap { ($0.names ?? []).map(\.flag) } + ["--help", "-h"]
        }
    }

    private struct ToolInfo: Decodable { var command: Command }

    let root: Command

    init(json: String) throws {
        root = try JSONDecoder().decode(ToolInfo.self, from: Data(json.utf8)).command
    }

    /// The commands named at the start of `args` (`rules explain …` → [root, rules, explain]) and
    /// how many arguments name them.
    func path(for args: [String]) -> (commands: [Command], consumed: Int) {
        var node = root, path = [root], i = 0
        while i < args.count, let next = node.subcommand(args[i]) {
            node = next
            path.append(next)
            i += 1
        }
        return (path, i)
    }
}
