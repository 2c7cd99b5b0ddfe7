import Foundation
import JournalGenerator

/// Which rules of a pack report which generator kinds (`Fixtures/kind-map.csv`), and which
/// rules are left out of the comparison with a written reason (`Fixtures/exclusions.csv`).
///
/// A row says: the findings of `rules` (together) must equal the ground-truth entries of
/// `kinds` minus those also listed under `minusKinds` (a late test mark is both `mark_late` and
/// `test_mark_late`; a pack with its own term for tests reports it only under the test rule).
/// Every other rule of the pack must find nothing, on the clean and on the injected journal.
struct KindMapRow: Sendable {
    var pack: String
    var rules: Set<String>
    var kinds: [ViolationKind]
    var minusKinds: [ViolationKind]
    /// Non-empty: only ground-truth entries whose period name contains one of these `|`-separated
    /// texts (a pack that checks the marks of attestation periods is not compared on year marks).
    var periods: String
    var note: String
}

struct Exclusion: Sendable {
    var pack: String
    var rule: String
    var reason: String
}

enum AccuracyFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let packs = ["oosh14", "hexlet", "btotis", "peresvet5", "sosh30"]

    static func packPath(_ pack: String) -> String { repo + "/rules/" + pack + ".rules" }

    static func kindMap() throws -> [KindMapRow] {
        try rows("kind-map.csv", columns: 6).map { f in
            KindMapRow(pack: f[0], rules: Set(list(f[1])), kinds: try kinds(f[2]), minusKinds: try kinds(f[3]),
                       periods: f[4], note: f[5])
        }
    }

    static func exclusions() throws -> [Exclusion] {
        try rows("exclusions.csv", columns: 3).map { Exclusion(pack: $0[0], rule: $0[1], reason: $0[2]) }
    }

    private static func rows(_ name: String, columns: Int) throws -> [[String]] {
        let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        return try text.split(separator: "\n").dropFirst().map { line in
            // The last column is free text and may hold «;».
            let f = line.split(separator: ";", maxSplits: columns - 1, omittingEmptySubsequences: false).map(String.init)
            guard f.count == columns else { throw FixtureError.badLine(name, String(line)) }
            return f
        }
    }

    private static func list(_ s: String) -> [String] { s.split(separator: ",").map(String.init) }

    private static func kinds(_ s: String) throws -> [ViolationKind] {
        try list(s).map { k in
            guard let kind = ViolationKind(rawValue: k) else { throw FixtureError.unknownKind(k) }
            return kind
        }
    }
}

enum FixtureError: Error {
    case badLine(String, String)
    case unknownKind(String)
}
