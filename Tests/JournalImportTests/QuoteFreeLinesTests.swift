import Foundation
import Testing
@testable import JournalImport
import JournalGenerator

/// Lines without a quote are split by `QuoteFreeLines`, the rest by libcsv: the rows, fields,
/// line numbers and errors must be exactly those of libcsv reading every byte.
@Suite struct QuoteFreeLinesTests {
    /// Everything a parse leaves behind: each complete row (its line and fields) in order, and
    /// where the parser stands after each chunk and at the end.
    struct Outcome: Equatable {
        var rows: [String] = []
        var states: [String] = []
    }

    func parse(_ bytes: [UInt8], delimiter: UInt8, cuts: [Int], split: Bool) -> Outcome {
        let parser = CSVParser(delimiter: delimiter, splitQuoteFreeLines: split)
        var out = Outcome()
        func take() {
            let b = parser.state.pointee.batch
            var start = 0
            for r in 0..<b.rowCount {
                let end = b.rowEnds[r]
                var fields: [String] = []
                for f in start..<end {
                    let lo = f == 0 ? 0 : b.fieldEnds[f - 1]
                    fields.append(String(decoding: b.bytes[lo..<b.fieldEnds[f]], as: UTF8.self))
                }
                out.rows.append("\(b.rowLines[r]): \(fields)")
                start = end
            }
            parser.state.pointee.batch.dropDeliveredRows()
            let s = parser.state.pointee
            out.states.append("line \(s.line) fields \(s.fieldsInRow) start \(s.rowStartLine) cr \(s.lastTerminatorWasCR) long \(parser.rowTooLong)")
        }
        var from = 0
        for cut in cuts + [bytes.count] where cut >= from {
            let ok = bytes[from..<cut].withUnsafeBufferPointer { parser.parse($0) }
            take()
            from = cut
            if !ok { out.states.append("quote error"); return out }
        }
        let finished = parser.finish()
        take()
        out.states.append(finished ? "end" : "open quote at the end")
        return out
    }

    /// Read by hand from the text: spaces and tabs around unquoted fields dropped, a line of
    /// spaces is no row, CRLF is one line end, a tab delimiter is no space.
    @Test func fieldsAndLinesAsReadFromTheText() {
        let text = Array("  a ; b\t;\t\r\n  \n7б;\"x;\ny\"\n;x".utf8)
        for split in [true, false] {
            let o = parse(text, delimiter: UInt8(ascii: ";"), cuts: [], split: split)
            #expect(o.rows == ["1: [\"a\", \"b\", \"\"]", "3: [\"7б\", \"x;\\ny\"]", "5: [\"\", \"x\"]"], "split \(split)")
            #expect(o.states.last == "end")
        }
        let tabbed = Array("a\t b \t\n\t\n".utf8)
        for split in [true, false] {
            let o = parse(tabbed, delimiter: 0x09, cuts: [], split: split)
            #expect(o.rows == ["1: [\"a\", \"b\", \"\"]", "2: [\"\", \"\"]"], "split \(split)")
        }
    }

    /// A quote inside an unquoted field stops the file on its line, whichever reads it.
    @Test func aStrayQuoteIsLibcsvsError() {
        let text = Array("a;b\nc;d\"e;f\ng;h\n".utf8)
        for split in [true, false] {
            let o = parse(text, delimiter: UInt8(ascii: ";"), cuts: [], split: split)
            #expect(o.rows == ["1: [\"a\", \"b\"]"], "split \(split)")
            #expect(o.states.suffix(2) == ["line 2 fields 1 start 2 cr false long false", "quote error"], "split \(split)")
        }
    }

    /// Random text of delimiters, spaces, tabs, quotes, CR, LF and Cyrillic, cut into random
    /// chunks: the split gives exactly what libcsv alone gives.
    @Test(arguments: [UInt8(ascii: ";"), UInt8(ascii: ","), 0x09, UInt8(ascii: "|")])
    func sameAsLibcsvOnRandomText(delimiter: UInt8) {
        var rng = SplitMix64(seed: 0x5EED + UInt64(delimiter))
        func below(_ n: Int) -> Int { n <= 0 ? 0 : rng.int(in: 0...(n - 1)) }
        let pieces: [[UInt8]] = [Array("а".utf8), Array("b".utf8), Array("12".utf8), [0x20], [0x09], [0x0D], [0x0A], [0x0D, 0x0A],
                                 [UInt8(ascii: ";")], [UInt8(ascii: ",")], [UInt8(ascii: "|")], [UInt8(ascii: ":")], [0x22]]
        var differ = 0, quoteErrors = 0, rows = 0
        for round in 0..<3000 {
            // Quotes rare in some texts (most lines quote-free), common in others.
            let quoteWeight = round % 3 == 0 ? 0 : round % 3 == 1 ? 1 : 6
            var text: [UInt8] = []
            for _ in 0..<below(120) {
                let k = below(pieces.count - 1 + quoteWeight)
                text += k < pieces.count - 1 ? pieces[k] : [0x22]
                if below(4) == 0 { text.append(delimiter) }
            }
            var cuts = (0..<below(5)).map { _ in below(text.count + 1) }.sorted()
            if round % 7 == 0 { cuts = Array(stride(from: 1, to: text.count, by: 1)) }   // a byte at a time
            let libcsv = parse(text, delimiter: delimiter, cuts: cuts, split: false)
            let split = parse(text, delimiter: delimiter, cuts: cuts, split: true)
            if libcsv != split {
                differ += 1
                if differ <= 3 { Issue.record("text \(String(decoding: text, as: UTF8.self).debugDescription) cuts \(cuts): libcsv \(libcsv), split \(split)") }
            }
            if libcsv.states.last == "quote error" { quoteErrors += 1 }
            rows += libcsv.rows.count
        }
        #expect(differ == 0)
        // The texts exercise both paths: rows read, and quote errors met.
        #expect(rows > 10_000 && quoteErrors > 100, "rows \(rows), quote errors \(quoteErrors)")
    }
}
