import Foundation

/// Prints how long each import phase took to stderr when `ZHURNAL_TIMING` is set (for the
/// benchmark; counts and seconds only, no data).
struct PhaseTimer {
    static let enabled = ProcessInfo.processInfo.environment["ZHURNAL_TIMING"] != nil
    private var last = Date()
    private var lastCPU = PhaseTimer.threadCPU()
    /// Printed before each phase's name (sub-phases are indented further).
    var indent = "  "

    init(indent: String = "  ") { self.indent = indent }

    /// The phase's wall time, and the CPU time of the thread that ran it (on a shared machine
    /// the steadier figure; the import's writer thread is not counted in it).
    mutating func mark(_ phase: String) {
        guard Self.enabled else { return }
        let now = Date(), cpu = Self.threadCPU()
        FileHandle.standardError.write(Data(String(format: "%@%@: %.2f с (ЦП потока %.2f с)\n", indent, phase,
                                                   now.timeIntervalSince(last), cpu - lastCPU).utf8))
        last = now
        lastCPU = cpu
    }

    /// CPU seconds the calling thread has used.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
