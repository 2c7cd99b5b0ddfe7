import Testing
@testable import JournalGenerator

@Suite struct DeterminismTests {
    @Test func prngIsStable() {
        var r = SplitMix64(seed: 42)
        #expect(r.next() == 0xBDD7_3226_2FEB_6E95)
    }
}
