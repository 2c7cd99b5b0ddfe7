#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Most lines of a journal's export hold no quote at all; such a line is split here, by
/// `memchr`, into the same fields libcsv would give it, and libcsv — which looks at every byte
/// through its state machine, 0.5 s of the college's 208 MB — reads only the lines that hold a
/// quote and those a chunk cuts.
///
/// What libcsv does with a line without a quote (options `CSV_STRICT | CSV_REPALL_NL`, its
/// default spaces, which are the space and the tab unless the tab is the delimiter):
/// - a line of nothing but spaces is an empty line (the row callback, no field);
/// - otherwise every piece between delimiters is a field, without its leading and trailing
///   spaces;
/// - CR and LF each end a line (CRLF is a row, then an empty line `ParseState.endRow` skips).
///
/// libcsv keeps the state of a row it has begun: while it holds one (`libcsvHoldsRow`: a
/// quoted field open across lines, or a line a chunk's end cut), every byte up to that row's
/// end goes to libcsv too, and the split resumes at the next line libcsv has ended. Rows, line
/// numbers and errors are exactly libcsv's (`QuoteFreeLinesTests` compares both on random
/// text cut into random chunks).
enum QuoteFreeLines {
    /// The delimiters the split is written for (those `Delimiter.sniff` finds); with any
    /// other, libcsv reads every line.
    static let delimiters: Set<UInt8> = [UInt8(ascii: ";"), UInt8(ascii: ","), 0x09, UInt8(ascii: "|")]

    static let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
}

extension CSVParser {
    /// `parse` with quote-free lines split here; false on a quoting error (libcsv's).
    func parseLines(_ base: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        // The next quote and CR at or after `i` (`n` when there is none), searched again only
        // once passed: most chunks have neither.
        var nextQuote = -1, nextCR = -1
        var i = 0
        while i < n {
            if nextCR < i { nextCR = position(of: QuoteFreeLines.cr, base, from: i, to: n) }
            let end = position(of: QuoteFreeLines.lf, base, from: i, to: nextCR)   // the line's CR or LF, or n
            let through = end < n ? end + 1 : n
            if libcsvHoldsRow {
                let ended = state.pointee.rowsEnded
                guard libcsv(base + i, through - i) else { return false }
                // Only the last byte handed over can end the row: the line's terminator.
                if state.pointee.rowsEnded != ended { libcsvHoldsRow = false }
                i = through
                continue
            }
            if nextQuote < i { nextQuote = position(of: QuoteFreeLines.quote, base, from: i, to: n) }
            if end == n || nextQuote < end {
                // A line the chunk cuts, or one with a quote: libcsv's, from its start.
                let ended = state.pointee.rowsEnded
                guard libcsv(base + i, through - i) else { return false }
                libcsvHoldsRow = state.pointee.rowsEnded == ended
                i = through
                continue
            }
            split(base, from: i, to: end)
            state.pointee.endRow(Int32(base[end]))
            i = end + 1
        }
        return true
    }

    /// The fields of the quote-free line `base[from..<to]` (none when it is all spaces).
    private func split(_ base: UnsafePointer<UInt8>, from: Int, to: Int) {
        let d = delimiter
        var start = from
        while start < to, isSpace(base[start]) { start += 1 }
        if start == to { return }   // an empty line
        start = from
        while true {
            let stop = position(of: d, base, from: start, to: to)
            var lo = start, hi = stop
            while lo < hi, isSpace(base[lo]) { lo += 1 }
            while hi > lo, isSpace(base[hi - 1]) { hi -= 1 }
            state.pointee.addField(base + lo, hi - lo, mayBreakLines: false)
            if stop == to { return }
            start = stop + 1
        }
    }

    /// libcsv's default spaces: a space, or a tab that does not separate fields.
    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b == 0x09 && delimiter != 0x09) }

    /// The offset of the first `byte` in `base[from..<to]`, or `to`.
    @inline(__always) private func position(of byte: UInt8, _ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let p = memchr(base + from, Int32(byte), to - from) else { return to }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(p))
    }
}
