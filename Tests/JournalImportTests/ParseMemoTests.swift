import Testing
@testable import JournalImport

/// `ParseCache` remembers, per canonical column, the previous row's bytes and what they parsed
/// to; a row whose bytes are the same takes that value. Bytes that differ in any way — a
/// prefix, an extension, one byte changed, another column — must never take it. Values are
/// ints here, so what is taken is checked exactly.
@Suite struct ParseMemoTests {
    static func taken(_ cache: ParseCache, _ c: Int, _ text: String) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { b in
            if case .int(let v) = cache.remembered(c, b) { return v }
            return nil
        }
    }

    static func remember(_ cache: ParseCache, _ c: Int, _ text: String, _ v: Int) {
        Array(text.utf8).withUnsafeBufferPointer { cache.remember(c, $0, .int(v)) }
    }

    @Test func onlyTheSameBytesInTheSameColumnTakeThePreviousValue() {
        let cache = ParseCache()
        #expect(Self.taken(cache, 0, "Иванов") == nil)   // nothing remembered yet
        Self.remember(cache, 2, "Иванов", 1)             // column 2 before columns 0 and 1 exist
        #expect(Self.taken(cache, 2, "Иванов") == 1)
        #expect(Self.taken(cache, 0, "Иванов") == nil)
        #expect(Self.taken(cache, 1, "Иванов") == nil)
        #expect(Self.taken(cache, 5, "Иванов") == nil)
        #expect(Self.taken(cache, 2, "Иван") == nil)           // a prefix
        #expect(Self.taken(cache, 2, "Иванова") == nil)        // an extension
        #expect(Self.taken(cache, 2, "Иванав") == nil)         // one letter changed
        #expect(Self.taken(cache, 2, "") == nil)
        // A longer value than any before (the column's memory grows), then a shorter one.
        let long = String(repeating: "контрольная работа ", count: 20)
        Self.remember(cache, 2, long, 2)
        #expect(Self.taken(cache, 2, long) == 2)
        #expect(Self.taken(cache, 2, "Иванов") == nil)
        Self.remember(cache, 2, "к", 3)
        #expect(Self.taken(cache, 2, "к") == 3)
        #expect(Self.taken(cache, 2, long) == nil)
        #expect(Self.taken(cache, 2, "кк") == nil)
        // Columns keep their own values side by side.
        Self.remember(cache, 0, "к", 4)
        Self.remember(cache, 7, "к", 5)
        #expect(Self.taken(cache, 0, "к") == 4)
        #expect(Self.taken(cache, 2, "к") == 3)
        #expect(Self.taken(cache, 7, "к") == 5)
        #expect(Self.taken(cache, 6, "к") == nil)
    }
}
