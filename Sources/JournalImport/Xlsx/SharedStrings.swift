/// A workbook's shared string table (`xl/sharedStrings.xml`), kept as one UTF-8 buffer with
/// end offsets: a string costs its bytes and eight more, whatever the number of strings.
/// Rich-text runs are joined; phonetic runs (`rPh`) are not part of the text.
final class SharedStrings {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    var count: Int { ends.count }

    /// String `i` as bytes, valid inside `body`; nil when `i` is out of range.
    func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        guard i >= 0, i < ends.count else { return nil }
        let start = i == 0 ? 0 : ends[i - 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[i]])) }
    }

    /// Parses the part as it inflates.
    struct Parser {
        var xml = XMLTokenizer()
        var inItem = false
        var inText = false
        var phoneticDepth = 0
        var itemStart = 0

        mutating func feed(_ chunk: UnsafeRawBufferPointer, into table: SharedStrings, final: Bool) throws(XMLTokenizer.Failure) {
            xml.append(chunk)
            while let t = try xml.next(final: final) {
                switch t {
                case .start(let name, let attrs, let selfClosing):
                    if xml.is(name, "si") {
                        if selfClosing { table.ends.append(table.bytes.count) } else { inItem = true; itemStart = table.bytes.count }
                    } else if xml.is(name, "rPh") { phoneticDepth += selfClosing ? 0 : 1 }
                    else if xml.is(name, "t") { inText = !selfClosing && inItem && phoneticDepth == 0 }
                    else if xml.is(name, "sst"), let n = xml.attributeInt("uniqueCount", in: attrs) { table.ends.reserveCapacity(min(n, 1 << 22)) }
                case .end(let name):
                    if xml.is(name, "si") {
                        XMLText.unescapeOOXML(&table.bytes, from: itemStart)
                        table.ends.append(table.bytes.count)
                        inItem = false
                    } else if xml.is(name, "rPh") { phoneticDepth = max(0, phoneticDepth - 1) }
                    else if xml.is(name, "t") { inText = false }
                case .text(let r):
                    if inText { xml.buffer.withUnsafeBufferPointer { XMLText.unescape(UnsafeBufferPointer(rebasing: $0[r]), into: &table.bytes) } }
                case .cdata(let r):
                    if inText { xml.buffer.withUnsafeBufferPointer { table.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[r])) } }
                }
            }
            xml.compact()
        }
    }
}
