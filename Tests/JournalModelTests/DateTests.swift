import Testing
import JournalModel

@Suite("Dates, times and timestamps as exports write them")
struct DateTests {
    @Test func civilRoundTrip() throws {
        let d = try #require(LocalDate(year: 2025, month: 9, day: 1))
        #expect(d.components == (2025, 9, 1))
        #expect(d.weekday == 1)   // Monday
        #expect(d.description == "01.09.2025")
        #expect(d.iso == "2025-09-01")
        #expect(d.adding(days: 30).description == "01.10.2025")
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2025, month: 2, day: 29) == nil)
    }

    @Test(arguments: ["01.09.2025", "01.09.25", "2025-09-01", " 01.09.2025 ", "1.9.2025"])
    func dateForms(text: String) {
        #expect(DateParsing.date(text)?.iso == "2025-09-01")
    }

    @Test(arguments: ["31.02.2025", "2025-13-01", "01.09", "abc", "", "01.09.2025x"])
    func impossibleDates(text: String) {
        #expect(DateParsing.date(text) == nil)
    }

    @Test func timestamps() throws {
        let t = try #require(DateParsing.timestamp("01.09.2025 10:25"))
        #expect(t.local.description == "01.09.2025 10:25")
        #expect(t.offsetSeconds == nil)
        let iso = try #require(DateParsing.timestamp("2025-09-01T10:25:30"))
        #expect(iso.local.iso == "2025-09-01T10:25:30")
        let dateOnly = try #require(DateParsing.timestamp("01.09.2025"))
        #expect(dateOnly.local.time.seconds == 0)
        let withOffset = try #require(DateParsing.timestamp("2025-09-01T07:25:00+03:00"))
        #expect(withOffset.offsetSeconds == 10800)
        #expect(DateParsing.timestamp("01.09.2025 25:00") == nil)
    }

    /// Times as exports print them: «9:25», «09:25:30», and with dots «9.25», «09.25.30».
    @Test func timesWithColonsOrDots() {
        #expect(DateParsing.time("9:25") == TimeOfDay(hour: 9, minute: 25))
        #expect(DateParsing.time("9.25") == TimeOfDay(hour: 9, minute: 25))
        #expect(DateParsing.time("09.25.30") == TimeOfDay(hour: 9, minute: 25, second: 30))
        #expect(DateParsing.timestamp("01.09.2025 10.25")?.local.description == "01.09.2025 10:25")
        for bad in ["9.5", "9:25.30", "25.00", "9,25", "12.60"] { #expect(DateParsing.time(bad) == nil, "\(bad)") }
    }

    @Test func offsetsConvertToTheInstitutionZone() throws {
        let tz = try #require(InstitutionTimeZone(identifier: "Asia/Yekaterinburg"))
        let t = try #require(DateParsing.timestamp("2025-09-01T07:25:00+03:00"))
        #expect(tz.local(t).description == "01.09.2025 09:25")
        let local = try #require(DateParsing.timestamp("01.09.2025 09:25"))
        #expect(tz.local(local).description == "01.09.2025 09:25")
    }

    @Test func endOfLessonDayIsMidnight() throws {
        let d = try #require(LocalDate(year: 2025, month: 9, day: 1))
        #expect(d.endOfDay.description == "02.09.2025 00:00")
    }

    @Test func russianDurations() {
        #expect(DurationText.russian(seconds: 5400) == "1 ч 30 мин")
        #expect(DurationText.russian(seconds: 93_600) == "1 сут. 2 ч")
        #expect(DurationText.days(3) == "3 дня")
        #expect(DurationText.days(11) == "11 дней")
        #expect(DurationText.days(21) == "21 день")
    }
}
