import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// Period marks whose period is not in the calendar are listed after an import
/// (`ImportBatch.unlinkedPeriods`). The staging table is read for that only when some staged row
/// names such a period (`StagedRows.periodNames`); these files put those rows in the first of
/// two period-mark files, with a repeated row among them, so that a list of names kept per file,
/// or counted before the repeats are rejected, would show.
@Suite struct UnlinkedPeriodsTests {
    static let calendar = """
        Период;Вид;Начало;Окончание
        1 четверть;четверть;01.09.2025;24.10.2025
        2 четверть;четверть;05.11.2025;26.12.2025

        """
    /// Line 2 names «Годовая» (the calendar has no year); lines 3–5 «Зимняя сессия», and line 5
    /// repeats line 3 (the same student, subject and period): it is rejected, so 2 marks remain,
    /// the first at line 3. Line 6 is the calendar's.
    static let first = """
        Группа;Предмет;Обучающийся;Период;Значение
        7б;История;Ершова Алла;Годовая;4
        7б;История;Жуков Иван;Зимняя сессия;3
        7б;История;Ершова Алла;Зимняя сессия;5
        7б;История;Жуков Иван;Зимняя сессия;3
        7б;История;Жуков Иван;1 четверть;5

        """
    /// Only the calendar's periods.
    static let second = """
        Группа;Предмет;Обучающийся;Период;Значение
        7б;История;Ершова Алла;1 четверть;5
        7б;История;Ершова Алла;2 четверть;4

        """

    private func listed(_ s: ImportSession.Summary) -> [String] {
        (s.outcome?.unlinkedPeriods ?? []).map { "\($0.name) \($0.count) \(($0.file as NSString).lastPathComponent):\($0.line)" }
    }

    /// Into a database file and into memory: both periods, counted after the repeat is rejected.
    @Test func periodsMissingFromTheCalendarAreListedWithTheirFirstLine() throws {
        let t = TempDir()
        let files = [try t.write("периоды.csv", Self.calendar), try t.write("итоговые-1.csv", Self.first),
                     try t.write("итоговые-2.csv", Self.second)]
        let memory = try JournalStore.inMemory()
        for s in [try importFiles(files, db: t.path("j.sqlite")),
                  try ImportSession(importer: FileImporter(profiles: try Repo.profiles())).run(try sessionFiles(files), into: memory)] {
            #expect(listed(s) == ["Годовая 1 итоговые-1.csv:2", "Зимняя сессия 2 итоговые-1.csv:3"])
            #expect(s.files.flatMap { $0.rejections.map { "\($0.location.line)" } } == ["5"])
            #expect(s.outcome?.unlinkedPeriods.first?.calendar == ["1 четверть", "2 четверть"])
        }
    }

    /// Every mark names a calendar period: nothing is listed.
    @Test func nothingIsListedWhenEveryPeriodIsInTheCalendar() throws {
        let t = TempDir()
        let files = [try t.write("периоды.csv", Self.calendar), try t.write("итоговые-2.csv", Self.second)]
        let s = try importFiles(files, db: t.path("j.sqlite"))
        #expect(s.files.map(\.accepted) == [2, 2])
        #expect(listed(s).isEmpty)
    }
}
