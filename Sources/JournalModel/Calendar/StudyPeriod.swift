/// A study period: четверть, триместр, полугодие, семестр, or the year.
public struct StudyPeriod: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case quarter = "четверть"
        case trimester = "триместр"
        case halfYear = "полугодие"
        case semester = "семестр"
        case year = "год"
    }

    public var name: String
    public var kind: Kind
    public var start: LocalDate
    public var end: LocalDate

    public init(name: String, kind: Kind, start: LocalDate, end: LocalDate) {
        self.name = name
        self.kind = kind
        self.start = start
        self.end = end
    }

    public func contains(_ d: LocalDate) -> Bool { start <= d && d <= end }
}

/// A named span of days: school holidays (каникулы).
public struct DateSpan: Hashable, Sendable {
    public var name: String
    public var start: LocalDate
    public var end: LocalDate

    public init(name: String, start: LocalDate, end: LocalDate) {
        self.name = name
        self.start = start
        self.end = end
    }

    public func contains(_ d: LocalDate) -> Bool { start <= d && d <= end }
}

/// One line of the bell schedule.
public struct BellSlot: Hashable, Sendable {
    public var number: Int
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(number: Int, start: TimeOfDay, end: TimeOfDay) {
        self.number = number
        self.start = start
        self.end = end
    }
}
