import Findings
import Foundation
import JournalModel

/// A finding as the bytes `JSONEncoder` (`.sortedKeys`, `.withoutEscapingSlashes`) writes for
/// it, without the encoder: a year's report has tens of thousands of findings, and the generic
/// encoder spent more time on them than the rules that found them. `FindingJSONTests` holds the
/// two byte for byte equal on findings with every kind of text.
enum FindingJSON {
    static func append(_ f: Finding, to out: inout [UInt8]) {
        // Keys in the order .sortedKeys gives; nil optionals omitted, as the encoder does.
        out.append(UInt8(ascii: "{"))
        key("area", first: true, &out); string(f.area.rawValue, &out)
        key("clause", &out); string(f.clause, &out)
        if let d = f.date { key("date", &out); string(d.iso, &out) }
        if let s = f.delaySeconds { key("delaySeconds", &out); out.append(contentsOf: String(s).utf8) }
        key("document", &out); string(f.document, &out)
        if let t = f.due { key("due", &out); string(t.iso, &out) }
        key("evidence", &out)
        out.append(UInt8(ascii: "["))
        for (i, e) in f.evidence.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            key("label", first: true, &out); string(e.label, &out)
            key("value", &out); string(e.value, &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        if let s = f.expected { key("expected", &out); string(s, &out) }
        if let s = f.found { key("found", &out); string(s, &out) }
        if let s = f.group { key("group", &out); string(s, &out) }
        key("key", &out); string(f.key, &out)
        key("message", &out); string(f.message, &out)
        key("ruleId", &out); string(f.ruleId, &out)
        key("severity", &out); string(f.severity.rawValue, &out)
        if let s = f.student { key("student", &out); string(s, &out) }
        if let s = f.subject { key("subject", &out); string(s, &out) }
        if let s = f.teacher { key("teacher", &out); string(s, &out) }
        out.append(UInt8(ascii: "}"))
    }

    private static func key(_ k: StaticString, first: Bool = false, _ out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string: `"` and `\` escaped, control characters as \b \f \n \r \t or \u00XX,
    /// everything else (slashes, DEL, all of Unicode) as its UTF-8 bytes.
    static func string(_ s: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                start = i + 1
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    out.append(contentsOf: Array("\\u00".utf8))
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 0x0F)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
