import Foundation
import JournalModel
import Testing

/// `BackgroundRelease` frees what an import kept (the store in memory) off the calling thread:
/// the caller's variable is empty at once, the object's deinit runs exactly once, elsewhere
/// (or here when only one thread may be used).
@Suite struct BackgroundReleaseTests {
    final class Probe {
        let done: DispatchSemaphore
        let onThread: (pthread_t) -> Void
        init(done: DispatchSemaphore, onThread: @escaping (pthread_t) -> Void) {
            self.done = done
            self.onThread = onThread
        }
        deinit {
            onThread(pthread_self())
            done.signal()
        }
    }

    final class Seen: @unchecked Sendable {
        let lock = NSLock()
        var threads: [pthread_t] = []
        func add(_ t: pthread_t) { lock.lock(); threads.append(t); lock.unlock() }
    }

    @Test func theObjectIsFreedOnceAndNotOnTheCallingThread() {
        let done = DispatchSemaphore(value: 0), seen = Seen()
        var probe: Probe? = Probe(done: done) { seen.add($0) }
        let caller = pthread_self()
        BackgroundRelease.release(&probe)
        #expect(probe == nil)
        #expect(done.wait(timeout: .now() + 10) == .success, "the deinit ran")
        Thread.sleep(forTimeInterval: 0.05)
        seen.lock.lock(); defer { seen.lock.unlock() }
        #expect(seen.threads.count == 1)
        if ThreadSetting.several {
            #expect(seen.threads.allSatisfy { pthread_equal($0, caller) == 0 }, "freed on another thread")
        } else {
            #expect(seen.threads.allSatisfy { pthread_equal($0, caller) != 0 }, "ZHURNAL_THREADS=1: freed here")
        }
    }

    @Test func nothingToReleaseIsFine() {
        var none: Probe? = nil
        BackgroundRelease.release(&none)
        #expect(none == nil)
    }
}
