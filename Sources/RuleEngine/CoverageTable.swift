import FileAccess
import Foundation
import JournalModel
import Findings
import RuleLanguage

/// Reads `<pack>.coverage.csv`: `;`-separated UTF-8, header `Пункт;Содержание;Статус;Правила;Причина`.
public enum CoverageTable {
    public static let header = ["Пункт", "Содержание", "Статус", "Правила", "Причина"]

    /// The coverage file that belongs to a pack file: `x.rules` → `x.coverage.csv`.
    public static func path(forPack pack: String) -> String {
        let url = URL(fileURLWithPath: pack)
        return url.deletingPathExtension().path + ".coverage.csv"
    }

    /// nil when the file does not exist; throws diagnostics for a malformed file.
    public static func read(path: String) throws -> [CoverageEntry]? {
        if FileKind.of(path) == .missing { return nil }
        let data: Data
        do { data = try InputFile.read(path) } catch {
            throw PackError(diagnostics: [Diagnostic(id: "rules.coverage", location: SourceLocation(file: path, line: 1, column: 1),
                                                     message: "таблица покрытия не читается: \(error.reason)")])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw PackError(diagnostics: [Diagnostic(id: "rules.coverage", location: SourceLocation(file: path, line: 1, column: 1),
                                                     message: "таблица покрытия не в кодировке UTF-8")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var out: [CoverageEntry] = []
        var diags: [Diagnostic] = []
        for (n, raw) in lines.enumerated() where !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            let f = fields(String(raw))
            let loc = SourceLocation(file: path, line: n + 1, column: 1)
            if n == 0 {
                if f.map({ $0.trimmingSpaces() }) != header {
                    diags.append(Diagnostic(id: "rules.coverage", location: loc, message: "заголовок таблицы покрытия должен быть «\(header.joined(separator: ";"))»",
                                            sourceLine: String(raw)))
                    break
                }
                continue
            }
            guard f.count >= 3 else {
                diags.append(Diagnostic(id: "rules.coverage", location: loc, message: "в строке меньше трёх столбцов", sourceLine: String(raw)))
                continue
            }
            guard let st = CoverageEntry.Status(rawValue: f[2].trimmingSpaces()) else {
                let line = String(raw)
                let col = line.range(of: f[2]).map { line.distance(from: line.startIndex, to: $0.lowerBound) + 1 } ?? 1
                diags.append(Diagnostic(id: "rules.coverage", location: SourceLocation(file: path, line: n + 1, column: col),
                                        message: "неизвестный статус «\(f[2])»", sourceLine: String(raw),
                                        hint: Suggestions.closest(to: f[2], among: CoverageEntry.Status.allCases.map(\.rawValue)).map { "возможно, «\($0)»?" }
                                            ?? "допустимо: " + CoverageEntry.Status.allCases.map(\.rawValue).joined(separator: "; ")))
                continue
            }
            let ids = f.count > 3 ? f[3].split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty } : []
            let reason = f.count > 4 ? f[4].trimmingSpaces() : ""
            out.append(CoverageEntry(clause: f[0].trimmingSpaces(), summary: f[1].trimmingSpaces(), status: st,
                                     ruleIds: ids, reason: reason.isEmpty ? nil : reason))
        }
        if !diags.isEmpty { throw PackError(diagnostics: diags) }
        return out
    }

    /// Splits one line on `;`, honouring double-quoted fields with `""` escapes.
    static func fields(_ line: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var quoted = false
        var it = Array(line)
        var i = 0
        while i < it.count {
            let c = it[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < it.count && it[i + 1] == "\"" { cur.append("\""); i += 1 } else { quoted = false }
                } else { cur.append(c) }
            } else if c == "\"" && cur.isEmpty {
                quoted = true
            } else if c == ";" {
                out.append(cur); cur = ""
            } else { cur.append(c) }
            i += 1
        }
        it.removeAll()
        out.append(cur)
        return out
    }
}
