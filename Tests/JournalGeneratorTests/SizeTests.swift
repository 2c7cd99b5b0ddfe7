import Testing
@testable import JournalGenerator

@Suite struct SizeTests {
    @Test func smallIsOneSchoolOfThirtyClasses() throws {
        let (folder, summary) = Fixtures.smallInjected
        #expect(summary.folders == [folder])
        #expect(summary.groups == 30)
        #expect((760...880).contains(summary.students))
        let lessons = try CSVTable(folder + "/занятия.csv").rows.count
        #expect(lessons == summary.lessons)
        // 30 classes × ~29 lessons a week × ~31 study weeks.
        #expect((23_000...30_000).contains(lessons))
        let cells = try CSVTable(folder + "/отметки.csv").rows.count
        #expect(cells == summary.cells)
        #expect((200_000...350_000).contains(cells))
        let institution = try CSVTable(folder + "/учреждение.csv").rows
        #expect(institution.first { $0[0] == "Тип" }?[1] == "школа")
        #expect(institution.first { $0[0] == "Часовой пояс" }?[1] == "Europe/Moscow")
    }

    @Test func headersAreTheCanonicalTemplates() throws {
        let (folder, _) = Fixtures.smallClean
        let templates = #filePath.components(separatedBy: "/Tests/")[0] + "/templates/import/"
        for f in CanonicalTables.fileNames {
            let ours = try CSVTable(folder + "/" + f).header
            let canonical = try CSVTable(templates + f).header
            #expect(ours == canonical, "\(f): \(ours) ≠ \(canonical)")
        }
    }

    @Test func collegeHasSubgroupsSemestersAndSixDayWeek() throws {
        let folder = try Fixtures.miniCollege(seed: 3, rate: 0.01, name: "college-shape")
        let periods = try CSVTable(folder + "/периоды.csv").rows.map { $0[1] }
        #expect(periods == ["семестр", "семестр", "год"])
        let students = try CSVTable(folder + "/обучающиеся.csv").rows
        #expect(Set(students.map { $0[3] }) == ["1", "2"])
        let lessons = try CSVTable(folder + "/занятия.csv")
        let saturdays = lessons.rows.filter { date($0[3])?.weekday == 6 }.count
        #expect(saturdays > 0)
        #expect(lessons.rows.contains { $0[1] == "2" && $0[11] == "практическое занятие" && $0[10].hasPrefix("ПЗ № ") })
    }
}
