/// How wide text is in the report's font (Calibri 11 pt; Carlito, its metric twin, on Linux),
/// so that wrapped rows get the height their text needs — no more, no less.
///
///     TextWidth.points("Отметка внесена")        // ≈ 80 pt
///     TextWidth.lines("…", columnWidth: 30)      // lines the text wraps to in a 30-character column
enum TextWidth {
    /// Advance widths in 1/2048 em of the printable ASCII characters (U+0020…U+007E).
    static let ascii: [UInt16] = [
        463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791,
        1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949,
        1831, 1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356,
        1058, 1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628, 791, 628, 1020, 1020,
        596, 981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080,
        1076, 1076, 714, 801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020,
    ]
    /// The same for А…я (U+0410…U+044F).
    static let cyrillic: [UInt16] = [
        1185, 1101, 1114, 880, 1319, 1000, 1640, 970, 1314, 1314, 1112, 1251, 1751, 1276, 1356, 1273,
        1058, 1092, 998, 1080, 1428, 1063, 1308, 1138, 1778, 1822, 1259, 1560, 1088, 1122, 1800, 1137,
        981, 1091, 981, 708, 1143, 1019, 1411, 866, 1107, 1107, 950, 1045, 1385, 1095, 1080, 1066,
        1076, 866, 793, 927, 1278, 887, 1109, 960, 1492, 1534, 1098, 1364, 962, 907, 1478, 971,
    ]

    /// Width of one character in 1/2048 em.
    static func units(_ ch: Character) -> Int {
        guard let s = ch.unicodeScalars.first else { return 1038 }
        let v = s.value
        switch v {
        case 0x20...0x7E: return Int(ascii[Int(v - 0x20)])
        case 0x410...0x44F: return Int(cyrillic[Int(v - 0x410)])
        case 0x401: return 1000
        case 0x451: return 1019
        case 0xAB, 0xBB: return 1049
        case 0x2014: return 1854
        case 0x2013: return 1020
        case 0x2026: return 1414
        case 0x2116: return 2099
        case 0xA0: return 463
        default: return 1100
        }
    }

    /// Width in points at `size` pt; bold text is about 4 % wider.
    static func points(_ text: Substring, size: Double = 11, bold: Bool = false) -> Double {
        var u = 0
        for ch in text { u += units(ch) }
        return Double(u) / 2048 * size * (bold ? 1.04 : 1)
    }

    /// A column `width` characters wide, in points, as Excel draws it (7 px per character + 5 px
    /// padding; 0.75 pt/px). Text is wrapped to this width: the narrower of the two programs.
    static func columnPoints(_ width: Double) -> Double { (width * 7 + 5).rounded(.down) * 0.75 }

    /// The same column as LibreOffice draws it (the default font's digit, 1038/2048 em, per
    /// character): about 6 % wider. Pages are fitted to this width: the wider of the two.
    static func printedColumnPoints(_ width: Double) -> Double { width * 1038 / 2048 * 11 + 3.75 }

    /// Lines `text` wraps to in a column `width` characters wide (words move to the next line
    /// whole; a word longer than the line is broken).
    static func lines(_ text: String, columnWidth width: Double, size: Double = 11, bold: Bool = false) -> Int {
        // The cell's inner margins take a few points on either side.
        let room = max(8, columnPoints(width) - 4)
        let space = points(" ", size: size, bold: bold)
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var lines = 1, used = 0.0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var w = points(word, size: size, bold: bold)
                if used > 0 && used + space + w <= room {
                    used += space + w
                    continue
                }
                if used > 0 { lines += 1; used = 0 }
                while w > room {   // a word wider than the column is broken across lines
                    lines += 1
                    w -= room
                }
                used = w
            }
            total += lines
        }
        return max(1, total)
    }
}
