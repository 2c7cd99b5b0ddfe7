/// The text encodings a journal export comes in, and how they are recognised.
///
///     TextEncoding.sniff(Array("Дата;Тема".utf8))   // .utf8
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case cp1251 = "Windows-1251"

    /// What the first bytes of a file tell: an encoding, or why none fits.
    public enum Sniffed: Equatable, Sendable {
        case encoding(TextEncoding)
        case unsupported(String)
    }

    /// Decides the encoding from a file's first bytes (a prefix: a multi-byte UTF-8 sequence may
    /// be cut at its end).
    public static func sniff(_ bytes: [UInt8]) -> Sniffed {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .encoding(.utf8BOM) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .unsupported("файл в кодировке UTF-16; сохраните его в UTF-8 или Windows-1251")
        }
        if bytes.contains(0) { return .unsupported("файл содержит нулевые байты — это не текстовый CSV") }
        if isValidUTF8Prefix(bytes) { return .encoding(.utf8) }
        // Mostly UTF-8 with a stray bad byte (a damaged export): read as UTF-8, so the bad byte
        // is reported at its own line and column, not as «not Windows-1251» at 1:1. Windows-1251
        // text almost never forms UTF-8 sequences (a capital letter followed by «ё» or «№»).
        let (valid, invalid) = utf8Sequences(bytes)
        if valid >= 8, valid >= 4 * invalid { return .encoding(.utf8) }
        // Windows-1251: letters А..я are 0xC0...0xFF; 0x98 is unassigned.
        var high = 0, letters = 0
        for b in bytes where b >= 0x80 {
            if b == 0x98 { return .unsupported("байт 0x98 не встречается ни в UTF-8, ни в Windows-1251") }
            high += 1
            if b >= 0xC0 || b == 0xA8 || b == 0xB8 { letters += 1 }
        }
        if high > 0, letters * 10 >= high * 7 { return .encoding(.cp1251) }
        return .unsupported("не удалось определить кодировку (ожидаются UTF-8 или Windows-1251)")
    }

    /// Counts of well-formed multi-byte UTF-8 sequences and of bytes that start none.
    static func utf8Sequences(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0, i = 0
        let n = bytes.count
        while i < n {
            let len = UTF8Text.sequenceLength(bytes, at: i)
            if len == 0 { invalid += 1; i += 1 } else { if len > 1 { valid += 1 }; i += len }
        }
        return (valid, invalid)
    }

    /// True when `bytes` is valid UTF-8, allowing a sequence cut at the very end.
    static func isValidUTF8Prefix(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let len: Int
            if b < 0x80 { i += 1; continue }
            else if b & 0xE0 == 0xC0, b >= 0xC2 { len = 2 }
            else if b & 0xF0 == 0xE0 { len = 3 }
            else if b & 0xF8 == 0xF0, b <= 0xF4 { len = 4 }
            else { return false }
            var k = 1
            while k < len {
                if i + k >= n { return true }   // cut at the end of the prefix
                if bytes[i + k] & 0xC0 != 0x80 { return false }
                k += 1
            }
            i += len
        }
        return true
    }
}
