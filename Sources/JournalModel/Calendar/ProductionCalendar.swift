/// The official Russian production calendar (производственный календарь): public holidays and
/// the days the Government moved. It is data: an institution can replace it with its own.
///
/// `nonWorking` are weekdays (or Saturdays) that are days off by law or by a transfer;
/// `extraWorking` are Saturdays/Sundays made working days by a transfer (they matter for a
/// 5-day week only).
public struct ProductionCalendar: Hashable, Sendable {
    public var nonWorking: Set<LocalDate>
    public var extraWorking: Set<LocalDate>
    /// Years the data covers as published decrees; other years get only the fixed holidays of
    /// Art. 112 of the Labour Code without transfers.
    public var coveredYears: ClosedRange<Int>

    public init(nonWorking: Set<LocalDate>, extraWorking: Set<LocalDate>, coveredYears: ClosedRange<Int>) {
        self.nonWorking = nonWorking
        self.extraWorking = extraWorking
        self.coveredYears = coveredYears
    }

    /// The fixed non-working holidays of Art. 112 ТК РФ (month, day).
    public static let fixedHolidays: [(Int, Int)] = [
        (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8),
        (2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4),
    ]

    /// True when `date` is a public holiday or a transferred day off.
    public func isNonWorking(_ date: LocalDate) -> Bool {
        if coveredYears.contains(date.year) { return nonWorking.contains(date) }
        let c = date.components
        return ProductionCalendar.fixedHolidays.contains { $0.0 == c.month && $0.1 == c.day }
    }

    public func isExtraWorking(_ date: LocalDate) -> Bool { extraWorking.contains(date) }

    /// Russia, 2024–2026, from the Government decrees on transfers of days off
    /// (№ 1447 of 10.08.2023, № 1335 of 04.10.2024, № 1466 of 24.09.2025).
    public static let russia: ProductionCalendar = {
        func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate {
            guard let v = LocalDate(year: y, month: m, day: day) else { preconditionFailure("bad calendar date") }
            return v
        }
        func span(_ y: Int, _ m: Int, _ from: Int, _ to: Int) -> [LocalDate] { (from...to).map { d(y, m, $0) } }
        var off: [LocalDate] = []
        // 2024
        off += span(2024, 1, 1, 8) + [d(2024, 2, 23), d(2024, 3, 8), d(2024, 4, 29), d(2024, 4, 30),
                                      d(2024, 5, 1), d(2024, 5, 9), d(2024, 5, 10), d(2024, 6, 12),
                                      d(2024, 11, 4), d(2024, 12, 30), d(2024, 12, 31)]
        // 2025
        off += span(2025, 1, 1, 8) + [d(2025, 2, 23), d(2025, 3, 8), d(2025, 5, 1), d(2025, 5, 2),
                                      d(2025, 5, 8), d(2025, 5, 9), d(2025, 6, 12), d(2025, 6, 13),
                                      d(2025, 11, 3), d(2025, 11, 4), d(2025, 12, 31)]
        // 2026
        off += span(2026, 1, 1, 9) + [d(2026, 2, 23), d(2026, 3, 8), d(2026, 3, 9), d(2026, 5, 1),
                                      d(2026, 5, 9), d(2026, 5, 11), d(2026, 6, 12), d(2026, 11, 4),
                                      d(2026, 12, 31)]
        let work = [d(2024, 4, 27), d(2024, 11, 2), d(2024, 12, 28), d(2025, 11, 1)]
        return ProductionCalendar(nonWorking: Set(off), extraWorking: Set(work), coveredYears: 2024...2026)
    }()
}
