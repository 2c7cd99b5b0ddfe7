import Foundation
import Findings
import JournalModel

/// An earlier `zhurnal check --json` result, read for `check --compare прошлый.json`. Only what
/// a comparison needs is read (findings, window, moment), so JSON from older versions of the
/// program, with fewer or more fields elsewhere, still compares.
public struct PreviousCheck: Sendable, Decodable {
    public var checkedAt: LocalDateTime
    public var asOf: LocalDateTime?
    public var from: LocalDate?
    public var to: LocalDate?
    public var group: String?
    public var packId: String?
    public var findings: [Finding]

    public init(checkedAt: LocalDateTime, asOf: LocalDateTime? = nil, from: LocalDate? = nil, to: LocalDate? = nil,
                group: String? = nil, packId: String? = nil, findings: [Finding]) {
        self.checkedAt = checkedAt
        self.asOf = asOf
        self.from = from
        self.to = to
        self.group = group
        self.packId = packId
        self.findings = findings
    }

    /// Why a previous result cannot be read, in Russian.
    public struct ReadError: Error, Sendable {
        public var message: String
    }

    public static func read(path: String) throws(ReadError) -> PreviousCheck {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(message: "не удалось прочитать файл прошлой проверки «\(path)»")
        }
        do {
            return try JSONDecoder().decode(PreviousCheck.self, from: data)
        } catch {
            throw ReadError(message: "«\(path)» — не результат `zhurnal check --json` (\(Self.why(error)))")
        }
    }

    static func why(_ e: Error) -> String {
        switch e {
        case DecodingError.keyNotFound(let k, _): "нет поля «\(k.stringValue)»"
        case DecodingError.dataCorrupted(let c): c.codingPath.isEmpty ? "это не JSON" : "неверное значение поля «\(c.codingPath.map(\.stringValue).joined(separator: "."))»"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "неверное значение поля «\(c.codingPath.map(\.stringValue).joined(separator: "."))»"
        default: "файл не разобран"
        }
    }
}

/// A check compared with an earlier one by the findings' stable keys: each current finding is
/// new or still open, and earlier findings this check judged again and did not find are fixed.
/// An earlier finding this check did not judge (outside its window, moment or group, its rule
/// not run or the record skipped) is neither: it is counted as not compared.
///
///     let c = Comparison(current: report, previous: try PreviousCheck.read(path: "прошлый.json"))
///     c.status(of: finding)   // .new or .open
///     c.fixed                 // earlier findings no longer found
public struct Comparison: Sendable {
    public enum Status: String, Sendable {
        case new = "новое"
        case open = "не устранено"
    }

    public var previousCheckedAt: LocalDateTime
    /// Keys of current findings that the earlier check had too.
    public var openKeys: Set<String>
    public var fixed: [Finding]
    /// Earlier findings outside what this check judged.
    public var notCompared: Int
    public var newCount: Int
    public var openCount: Int { openKeys.count }

    public func status(of f: Finding) -> Status { openKeys.contains(f.key) ? .open : .new }

    public init(current: CheckReport, previous: PreviousCheck) {
        previousCheckedAt = previous.checkedAt
        let currentKeys = Set(current.findings.map(\.key))
        let before = Set(previous.findings.map(\.key))
        openKeys = currentKeys.intersection(before)
        newCount = currentKeys.subtracting(before).count
        let judged = Dictionary(current.outcomes.map { ($0.ruleId, $0) }, uniquingKeysWith: { a, _ in a })
        var fixed: [Finding] = []
        var notCompared = 0
        for f in previous.findings where !currentKeys.contains(f.key) {
            if Comparison.judgedAgain(f, current: current, outcome: judged[f.ruleId]) {
                fixed.append(f)
            } else {
                notCompared += 1
            }
        }
        self.fixed = fixed
        self.notCompared = notCompared
    }

    /// True when the current check would have found `f` had it still been there.
    static func judgedAgain(_ f: Finding, current: CheckReport, outcome: RuleOutcome?) -> Bool {
        guard let o = outcome, o.status == .passed || o.status == .violated else { return false }
        if let g = current.group, f.group != g { return false }
        if let d = f.dueDate {
            if let from = current.from, d < from { return false }
            if let to = current.to, d > to { return false }
        }
        if let due = f.due, let asOf = current.asOf, due > asOf { return false }
        let natural = f.key.hasPrefix(f.ruleId + ":") ? String(f.key.dropFirst(f.ruleId.count + 1)) : f.key
        if o.skippedItems.contains(where: { $0.key == natural }) { return false }
        return true
    }
}
