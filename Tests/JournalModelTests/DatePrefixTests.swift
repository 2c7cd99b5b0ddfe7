import Testing
import JournalModel

/// A column of entry moments parsed with one `DatePrefix`, as the import does: the date is
/// taken from the previous moment when the bytes begin with the same date and the byte after
/// it; every answer here is written by hand from the text.
@Suite struct DatePrefixTests {
    static let column: [(text: String, expected: String?)] = [
        ("02.09.2025 09:08", "02.09.2025 09:08"),
        ("02.09.2025 10:25", "02.09.2025 10:25"),                 // same date
        ("02.09.2025T10:26", "02.09.2025 10:26"),                 // same date, another separator
        ("02.09.2025", "02.09.2025"),                             // the date alone: known to the day
        ("02.09.25 11:00", "02.09.2025 11:00"),                   // a two-digit year
        ("02.09.25 11:30", "02.09.2025 11:30"),
        ("02.09.20 10:00", "02.09.2020 10:00"),                   // 2020
        ("02.09.2025 11:45", "02.09.2025 11:45"),                 // begins with «02.09.20», but a longer year
        ("02.09.20 10:05", "02.09.2020 10:05"),
        ("02.09.251 11:30", nil),                                 // a three-digit year: not a date
        ("02.09.25", "02.09.2025"),
        ("2025-09-02T09:08:00+05:00", "02.09.2025 09:08 +18000"),
        ("2025-09-02T09:09:00+05:00", "02.09.2025 09:09 +18000"),
        ("2025-09-021T09:09:00", nil),                            // one digit too many in the day
        ("  2025-09-02 12:00", "02.09.2025 12:00"),               // leading spaces
        ("03.09.2025 09:00", "03.09.2025 09:00"),                 // another day
        ("03.09.2025 09:00 x", nil),
        ("03.09.2025 25:00", nil),                                // no such hour
        ("03.09.2025 09:01", "03.09.2025 09:01"),
        ("31.02.2025 09:00", nil),                                // no such day
    ]

    static func text(_ t: DateParsing.Timestamp?) -> String? {
        t.map { $0.local.description + ($0.offsetSeconds.map { " +\($0)" } ?? "") }
    }

    @Test func aColumnParsedWithThePreviousDateGivesWhatEachTextSays() {
        var prefix = DateParsing.DatePrefix()
        for (text, expected) in Self.column {
            var t = text
            let got = t.withUTF8 { DateParsing.timestamp(bytes: $0, datePrefix: &prefix) }
            #expect(Self.text(got) == expected, "«\(text)»")
        }
    }
}
