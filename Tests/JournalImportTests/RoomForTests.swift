import Testing
@testable import JournalStore

/// Issue 17: room made ahead for a file's lesson rows (`RoomFor`) must not turn growth by
/// doubling into growth by what each file asks for — an import of many small lesson files would
/// copy everything once per file.
@Suite struct RoomForTests {
    @Test func askingFileByFileStillGrowsGeometrically() {
        var rows: [Int] = [], keys: [Int: Int] = [:]
        var rowCapacities: Set<Int> = [], keyCapacities: Set<Int> = []
        // 1,000 files of 10 rows each: each asks for room for its 10 before adding them.
        for file in 0..<1_000 {
            RoomFor.more(10, in: &rows)
            RoomFor.more(10, in: &keys)
            #expect(rows.capacity >= rows.count + 10 && keys.capacity >= keys.count + 10, "file \(file)")
            for k in 0..<10 { rows.append(file * 10 + k); keys[file * 10 + k] = k }
            rowCapacities.insert(rows.capacity)
            keyCapacities.insert(keys.capacity)
        }
        // Doubling from 10 to 10,000 is about ten sizes; exactly what each asked would be 1,000.
        #expect(rowCapacities.count <= 12 && keyCapacities.count <= 12, "\(rowCapacities.count), \(keyCapacities.count)")
        #expect(rows.count == 10_000 && keys.count == 10_000)
    }

    @Test func roomIsOneRowPer256BytesUpToFourMillion() {
        // The college's lessons table: 38,746,141 bytes / 256 = 151,352.1 (91,516 rows: no regrowth).
        #expect(RoomFor.rows(inBytes: 38_746_141) == 151_352)
        #expect(RoomFor.rows(inBytes: 0) == 0 && RoomFor.rows(inBytes: 255) == 0)
        #expect(RoomFor.rows(inBytes: 1 << 40) == 4_000_000)
    }
}
