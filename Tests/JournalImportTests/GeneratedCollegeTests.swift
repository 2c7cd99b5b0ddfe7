import Foundation
import JournalImport
import Testing
@testable import JournalGenerator
@testable import JournalStore

/// A small generated college (groups split into subgroups for some subjects): after the import
/// the journal has exactly the lessons of `занятия.csv`, and as many lessons without a topic as
/// the generator injected — with the marks' «Подгруппа» column and without it.
@Suite struct GeneratedCollegeTests {
    static func generate(_ t: TempDir) throws -> String {
        let folder = t.path("college")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var planner = InstitutionPlanner(rng: .derived(from: 5, 0))
        let plan = planner.college(groupsPerCourse: 1, studentsPerGroup: 12, timeZone: "Asia/Yekaterinburg")
        var summary = GenerationSummary()
        try SyntheticJournal.write(plan, index: 0, folder: folder,
                                   options: GeneratorOptions(size: .college, seed: 5, outputFolder: folder, injectRate: 0.05),
                                   summary: &summary)
        return folder
    }

    static func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    }

    /// Drops the last column («Подгруппа») of a canonical table, as an export without it.
    static func dropLastColumn(_ path: String) throws {
        let text = try lines(path).map { $0[..<($0.lastIndex(of: ";") ?? $0.endIndex)] }.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func count(_ db: String, _ sql: String) throws -> Int64 {
        let s = try JournalStore(path: db).db.prepare(sql)
        _ = try s.step()
        return s.int(0)
    }

    @Test(arguments: [true, false])
    func lessonsAndLessonsWithoutTopicMatchTheGroundTruth(subgroupColumn: Bool) throws {
        let t = TempDir()
        let folder = try Self.generate(t)
        if !subgroupColumn {
            try Self.dropLastColumn(folder + "/отметки.csv")
            try Self.dropLastColumn(folder + "/изменения.csv")
        }
        let lessons = try Self.lines(folder + "/занятия.csv").count - 1
        let splitLessons = try Self.lines(folder + "/занятия.csv").dropFirst().filter { $0.split(separator: ";", omittingEmptySubsequences: false)[1] != "" }
        #expect(splitLessons.count > 100, "the fixture must have subgroup lessons")
        let noTopic = try Self.lines(folder + "/ground_truth.csv").filter { $0.hasPrefix("lesson_no_topic;") }.count
        #expect(noTopic > 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") && $0 != "ground_truth.csv" }
            .sorted().map { folder + "/" + $0 }
        let db = t.path("j.sqlite")
        let session = ImportSession(importer: FileImporter(profiles: try Repo.profiles()))
        let summary = try session.run(files.map { .init(path: $0, displayName: $0) }, into: try JournalStore(path: db))
        #expect(summary.files.flatMap(\.rejections).filter { $0.reason.contains("занят") }.map(\.reason) == [])
        #expect(try count(db, "SELECT count(*) FROM lesson") == Int64(lessons))
        #expect(try count(db, "SELECT count(*) FROM lesson WHERE coalesce(trim(topic), '') = ''") == Int64(noTopic))
        let marks = try Self.lines(folder + "/отметки.csv").count - 1
        #expect(try count(db, "SELECT count(*) FROM cell") == Int64(marks))
    }
}
