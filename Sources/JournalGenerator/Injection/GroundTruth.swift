import Foundation

/// One row of `ground_truth.csv`: an injected violation and the stable key of the entity.
public struct GroundTruthEntry: Hashable, Sendable {
    public var kind: ViolationKind
    /// `group|subgroup|subject|date|no` (lesson), `group|subject|date|no|student` (cell, change),
    /// `group|subject|period|student` (student × subject × period).
    public var key: String
    public var group: String
    public var subgroup: String
    public var subject: String
    /// `dd.mm.yyyy`, empty for period kinds.
    public var lessonDate: String
    public var lessonNumber: Int?
    public var student: String
    public var period: String
}

/// Reads the ground truth the generator wrote, for accuracy tests that compare findings with it.
///
///     let truth = try GroundTruth.read(folder: "out/gen-small")
///     let late = truth.filter { $0.kind == .markLate }.map(\.key)
public enum GroundTruth {
    public static let fileName = "ground_truth.csv"

    public static func read(folder: String) throws -> [GroundTruthEntry] {
        let path = folder + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else { throw GroundTruthError.unreadable(path) }
        var result: [GroundTruthEntry] = []
        for (n, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where n > 0 {
            let f = line.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard f.count == GroundTruthWriter.header.count, let kind = ViolationKind(rawValue: f[0]) else {
                throw GroundTruthError.badLine(path, n + 1)
            }
            result.append(GroundTruthEntry(kind: kind, key: f[1], group: f[2], subgroup: f[3], subject: f[4], lessonDate: f[5],
                                           lessonNumber: Int(f[6]), student: f[7], period: f[8]))
        }
        return result
    }
}

public enum GroundTruthError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case badLine(String, Int)

    public var description: String {
        switch self {
        case .unreadable(let p): "не удалось прочитать «\(p)»"
        case .badLine(let p, let n): "\(p):\(n): строка эталона нарушений не разобрана"
        }
    }
}
