import Foundation
import Testing

/// The fuzz suite: for each target, replays the saved regressions (`Regressions/<target>/`),
/// then runs seeded mutations of the target's corpus for `ZHURNAL_FUZZ_SECONDS` (2 in the
/// ordinary test run, so CI gives every target a short fixed budget; `scripts/fuzz.sh TARGET
/// SECONDS` runs one target longer). A trap or crash kills the test process: the input being
/// run is always in `.build/fuzz/<target>/current`, which `scripts/fuzz.sh` keeps as a new
/// regression. An input taking longer than `ZHURNAL_FUZZ_HANG` seconds (default 10) is a hang:
/// saved the same way and reported as a failure.
@Suite struct FuzzTests {
    static let env = ProcessInfo.processInfo.environment

    static var selected: [FuzzTarget] {
        guard let only = env["ZHURNAL_FUZZ_TARGET"], !only.isEmpty else { return FuzzTarget.allCases }
        return FuzzTarget.allCases.filter { $0.rawValue == only }
    }

    @Test(arguments: FuzzTests.selected)
    func noInputCrashesOrHangs(_ target: FuzzTarget) throws {
        let seconds = Double(Self.env["ZHURNAL_FUZZ_SECONDS"] ?? "") ?? 2
        let hang = Double(Self.env["ZHURNAL_FUZZ_HANG"] ?? "") ?? 10
        let seed = UInt64(Self.env["ZHURNAL_FUZZ_SEED"] ?? "") ?? UInt64(target.rawValue.utf8.reduce(5381) { ($0 &* 33) &+ UInt64($1) })
        let work = FuzzTarget.root.appendingPathComponent(".build/fuzz/\(target.rawValue)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let current = work.appendingPathComponent("current")
        let scratch = work.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)

        let corpus = target.corpus
        #expect(!corpus.isEmpty, "no corpus for \(target)")
        var hangs: [String] = []
        func run(_ input: [UInt8]) {
            try? Data(input).write(to: current)
            let start = Date()
            target.exercise(input, scratch: scratch)
            let took = Date().timeIntervalSince(start)
            if took > hang {
                let name = "hang-\(String(UInt64(bitPattern: Int64(input.hashValue)), radix: 16))"
                try? Data(input).write(to: work.appendingPathComponent(name))
                hangs.append("\(name) (\(String(format: "%.1f", took)) s)")
            }
        }
        // Saved regressions first: crashes found earlier stay fixed.
        let saved = FuzzTarget.root.appendingPathComponent("Tests/FuzzTests/Regressions/\(target.rawValue)")
        let regressions = ((try? FileManager.default.contentsOfDirectory(atPath: saved.path)) ?? []).sorted()
        for name in regressions { if let d = try? Data(contentsOf: saved.appendingPathComponent(name)) { run(Array(d)) } }
        for input in corpus { run(input) }

        var mutator = Mutator(corpus: corpus, tokens: target.tokens, seed: seed)
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0
        while Date() < deadline {
            run(mutator.next())
            runs += 1
        }
        let line = "fuzz \(target.rawValue): \(runs) runs in \(Int(seconds)) s (seed \(seed)), \(regressions.count) regressions and \(corpus.count) corpus files replayed, \(hangs.count) hangs\n"
        FileHandle.standardError.write(Data(line.utf8))
        try? Data(line.utf8).write(to: work.appendingPathComponent("last-run.txt"))
        try? FileManager.default.removeItem(at: current)
        #expect(hangs.isEmpty, "inputs over \(hang) s: \(hangs) in \(work.path)")
        #expect(runs > 0)
    }
}
