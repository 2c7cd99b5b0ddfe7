import Foundation
import JournalModel

/// A generated table read back: the generator never quotes, so splitting on `;` is exact.
struct CSVTable {
    let header: [String]
    let rows: [[String]]

    /// Reads (once per test run; the suites share parsed tables) a generated table.
    init(_ path: String) throws {
        if let cached = CSVTable.cached(path) { self = cached; return }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { line in
            line.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        header = lines.removeFirst()
        rows = lines
        CSVTable.store(self, path)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: CSVTable] = [:]
    private static func cached(_ path: String) -> CSVTable? { lock.withLock { cache[path] } }
    private static func store(_ t: CSVTable, _ path: String) { lock.withLock { cache[path] = t } }

    func column(_ name: String) -> Int {
        guard let i = header.firstIndex(of: name) else { preconditionFailure("no column \(name) in \(header)") }
        return i
    }
}

func date(_ s: String) -> LocalDate? { DateParsing.date(s) }
func stamp(_ s: String) -> LocalDateTime? { DateParsing.timestamp(s)?.local }
func minutes(_ s: String) -> Int? { DateParsing.time(s).map { Int($0.seconds) / 60 } }
