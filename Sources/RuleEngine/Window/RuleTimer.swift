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

    /// A rule's time on its thread, and the CPU time that thread spent on it (on a shared
    /// machine the steadier figure: waiting for a core is not counted).
    static func print(_ what: String, seconds: Double, cpu: Double) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(String(format: "  %@: %.3f с (ЦП потока %.3f с)\n", what, seconds, cpu).utf8))
    }

    /// CPU seconds the calling thread has used.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
