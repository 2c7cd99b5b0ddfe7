/// The institution whose journal is checked.
public struct Institution: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case school = "школа"
        case college = "колледж"
    }

    public var name: String
    public var kind: Kind
    public var timeZone: InstitutionTimeZone
    /// 5 or 6 study days a week.
    public var studyWeekDays: Int
    /// Deputy director (заместитель директора по УВР) for memos; optional.
    public var deputyDirector: String?
    public var director: String?

    public init(name: String, kind: Kind = .school, timeZone: InstitutionTimeZone = .moscow,
                studyWeekDays: Int = 5, deputyDirector: String? = nil, director: String? = nil) {
        self.name = name
        self.kind = kind
        self.timeZone = timeZone
        self.studyWeekDays = studyWeekDays
        self.deputyDirector = deputyDirector
        self.director = director
    }
}
