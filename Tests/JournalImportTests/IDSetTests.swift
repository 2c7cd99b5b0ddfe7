import Testing
@testable import JournalStore

/// `IDSet` keeps the lesson ids an import declares (`NameTables`, `AttendedLessons`): as bits
/// below `bitLimit`, in a `Set` above it or below 0. Expected answers are worked out by hand.
@Suite struct IDSetTests {
    @Test func answersAsASetOfIdsDoesOnBothSidesOfTheBitLimit() {
        var s = IDSet()
        let big = IDSet.bitLimit, ids: [Int64] = [1, 2, 63, 64, 65, 1_000, 4_095, big - 1, big, big + 7, -3, Int64.max]
        for id in ids {
            let new = s.insert(id)
            #expect(new, "\(id) is new")
        }
        // A second insertion of each says it was there.
        for id in ids {
            let again = s.insert(id)
            #expect(!again, "\(id) again")
        }
        // (The answers are taken first: a failed expectation on `s` itself would print its words.)
        for id in ids {
            let kept = s.contains(id)
            #expect(kept, "\(id) kept")
        }
        // Neighbours of every kept id (and ids past the words grown so far) are not in it.
        for id: Int64 in [0, 3, 62, 66, 999, 1_001, 4_094, 4_096, 1 << 20, big - 2, big + 1, big + 6, -2, -4, Int64.min] {
            let kept = s.contains(id)
            #expect(!kept, "\(id) never added")
        }
        s.removeAll()
        for id in ids {
            let kept = s.contains(id)
            #expect(!kept, "\(id) removed")
        }
        let afresh = s.insert(64)
        #expect(afresh)
    }
}
