import Foundation
import JournalModel

/// Weekly re-exports of the change history, as a school that exports its journal every week
/// keeps them: `изменения-по-неделям/изменения-ДД.ММ.ГГГГ.csv` for each of the first
/// `weeks` Sundays of the year, each holding every change made up to that Sunday (the rows of
/// earlier weeks again, and the new ones). Importing them with `изменения.csv` must record
/// each change once: the ground truth is unchanged by them.
final class ChangeReexports {
    static let folderName = "изменения-по-неделям"
    static let weeks = 8
    private let header: [String]
    private var rows: [(fields: [String], at: Stamp)] = []

    init(header: String) { self.header = header.split(separator: ";").map(String.init) }

    func add(_ fields: [String], changedAt: Stamp) { rows.append((fields, changedAt)) }

    /// Writes the weekly files that hold at least one row; returns their writers (closed).
    func write(folder: String, yearStart: LocalDate, text: TextCache) throws -> [TableWriter] {
        var out: [TableWriter] = []
        var sunday = yearStart
        while sunday.weekday != 7 { sunday = sunday.adding(days: 1) }
        for w in 0..<Self.weeks {
            let end = Stamp(sunday.adding(days: 7 * w + 1), minute: 0)
            let week = rows.filter { $0.at < end }
            guard !week.isEmpty else { continue }
            if out.isEmpty { try FileManager.default.createDirectory(atPath: folder + "/" + Self.folderName, withIntermediateDirectories: true) }
            let name = folder + "/" + Self.folderName + "/изменения-" + text.date(sunday.adding(days: 7 * w)) + ".csv"
            let writer = try TableWriter(path: name, header: header)
            for r in week { writer.row(r.fields) }
            try writer.close()
            out.append(writer)
        }
        return out
    }
}
