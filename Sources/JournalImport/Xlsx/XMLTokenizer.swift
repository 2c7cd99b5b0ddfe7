/// A streaming tokenizer for the XML of workbook parts: start and end tags with their byte
/// ranges, and text between tags. It never expands entities it does not know (no DTD), so a
/// hostile file cannot make it allocate without bound.
///
///     var x = XMLTokenizer()
///     x.append(bytes)                        // as the ZIP entry inflates
///     while let t = x.next() { … }           // nil: the rest is an incomplete token
///     x.compact()                            // drop what was consumed, keep the tail
///
/// Names are compared without their namespace prefix (`x:row` is `row`).
struct XMLTokenizer {
    enum Token {
        /// `<name attributes>` or `<name attributes/>`.
        case start(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
        case end(name: Range<Int>)
        /// Text between tags (entities still escaped; see `XMLText`); CDATA content is `cdata`.
        case text(Range<Int>)
        case cdata(Range<Int>)
    }

    enum Failure: Error { case malformed(String) }

    private(set) var buffer: [UInt8] = []
    private(set) var position = 0

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes.bindMemory(to: UInt8.self))
    }

    mutating func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// Drops the consumed bytes (ranges of earlier tokens become invalid).
    mutating func compact() {
        if position == 0 { return }
        if position >= buffer.count { buffer.removeAll(keepingCapacity: true) } else { buffer.removeSubrange(0..<position) }
        position = 0
    }

    /// The next complete token, or nil when the buffer ends inside one (append more) or is used up.
    /// `final`: no more input will come, so trailing text is a token.
    mutating func next(final: Bool = false) throws(Failure) -> Token? {
        while true {
            let n = buffer.count
            guard position < n else { return nil }
            let start = position
            let (token, consumed) = try buffer.withUnsafeBufferPointer { (b) throws(Failure) -> (Token?, Int?) in
                try Self.scan(b, start, final: final)
            }
            guard let consumed else { return nil }
            position = consumed
            if let token { return token }
        }
    }

    /// The token at `start` and where it ends; (nil, end) for a skipped comment or declaration;
    /// (nil, nil) when the token is incomplete.
    private static func scan(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, final: Bool) throws(Failure) -> (Token?, Int?) {
        let n = b.count
        func incomplete() throws(Failure) -> (Token?, Int?) {
            if final { throw .malformed("документ обрывается внутри тега") }
            return (nil, nil)
        }
        if b[start] != 0x3C {   // text up to the next '<'
            var i = start
            while i < n, b[i] != 0x3C { i += 1 }
            if i == n && !final { return (nil, nil) }
            return (.text(start..<i), i)
        }
        guard start + 1 < n else { return try incomplete() }
        let c = b[start + 1]
        if c == 0x21 {   // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE …>
            if hasPrefix(b, start, "<!--") {
                guard let e = find(b, from: start + 4, "-->") else { return try incomplete() }
                return (nil, e + 3)
            }
            if hasPrefix(b, start, "<![CDATA[") {
                guard let e = find(b, from: start + 9, "]]>") else { return try incomplete() }
                return (.cdata((start + 9)..<e), e + 3)
            }
            guard let e = find(b, from: start + 2, ">") else { return try incomplete() }
            return (nil, e + 1)
        }
        if c == 0x3F {   // <? … ?>
            guard let e = find(b, from: start + 2, "?>") else { return try incomplete() }
            return (nil, e + 2)
        }
        // A tag: find its '>' outside attribute quotes.
        var i = start + 1
        var quote: UInt8 = 0
        while i < n {
            let ch = b[i]
            if quote != 0 { if ch == quote { quote = 0 } }
            else if ch == 0x22 || ch == 0x27 { quote = ch }
            else if ch == 0x3E { break }
            i += 1
        }
        guard i < n else { return try incomplete() }
        if c == 0x2F {   // </name>
            var e = i
            while e > start + 2, isSpace(b[e - 1]) { e -= 1 }
            return (.end(name: localName(b, (start + 2)..<e)), i + 1)
        }
        var nameEnd = start + 1
        while nameEnd < i, !isSpace(b[nameEnd]), b[nameEnd] != 0x2F { nameEnd += 1 }
        let selfClosing = b[i - 1] == 0x2F
        let attrEnd = selfClosing ? i - 1 : i
        return (.start(name: localName(b, (start + 1)..<nameEnd), attributes: nameEnd..<max(nameEnd, attrEnd),
                       selfClosing: selfClosing), i + 1)
    }

    /// The name without its namespace prefix.
    static func localName(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var i = r.upperBound
        while i > r.lowerBound { if b[i - 1] == 0x3A { return i..<r.upperBound }; i -= 1 }
        return r
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard at + n <= b.count else { return false }
        let p = s.utf8Start
        for k in 0..<n where b[at + k] != p[k] { return false }
        return true
    }

    static func find(_ b: UnsafeBufferPointer<UInt8>, from: Int, _ s: StaticString) -> Int? {
        let n = s.utf8CodeUnitCount
        let first = s.utf8Start[0]
        var i = from
        while i + n <= b.count {
            if b[i] == first, hasPrefix(b, i, s) { return i }
            i += 1
        }
        return nil
    }

    // MARK: Reading tokens

    /// True when the bytes at `r` are `name`.
    func `is`(_ r: Range<Int>, _ name: StaticString) -> Bool {
        guard r.count == name.utf8CodeUnitCount else { return false }
        return buffer.withUnsafeBufferPointer { Self.hasPrefix($0, r.lowerBound, name) }
    }

    /// Calls `body` with each attribute's local name and raw value (one pass over the tag).
    func forEachAttribute(in attributes: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Range<Int>) -> Void) {
        buffer.withUnsafeBufferPointer { b in
            var i = attributes.lowerBound
            let end = attributes.upperBound
            while i < end {
                while i < end, Self.isSpace(b[i]) { i += 1 }
                let nameStart = i
                while i < end, b[i] != 0x3D, !Self.isSpace(b[i]) { i += 1 }
                let attrName = Self.localName(b, nameStart..<i)
                while i < end, b[i] != 0x22, b[i] != 0x27 { i += 1 }
                guard i < end else { return }
                let q = b[i]
                let valueStart = i + 1
                i = valueStart
                while i < end, b[i] != q { i += 1 }
                body(b, attrName, valueStart..<min(i, end))
                i += 1
            }
        }
    }

    /// The raw (still escaped) value of attribute `name` in `attributes`, by local name.
    func attribute(_ name: StaticString, in attributes: Range<Int>) -> Range<Int>? {
        buffer.withUnsafeBufferPointer { b -> Range<Int>? in
            var i = attributes.lowerBound
            let end = attributes.upperBound
            while i < end {
                while i < end, Self.isSpace(b[i]) { i += 1 }
                let nameStart = i
                while i < end, b[i] != 0x3D, !Self.isSpace(b[i]) { i += 1 }
                let attrName = Self.localName(b, nameStart..<i)
                while i < end, b[i] != 0x22, b[i] != 0x27 { i += 1 }
                guard i < end else { return nil }
                let q = b[i]
                let valueStart = i + 1
                i = valueStart
                while i < end, b[i] != q { i += 1 }
                let value = valueStart..<min(i, end)
                i += 1
                if attrName.count == name.utf8CodeUnitCount, Self.hasPrefix(b, attrName.lowerBound, name) { return value }
            }
            return nil
        }
    }

    /// Attribute `name` as text (entities decoded).
    func attributeText(_ name: StaticString, in attributes: Range<Int>) -> String? {
        guard let r = attribute(name, in: attributes) else { return nil }
        var out: [UInt8] = []
        buffer.withUnsafeBufferPointer { XMLText.unescape(UnsafeBufferPointer(rebasing: $0[r]), into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Attribute `name` as a non-negative integer.
    func attributeInt(_ name: StaticString, in attributes: Range<Int>) -> Int? {
        guard let r = attribute(name, in: attributes), !r.isEmpty, r.count <= 18 else { return nil }
        return buffer.withUnsafeBufferPointer { b -> Int? in
            var v = 0
            for i in r { let c = b[i]; guard c >= 0x30, c <= 0x39 else { return nil }; v = v * 10 + Int(c - 0x30) }
            return v
        }
    }
}
