import Foundation
import JournalModel

/// A generated table read back: the generator never quotes, so splitting on `;` is exact.
struct CSVTable {
    let header: [String]
    let rows: [[String]]

    init(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let head = lines.removeFirst()
        header = head.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        rows = lines.map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
    }

    func column(_ name: String) -> Int {
        guard let i = header.firstIndex(of: name) else { preconditionFailure("no column \(name) in \(header)") }
        return i
    }
}

func date(_ s: String) -> LocalDate? { DateParsing.date(s) }
func stamp(_ s: String) -> LocalDateTime? { DateParsing.timestamp(s)?.local }
func minutes(_ s: String) -> Int? { DateParsing.time(s).map { Int($0.seconds) / 60 } }
