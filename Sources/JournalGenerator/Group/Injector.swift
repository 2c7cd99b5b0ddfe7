import JournalModel

/// Decides, entity by entity, whether to inject a violation and which one: each applicable
/// kind gets probability `rate`, the kinds exclude each other on one entity.
struct Injector: Sendable {
    var rate: Double

    func pick(_ kinds: [ViolationKind], rng: inout SplitMix64) -> ViolationKind? {
        let u = rng.unit()
        guard rate > 0 else { return nil }
        let i = Int(u / rate)
        return i < kinds.count ? kinds[i] : nil
    }

    /// A date more than 7 working days (so more than 3 calendar days) after `date`, plus 0–2 days.
    static func afterWorkingDays(_ date: LocalDate, calendar: SchoolCalendar, rng: inout SplitMix64) -> LocalDate {
        var d = date
        var n = 0
        while n < 8 {
            d = d.adding(days: 1)
            if calendar.isWorkingDay(d) { n += 1 }
        }
        return d.adding(days: rng.int(in: 0...2))
    }
}
