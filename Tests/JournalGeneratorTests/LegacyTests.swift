import Foundation
import Testing
@testable import JournalGenerator

/// `--legacy`: the legacy shapes of `shared/samples/legacy/`, consistent with the canonical tables.
@Suite struct LegacyTests {
    static let samples = #filePath.components(separatedBy: "/Tests/")[0] + "/../shared/samples/legacy/"

    func firstLine(_ path: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return String(text.split(separator: "\n", maxSplits: 1)[0])
    }

    @Test func legacyFilesMatchTheSampleShapesAndTheCanonicalTables() throws {
        let folder = try Fixtures.miniCollege(seed: 4, rate: 0.01, name: "legacy")
        let samples = LegacyTests.samples
        if FileManager.default.fileExists(atPath: samples) {
            #expect(try firstLine(folder + "/legacy/marks_log.csv") == firstLine(samples + "marks_log_7b_algebra.csv"))
            #expect(try firstLine(folder + "/legacy/lessons_log.csv") == firstLine(samples + "lessons_log_7b_algebra.csv"))
        }
        // One marks-log row per journal cell, with the same values.
        let marks = try CSVTable(folder + "/отметки.csv").rows
        let log = try CSVTable(folder + "/legacy/marks_log.csv").rows
        #expect(log.count == marks.count)
        #expect(log.map { $0[5] } == marks.map { $0[5] })
        // Lessons: subgroup 2 duplicates are left out of the legacy lesson log.
        let lessons = try CSVTable(folder + "/занятия.csv").rows.filter { $0[1] != "2" }.count
        let lessonLog = try String(contentsOfFile: folder + "/legacy/lessons_log.csv", encoding: .utf8)
            .split(separator: "\n").count - 1
        #expect(lessonLog == lessons)
        // Topics: a BOM, the header block, then «Дата;Тема урока;…».
        let topics = try Data(contentsOf: URL(fileURLWithPath: folder + "/legacy/topics_0001.csv"))
        #expect(topics.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: topics.dropFirst(3), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("Класс: ИС-11 (ИС-11) 2025/2026 учебный год"))
        #expect(lines[1] == "Предмет: Русский язык")
        #expect(lines[3].isEmpty)
        #expect(lines[4] == "Дата;Тема урока;Домашнее задание к следующему уроку")
    }
}
