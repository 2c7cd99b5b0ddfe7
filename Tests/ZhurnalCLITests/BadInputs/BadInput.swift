import Foundation

/// One bad input a user can give `zhurnal`, what the program must answer, and how to make it.
/// The cases are the regression tests of issue 15 (hardening) and the source of the catalogue
/// `docs/bad-inputs.md` (`BadInputCatalogueTests`), so the catalogue cannot drift from the code.
struct BadInput: Sendable, CustomStringConvertible {
    /// Stable slug (the catalogue's anchor).
    var id: String
    /// Catalogue section: Rules, Templates, Profiles, Import, Database, Outputs, Command line.
    var area: String
    /// What the input is, in English, for the catalogue.
    var what: String
    /// Files made in a fresh folder before the run (relative path → bytes).
    var files: [String: Data] = [:]
    /// Extra preparation in the folder (a FIFO, a symlink, a database imported first).
    var setup: (@Sendable (URL) throws -> Void)?
    /// Arguments of `zhurnal`, run in that folder.
    var args: [String]
    var exit: Int32
    /// Substrings of standard error and output (joined) the user must see: the message, its
    /// `file:line:col`, the caret line. Written by hand from the input, not copied from a run.
    var expect: [String]
    /// Substrings that must not appear (a student's name, a raw ESC).
    var forbid: [String] = []
    /// Most bytes of output allowed (a hostile file must not print megabytes).
    var maxOutput = 16_384

    var description: String { id }
}

extension BadInput {
    static func text(_ s: String) -> Data { Data(s.utf8) }
}

/// Runs the built binary with a time limit, telling an exit from a crash by signal.
enum GuardedRun {
    struct Result {
        var status: Int32
        var crashed: Bool
        var timedOut: Bool
        var output: String
        var bytes: Int
    }

    static func run(_ args: [String], in folder: URL, seconds: Double = 60) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        p.arguments = args
        p.currentDirectoryURL = folder
        // No terminal: no progress bar; a fixed locale for messages.
        p.environment = ProcessInfo.processInfo.environment.merging(["ZHURNAL_PROFILES": ""]) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Both pipes drained at once, so a large output cannot block the child.
        nonisolated(unsafe) var o = Data(), e = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { o = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { e = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        var timedOut = false
        if group.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            p.terminate()
            group.wait()
        }
        p.waitUntilExit()
        let crashed = p.terminationReason == .uncaughtSignal && !timedOut
        let text = String(decoding: e, as: UTF8.self) + String(decoding: o, as: UTF8.self)
        return Result(status: p.terminationStatus, crashed: crashed, timedOut: timedOut, output: text, bytes: o.count + e.count)
    }
}

extension BadInput {
    /// Makes the case's folder, runs it, returns the result and the folder (removed by the caller).
    func perform() throws -> (GuardedRun.Result, URL) {
        let dir = try CLIRunner.tempDir()
        for (path, data) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try setup?(dir)
        return (try GuardedRun.run(args, in: dir), dir)
    }

    /// The lines a catalogue shows: the first `ошибка:`/`предупреждение:`/`пропущено:` line and
    /// what follows it up to 3 lines, with the temporary folder's path removed.
    static func excerpt(_ output: String, folder: URL, expected: String? = nil) -> String {
        let cleaned = output.replacingOccurrences(of: folder.path + "/", with: "")
            .replacingOccurrences(of: CLIRunner.root.path + "/", with: "")
        let lines = cleaned.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let wanted = expected.map { $0.replacingOccurrences(of: folder.path + "/", with: "") }
        let first = lines.firstIndex { $0.contains("ошибка:") || $0.hasPrefix("пропущено:") || $0.contains("предупреждение:") }
            ?? wanted.flatMap { w in lines.firstIndex { $0.contains(w) } } ?? 0
        return lines[first...].prefix(4).map { $0.count > 160 ? String($0.prefix(159)) + "…" : $0 }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
