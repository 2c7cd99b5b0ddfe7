import FileAccess
import Foundation

/// Writes one `;`-separated UTF-8 table, buffered. The generator never puts `;`, quotes or line
/// breaks into a canonical field, so those tables need no quoting and every reader — ours,
/// DuckDB's, pandas' — sees the same fields; a field that would need it is quoted (RFC 4180).
final class TableWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var rows = 0
    private(set) var bytes = 0
    let path: String
    private let delimiter: UInt8

    /// Creates (truncates) `path` and writes `preamble` lines (verbatim) and the header row.
    init(path: String, header: [String], delimiter: Character = ";", preamble: [String] = [], bom: Bool = false) throws {
        // A generated journal has the shape of a real one (names, marks): owner-only, like one.
        guard let fd = try? PrivateFile.create(path) else { throw GeneratorError.cannotWrite(path) }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        self.path = path
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ";")
        buffer.reserveCapacity(1 << 20)
        if bom { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        for line in preamble { buffer.append(contentsOf: line.utf8); buffer.append(UInt8(ascii: "\n")) }
        row(header)
        rows = 0
    }

    /// How this table spells some of its columns (`Spellings`); empty: as given.
    var spellings: Spellings.Columns = [:]
    /// Columns written as two fields, split at the first space: a moment's date and its time
    /// (the header, given at `init`, names both).
    var splitAtSpace: Set<Int> = []

    func row(_ fields: [String]) {
        for (i, given) in fields.enumerated() {
            var f = spellings[i].map { $0(given) } ?? given
            if i > 0 { buffer.append(delimiter) }
            if splitAtSpace.contains(i) {
                let parts = f.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                buffer.append(contentsOf: parts[0].utf8)
                buffer.append(delimiter)
                f = parts.count > 1 ? String(parts[1]) : ""
            }
            if f.utf8.contains(where: { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) {
                // RFC 4180 quoting; the canonical tables never need it, the legacy `,` log may.
                buffer.append(UInt8(ascii: "\""))
                for b in f.utf8 {
                    if b == UInt8(ascii: "\"") { buffer.append(b) }
                    buffer.append(b)
                }
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer.append(contentsOf: f.utf8)
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        rows += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        bytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
    }
}

/// Errors the generator reports to the user (in Russian).
public enum GeneratorError: Error, CustomStringConvertible, Equatable {
    case cannotWrite(String)
    case badRate(Double)
    case badClasses(Int)
    case badPeriods

    public var description: String {
        switch self {
        case .cannotWrite(let p): "не удалось создать файл «\(p)»: проверьте, что папка существует и доступна для записи"
        case .badRate(let r): "доля нарушений --inject \(r) вне допустимого диапазона 0…0.1"
        case .badClasses(let n): "число классов (групп) --classes \(n): допустимо 1…30 для --size small и 1…120 для --size college"
        case .badPeriods: "--periods задаёт учебные периоды школы: только для --size small (у колледжа — семестры)"
        }
    }
}
