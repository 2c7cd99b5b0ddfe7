/// A mark written as a decimal with a zero fraction — «5.0», «4,00» — is the mark «5», «4».
///
/// Journals take marks from a list; no teacher types «5.0». The form comes from the way to the
/// file: a column of marks read into a spreadsheet or a script (pandas writes an integer column
/// with one empty cell as floats) and saved back. Read as typed, every such mark was an
/// unrecognised value — a finding against the teacher («значение клетки не отметка»). Only a
/// zero fraction is read so: «4.5» stays as written (a value the rules report as unrecognised).
enum DecimalMark {
    /// The integral mark `s` writes, or nil when `s` is not a decimal with a zero fraction.
    static func integral(_ s: String) -> String? {
        let u = Array(s.utf8)
        guard let sep = u.firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }),
              (1...2).contains(sep), sep + 1 < u.count,
              u[..<sep].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              u[(sep + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
        return String(decoding: u[..<sep], as: UTF8.self)
    }
}
