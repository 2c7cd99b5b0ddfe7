import Foundation

/// How many threads a run may use: `ZHURNAL_THREADS` when set, else the cores this process may
/// use. One setting for every place that works on several threads — the rules
/// (`RuleWorkers`), the CSV parse (`ChunkPipeline`) and the journal's load from a database
/// (`ParallelCells`): `ZHURNAL_THREADS=1` runs all of them on the calling thread.
public enum ThreadSetting {
    /// At least 1.
    public static let available: Int = {
        let asked = ProcessInfo.processInfo.environment["ZHURNAL_THREADS"].flatMap { Int($0) }
        return max(1, asked ?? ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// More than one thread may be used.
    public static var several: Bool { available > 1 }
}
