import Foundation
import ZIPFoundation

/// An archive entry's name as the user saw it. Windows' «Отправить → Сжатая ZIP-папка» writes
/// Russian names in code page 866 without the UTF-8 flag (ZIPFoundation then reads them as
/// code page 437: «ÄÆ¼ÑΓ¬¿»); other archivers write UTF-8 with or without the flag.
enum ZipNames {
    static func name(of entry: Entry) -> String {
        // Latin-1 maps each byte to one character: the raw bytes of the name.
        let raw = Data(entry.path(using: .isoLatin1).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        if let utf8 = String(data: raw, encoding: .utf8) { return utf8 }
        return cp866(raw)
    }

    /// Code page 866 (DOS Cyrillic): ASCII, А–п at 0x80–0xAF, р–я at 0xE0–0xEF, Ё/ё at 0xF0/0xF1;
    /// the box-drawing characters a file name does not hold become «_».
    static func cp866(_ bytes: Data) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32
            switch b {
            case 0x00...0x7F: v = UInt32(b)
            case 0x80...0xAF: v = 0x0410 + UInt32(b - 0x80)
            case 0xE0...0xEF: v = 0x0440 + UInt32(b - 0xE0)
            case 0xF0: v = 0x0401
            case 0xF1: v = 0x0451
            default: v = 0x5F
            }
            if let u = Unicode.Scalar(v) { s.append(u) }
        }
        return String(s)
    }
}
