import Foundation

/// Prints how long each import phase took to stderr when `ZHURNAL_TIMING` is set (for the
/// benchmark; counts and seconds only, no data).
struct PhaseTimer {
    static let enabled = ProcessInfo.processInfo.environment["ZHURNAL_TIMING"] != nil
    private var last = Date()

    mutating func mark(_ phase: String) {
        guard Self.enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "  %@: %.2f с\n", phase, now.timeIntervalSince(last)).utf8))
        last = now
    }
}
