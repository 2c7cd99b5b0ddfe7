import ArgumentParser
import Foundation
import Workflows

/// The entry point: Russian help and usage errors around swift-argument-parser, then the command.
///
/// Exit codes: 0 — done, no violations (and help, version); 1 — violations found (or rejected
/// rows); 2 — bad input or a usage error (unknown option, missing value, misspelt command …).
@main
enum Main {
    static func main() async {
        let args = Array(CommandLine.arguments.dropFirst())
        // The command tree (argument-parser's help as JSON, decoded) costs a third of the start's
        // CPU: built only when the arguments may ask for help, or to word a usage error.
        let tree = mayAskForHelp(args) ? commandTree() : nil
        if let tree, let help = helpRequest(args, tree) {
            print(RussianHelp.render(help), terminator: "")
            exit(0)
        }
        if args.first == "--version" {
            print("zhurnal \(Zhurnal.configuration.version)")
            exit(0)
        }
        let command: ParsableCommand
        do {
            command = try Zhurnal.parseAsRoot(args)
        } catch {
            exit(usageFailure(error, args: args, tree: tree ?? commandTree()))
        }
        do {
            if var c = command as? AsyncParsableCommand {
                try await c.run()
            } else {
                var c = command
                try c.run()
            }
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let e as WorkflowError {
            exit(UserFacingError.fail(e).rawValue)
        } catch {
            let message = Zhurnal.message(for: error)
            let code = Zhurnal.exitCode(for: error)
            if code.isSuccess {
                if !message.isEmpty { print(message) }
                exit(0)
            }
            if code == .validationFailure {
                exit(usageFailure(error, args: args, tree: tree ?? commandTree()))
            }
            printError("ошибка: " + (ForeignErrorText.russian(error) ?? (message.isEmpty ? "\(error)" : message)))
            exit(ExitCodes.badInput.rawValue)
        }
        exit(0)
    }

    /// The commands, options and help texts as argument-parser describes them.
    static func commandTree() -> CommandTree? { try? CommandTree(json: Zhurnal._dumpHelp()) }

    /// Whether `helpRequest` could find a help request in `args`: no arguments, `help`, `--help`
    /// or `-h` anywhere, or few enough words to be a command group without its subcommand
    /// (`zhurnal rules`; no path is deeper than two names). Otherwise it answers nil whatever the
    /// tree says, and the tree is not built.
    static func mayAskForHelp(_ args: [String]) -> Bool {
        args.count <= 3 || args.first == "help" || args.contains("--help") || args.contains("-h")
    }

    /// The command path whose help was asked for: `zhurnal`, `zhurnal help check`,
    /// `zhurnal check --help`, or a command group without its subcommand (`zhurnal rules`).
    static func helpRequest(_ args: [String], _ tree: CommandTree) -> [CommandTree.Command]? {
        if args.isEmpty { return [tree.root] }
        if args.first == "help" {
            return tree.path(for: Array(args.dropFirst())).commands
        }
        let (path, consumed) = tree.path(for: args)
        let rest = args[consumed...].prefix { $0 != "--" }
        if rest.contains("--help") || rest.contains("-h") { return path }
        if rest.isEmpty, let last = path.last, !(last.subcommands ?? []).filter({ $0.commandName != "help" }).isEmpty {
            return path
        }
        return nil
    }

    /// Prints a parse error in Russian with the way to the command's help; returns exit code 2
    /// (or 0 for the package's own clean exits).
    static func usageFailure(_ error: Error, args: [String], tree: CommandTree?) -> Int32 {
        let code = Zhurnal.exitCode(for: error)
        let message = Zhurnal.message(for: error)
        if code.isSuccess {
            if !message.isEmpty { print(message) }
            return 0
        }
        if message.isEmpty { return code == .validationFailure ? ExitCodes.badInput.rawValue : code.rawValue }
        let path = tree?.path(for: args).commands ?? []
        let name = path.isEmpty ? "zhurnal" : path.map(\.commandName).joined(separator: " ")
        printError("ошибка: " + UsageErrors.russian(message, path: path))
        printError("Справка: \(name) --help")
        return ExitCodes.badInput.rawValue
    }
}
