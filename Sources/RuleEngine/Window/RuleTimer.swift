import Foundation

/// Per-rule evaluation times on stderr when `ZHURNAL_TIMING` is set (rule ids, counts and
/// seconds only — never data).
struct RuleTimer {
    static let enabled = ProcessInfo.processInfo.environment["ZHURNAL_TIMING"] != nil
    private var last = Date()

    mutating func mark(_ what: String) {
        guard Self.enabled else { return }
        let now = Date()
        Self.print(what, seconds: now.timeIntervalSince(last))
        last = now
    }

    static func print(_ what: String, seconds: Double) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(String(format: "  %@: %.3f с\n", what, seconds).utf8))
    }
}
