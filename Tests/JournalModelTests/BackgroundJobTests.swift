import Foundation
import JournalModel
import Testing

/// `BackgroundJob` runs its work on another thread while the caller goes on, and `wait` gives
/// the work's result once it is done (on the calling thread when only one may be used).
@Suite struct BackgroundJobTests {
    @Test func theCallerGoesOnWhileTheWorkRunsElsewhereAndGetsItsResult() {
        let caller = pthread_self()
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let several = ThreadSetting.several
        let job = BackgroundJob { () -> (sum: Int, here: Bool) in
            if several {
                started.signal()
                // Held until the caller has gone on: proof that it did not wait for the work.
                _ = release.wait(timeout: .now() + 10)
            }
            return ((1...100).reduce(0, +), pthread_equal(pthread_self(), caller) != 0)
        }
        if several {
            #expect(started.wait(timeout: .now() + 10) == .success, "the work started")
            release.signal()
        }
        let r = job.wait()
        #expect(r.sum == 5050)
        #expect(r.here == !several)
        // A second wait gives the same result.
        #expect(job.wait().sum == 5050)
    }
}
