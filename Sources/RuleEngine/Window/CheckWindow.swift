import JournalModel

/// The days whose due records a check reports: a range, a study period, a week or a month.
/// It selects findings after evaluation (`Evaluation.select`) and never limits what rules see.
///
///     let w = try CheckWindow.resolve(.week(d), journal: j, asOf: t)   // Monday–Sunday of d
///     w.label                                                          // "неделя 06.10.2025–12.10.2025"
public struct CheckWindow: Sendable, Hashable {
    public enum Request: Sendable, Hashable {
        case all
        case range(from: LocalDate?, to: LocalDate?)
        case period(String)
        case week(LocalDate)
        case month(LocalDate)
    }

    public var from: LocalDate?
    public var to: LocalDate?
    /// Russian, for the summary and documents: «неделя 06.10.2025–12.10.2025», «1 четверть (…)».
    public var label: String?

    public init(from: LocalDate? = nil, to: LocalDate? = nil, label: String? = nil) {
        self.from = from
        self.to = to
        self.label = label
    }

    /// A window a user asked for, checked against the journal: a reversed range, a period the
    /// calendar does not have, or a window entirely outside the data is an error (never «0»).
    public static func resolve(_ request: Request, journal: Journal, asOf: LocalDateTime) throws -> CheckWindow {
        let w: CheckWindow
        switch request {
        case .all:
            return CheckWindow()
        case .range(let f, let t):
            if let f, let t, f > t {
                throw WindowError("начало окна проверки \(f) позже его конца \(t): укажите --from не позже --to")
            }
            w = CheckWindow(from: f, to: t, label: [f.map { "с \($0)" }, t.map { "по \($0)" }].compactMap { $0 }.joined(separator: " "))
        case .period(let name):
            let periods = journal.calendar.periods
            guard let p = periods.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                let names = periods.map(\.name)
                let hint = Suggestions.closest(to: name, among: names).map { " — возможно, «\($0)»?" }
                    ?? (names.isEmpty ? " (в календаре журнала нет учебных периодов)" : " (есть: \(names.joined(separator: ", ")))")
                throw WindowError("нет учебного периода «\(name)»\(hint)")
            }
            w = CheckWindow(from: p.start, to: p.end, label: "\(p.name) (\(p.start)–\(p.end))")
        case .week(let d):
            let start = d.weekStart, end = start.adding(days: 6)
            w = CheckWindow(from: start, to: end, label: "неделя \(start)–\(end)")
        case .month(let d):
            let first = d.monthStart, last = first.adding(days: LocalDate.daysIn(month: first.month, year: first.year) - 1)
            w = CheckWindow(from: first, to: last, label: "\(MonthNames.nominative(first.month)) \(first.year) (\(first)–\(last))")
        }
        guard let data = journal.lessonDates else {
            throw WindowError("в журнале нет ни одного урока — проверять нечего")
        }
        let dataEnd = max(data.upperBound, asOf.date)
        if let t = w.to, t < data.lowerBound {
            throw WindowError("\(w.label ?? "окно проверки") — раньше данных журнала (уроки с \(data.lowerBound) по \(data.upperBound))")
        }
        if let f = w.from, f > dataEnd {
            throw WindowError("\(w.label ?? "окно проверки") — позже данных журнала (уроки с \(data.lowerBound) по \(data.upperBound), последняя запись \(asOf.momentText))")
        }
        return w
    }

    /// `--as-of`: «20.10.2025 18:00», «2025-10-20T18:00», or a date alone (its end, 24:00).
    public static func moment(parsing text: String) -> LocalDateTime? {
        if let d = DateParsing.date(text) { return d.endOfDay }
        guard let t = DateParsing.timestamp(text), t.offsetSeconds == nil else { return nil }
        return t.local
    }
}

/// A window or moment the user asked for that the journal cannot answer; Russian.
public struct WindowError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Month names for window labels.
public enum MonthNames {
    static let names = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                        "сентябрь", "октябрь", "ноябрь", "декабрь"]
    public static func nominative(_ m: Int) -> String { (1...12).contains(m) ? names[m - 1] : "\(m)" }
}
