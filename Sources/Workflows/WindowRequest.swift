import JournalModel
import RuleEngine
import Reports

/// The window a user asked for, from the texts they typed: a range, a study period, a week or a
/// month — one at most. `labels` names the fields in messages (the CLI's options, the web
/// page's fields).
///
///     try WindowRequest.parse(from: nil, to: nil, period: nil, week: "08.10.2025", month: nil)   // .week(08.10.2025)
public enum WindowRequest {
    public struct Labels: Sendable {
        public var range, from, to, period, week, month: String
        public init(range: String, from: String, to: String, period: String, week: String, month: String) {
            (self.range, self.from, self.to, self.period, self.week, self.month) = (range, from, to, period, week, month)
        }
        public static let cli = Labels(range: "--from/--to", from: "--from", to: "--to", period: "--period",
                                       week: "--week", month: "--month")
    }

    public static func parse(from: String?, to: String?, period: String?, week: String?, month: String?,
                             labels: Labels = .cli) throws(WorkflowError) -> CheckWindow.Request {
        let given = [from != nil || to != nil ? labels.range : nil, period.map { _ in labels.period },
                     week.map { _ in labels.week }, month.map { _ in labels.month }].compactMap { $0 }
        if given.count > 1 {
            throw .message("окно проверки задаётся чем-то одним: \(given.joined(separator: ", ")) указаны вместе")
        }
        if let p = period { return .period(p) }
        if let w = week { return .week(try date(w, labels.week)) }
        if let m = month {
            guard let d = InspectionReport.month(parsing: m) else {
                throw .message("\(labels.month): месяц «\(m)» не распознан — пишите 2025-10, 10.2025 или «октябрь 2025»")
            }
            return .month(d)
        }
        if from != nil || to != nil {
            let f: LocalDate? = try from.map { (s: String) throws(WorkflowError) -> LocalDate in try date(s, labels.from) }
            let t: LocalDate? = try to.map { (s: String) throws(WorkflowError) -> LocalDate in try date(s, labels.to) }
            return .range(from: f, to: t)
        }
        return .all
    }

    public static func date(_ s: String, _ label: String) throws(WorkflowError) -> LocalDate {
        guard let d = DateParsing.date(s) else {
            throw .message("\(label): непонятная дата «\(s)» — пишите 01.09.2025 или 2025-09-01")
        }
        return d
    }
}
