import Foundation

/// A regular expression (ICU, through `NSRegularExpression`) whose every match runs under a
/// step budget: a pattern that backtracks without end on some text gives «unknown» for that
/// text within milliseconds instead of hanging the program. After `maxSlowTexts` texts over
/// budget the pattern is given up: every later text is «unknown» at once (a rule then reports
/// the records it could not check, with the reason). Thread-safe.
///
///     let re = try BoundedRegex("(а+)+$|б")
///     re.firstMatch(in: String(repeating: "а", count: 80) + "в")   // .exceeded
public final class BoundedRegex: @unchecked Sendable {
    public enum Result: Equatable, Sendable {
        case noMatch
        /// The whole match and the first capture group (if the pattern has one and it took part).
        case match(whole: String, group: String?)
        /// The step budget ran out: whether the text matches is not known.
        case exceeded
    }

    public let pattern: String
    let re: NSRegularExpression

    /// ICU reports progress once per starting position and once per 10 000 backtracking steps:
    /// past the text's length plus this many reports (about a million steps, a few tens of
    /// milliseconds) the match stops. Counting steps, not time, keeps results the same on a
    /// slow machine.
    public static let stepReports = 100
    /// Texts over budget after which the pattern is not tried any more.
    public static let maxSlowTexts = 10

    private let lock = NSLock()
    private var slowTexts = 0

    public init(_ pattern: String, caseInsensitive: Bool = false) throws {
        self.pattern = pattern
        re = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    /// Capture groups of the pattern.
    public var captureGroups: Int { re.numberOfCaptureGroups }

    /// True once the pattern has been given up (`maxSlowTexts` texts over budget).
    public var gaveUp: Bool {
        lock.lock()
        defer { lock.unlock() }
        return slowTexts >= BoundedRegex.maxSlowTexts
    }

    public func firstMatch(in text: String) -> Result {
        if gaveUp { return .exceeded }
        let ns = text as NSString
        let budget = ns.length + BoundedRegex.stepReports
        var reports = 0
        var found: NSTextCheckingResult?
        var exceeded = false
        re.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: ns.length)) { r, flags, stop in
            if let r {
                found = r
                stop.pointee = true
            } else if flags.contains(.progress) {
                reports += 1
                if reports > budget {
                    exceeded = true
                    stop.pointee = true
                }
            }
        }
        if exceeded {
            lock.lock()
            slowTexts += 1
            lock.unlock()
            return .exceeded
        }
        guard let m = found else { return .noMatch }
        let whole = ns.substring(with: m.range)
        var group: String?
        if m.numberOfRanges > 1, m.range(at: 1).location != NSNotFound { group = ns.substring(with: m.range(at: 1)) }
        return .match(whole: whole, group: group)
    }

    /// true / false, or nil when the budget ran out.
    public func matches(_ text: String) -> Bool? {
        switch firstMatch(in: text) {
        case .noMatch: false
        case .match: true
        case .exceeded: nil
        }
    }

    /// The Russian reason a record is not checked when the budget runs out.
    public var exceededReason: String {
        "регулярное выражение «\(pattern.count > 60 ? String(pattern.prefix(60)) + "…" : pattern)» проверялось слишком долго "
            + "(больше миллиона шагов на одну запись) — такие записи не проверены; упростите выражение"
    }
}
