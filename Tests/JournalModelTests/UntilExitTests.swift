import Foundation
import JournalModel
import Testing

/// `UntilExit` keeps what a command-line run's import left in memory alive until the process
/// ends: the object outlives every other reference and is never freed.
@Suite struct UntilExitTests {
    final class Probe {
        let freed: @Sendable () -> Void
        init(freed: @escaping @Sendable () -> Void) { self.freed = freed }
        deinit { freed() }
    }

    final class Flag: @unchecked Sendable {
        var set = false
    }

    @Test func aKeptObjectOutlivesItsLastReference() {
        let kept = Flag(), dropped = Flag()
        let before = UntilExit.count
        do {
            let a = Probe { kept.set = true }, b = Probe { dropped.set = true }
            UntilExit.keep(a)
            _ = b
        }
        #expect(!kept.set, "kept: not freed")
        #expect(dropped.set, "not kept: freed with its last reference (the probe works)")
        #expect(UntilExit.count == before + 1)
    }
}
