import Testing
import JournalModel
@testable import RuleEngine

/// Issue 17: the month scopes read a day's month from the index's table of lesson days
/// (`JournalIndex.monthStart`). It must be the calendar's month on every day — inside the table,
/// outside it, and for a journal whose mistyped year would make a table of centuries (none is made).
@Suite struct MonthTableTests {
    static func expectCalendarMonths(_ ix: JournalIndex, from: Int32, to: Int32) {
        for d in stride(from: from, through: to, by: 1) {
            #expect(ix.monthStart(of: d) == LocalDate(dayNumber: d).monthStart.dayNumber, "day \(d)")
        }
    }

    @Test func everyDayGetsItsCalendarMonth() throws {
        let j = RulePiecesTests.journal
        let dates = try #require(j.lessonDates)
        let ix = JournalIndex(journal: j, asOf: RulePiecesTests.asOf)
        // The lesson days, and 400 days either side (leap years and year ends among them).
        Self.expectCalendarMonths(ix, from: dates.lowerBound.dayNumber - 400, to: dates.upperBound.dayNumber + 400)
        #expect(ix.monthStart(of: LocalDate(year: 2025, month: 10, day: 31)!.dayNumber) == LocalDate(year: 2025, month: 10, day: 1)!.dayNumber)
    }

    @Test func aMistypedYearMakesNoTableAndTheSameMonths() throws {
        var j = RulePiecesTests.journal
        j.lessons[0].date = try #require(LocalDate(year: 25, month: 9, day: 1))
        let ix = JournalIndex(journal: j, asOf: RulePiecesTests.asOf)
        let last = try #require(j.lessonDates).upperBound.dayNumber
        Self.expectCalendarMonths(ix, from: j.lessons[0].date.dayNumber - 40, to: j.lessons[0].date.dayNumber + 40)
        Self.expectCalendarMonths(ix, from: last - 400, to: last + 40)
    }
}
