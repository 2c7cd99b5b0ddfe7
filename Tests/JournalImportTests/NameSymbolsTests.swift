import Testing
@testable import JournalImport

/// Issue 17: `NameSymbols` interns a record's texts by their bytes. Whatever the hash, the k-th
/// distinct text gets the name k, the same bytes the same name, and different bytes — however
/// close: one byte apart, a prefix, another length — different names.
@Suite struct NameSymbolsTests {
    static func intern(_ s: NameSymbols, _ bytes: [UInt8]) -> Name? {
        bytes.withUnsafeBufferPointer { s.intern($0) }
    }

    @Test func eachDistinctTextGetsTheNextNameAndKeepsIt() {
        let symbols = NameSymbols()
        // Texts of every length 0...40: «Иванов…» prefixes, the same with the last byte changed,
        // and with a byte in the middle changed (ASCII, so every variant stays valid UTF-8).
        let base = Array("Ivanov Ivan Ivanovich, 7b, algebra 2025/26".utf8)
        var texts: [[UInt8]] = []
        for n in 0...40 {
            texts.append(Array(base[..<n]))
            if n > 0 { var t = Array(base[..<n]); t[n - 1] = t[n - 1] ^ 0x01; texts.append(t) }
            if n > 2 { var t = Array(base[..<n]); t[n / 2] = t[n / 2] ^ 0x02; texts.append(t) }
        }
        #expect(Set(texts).count == texts.count, "the variants are all different")
        // Three rounds: names in order of first appearance (0, 1, 2, …), the same each round;
        // 2,000 more texts past the table's first growth.
        let more = (0..<2_000).map { Array("Ученик \($0)".utf8) }
        for round in 0..<3 {
            for (k, t) in (texts + more).enumerated() {
                #expect(Self.intern(symbols, t)?.index == Int32(k), "round \(round), text \(k)")
            }
        }
        #expect(symbols.count == texts.count + more.count)
        #expect(symbols.text(Name(index: 5)) == String(decoding: texts[5], as: UTF8.self))
        #expect(symbols.text(Name(index: Int32(texts.count))) == "Ученик 0")
    }

    @Test func bytesThatAreNotUTF8GetNoName() {
        let symbols = NameSymbols()
        #expect(Self.intern(symbols, [0xD0]) == nil)
        #expect(Self.intern(symbols, Array("н".utf8))?.index == 0)
        #expect(symbols.count == 1)
    }
}
