import Foundation
@testable import JournalGenerator

/// Journals generated once per test run and shared by the suites.
enum Fixtures {
    /// One folder per test process (two test runs at once must not share files); folders of
    /// processes that have ended are removed, so runs do not pile up generated journals
    /// (~0.5 GB) in the temporary directory.
    private static let base: String = {
        let root = FileManager.default.temporaryDirectory.path + "/zhurnal-gen-tests"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
            if let pid = Int32(name), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(atPath: root + "/" + name)
        }
        return root + "/\(getpid())"
    }()

    static func folder(_ name: String) -> String { base + "/" + name }

    /// The real `small` size, with violations injected at 2 %.
    static let smallInjected: (folder: String, summary: GenerationSummary) = {
        let f = folder("small-injected")
        let s = try! SyntheticJournal.generate(GeneratorOptions(size: .small, seed: 7, outputFolder: f, injectRate: 0.02))
        return (f, s)
    }()

    /// The real `small` size without violations.
    static let smallClean: (folder: String, summary: GenerationSummary) = {
        let f = folder("small-clean")
        let s = try! SyntheticJournal.generate(GeneratorOptions(size: .small, seed: 11, outputFolder: f, injectRate: 0))
        return (f, s)
    }()

    /// A small college (one group per course and specialty: 24 groups, subgroups) with violations.
    static func miniCollege(seed: UInt64, rate: Double, name: String) throws -> String {
        let f = folder(name)
        try FileManager.default.createDirectory(atPath: f, withIntermediateDirectories: true)
        var planner = InstitutionPlanner(rng: .derived(from: seed, 0))
        let plan = planner.college(groupsPerCourse: 1, studentsPerGroup: 20, timeZone: "Asia/Yekaterinburg")
        var summary = GenerationSummary()
        try SyntheticJournal.write(plan, index: 0, folder: f,
                                   options: GeneratorOptions(size: .college, seed: seed, outputFolder: f, injectRate: rate, legacy: true),
                                   summary: &summary)
        return f
    }
}
