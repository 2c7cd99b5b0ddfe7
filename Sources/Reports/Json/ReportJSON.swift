import FileAccess
import Foundation
import Findings
import JournalModel

/// Writes a `CheckReport` as JSON without building the whole document in memory: each
/// outcome, finding and coverage row is encoded on its own and streamed to a temporary file
/// that is renamed into place when complete (nothing half-written is left behind).
///
///     try ReportJSON.write(report, to: "out/findings.json")
///
/// The document is the same object `JSONEncoder` would produce for `CheckReport` (keys sorted),
/// one array element per line.
public enum ReportJSON {
    public struct WriteError: Error, Sendable {
        /// Russian, for the user.
        public var message: String
    }

    public static func write(_ report: CheckReport, to path: String) throws(WriteError) {
        // Personal data: a 0600 temporary file beside the target, renamed over a regular file only.
        let temp: URL
        do { temp = URL(fileURLWithPath: try PrivateFile.temporary(beside: path)) } catch {
            throw WriteError(message: "не удалось записать \(error.message)")
        }
        guard let handle = try? FileHandle(forWritingTo: temp) else {
            PrivateFile.discard(temp.path)
            throw WriteError(message: "не удалось создать \(path) — проверьте, что папка существует и в неё можно писать")
        }
        do {
            var out = BufferedOutput(handle: handle)
            try stream(report, into: &out)
            try out.flush()
            try handle.close()
            // rename(2) replaces an earlier file atomically; FileManager.replaceItemAt on Linux
            // failed on an existing file and removed it (a second `check --json` lost the first).
            do { try PrivateFile.commit(temp.path, to: path) } catch { throw WriteError(message: error.reason) }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temp)
            let why = (error as? WriteError)?.message ?? error.localizedDescription
            throw WriteError(message: "не удалось записать \(path): \(why)")
        }
    }

    static func stream(_ r: CheckReport, into out: inout BufferedOutput) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func value<T: Encodable>(_ v: T) throws -> Data { try enc.encode(v) }
        func array<T: Encodable>(_ items: [T]) throws {
            out.append("[")
            for (i, item) in items.enumerated() {
                out.append(i == 0 ? "\n  " : ",\n  ")
                out.append(try value(item))
                try out.flushIfFull()
            }
            out.append(items.isEmpty ? "]" : "\n]")
        }
        // Keys in sorted order, as JSONEncoder's .sortedKeys writes them; nil optionals omitted.
        out.append("{\n")
        if let t = r.asOf { out.append("\"asOf\": "); out.append(try value(t)); out.append(",\n") }
        out.append("\"checkedAt\": "); out.append(try value(r.checkedAt))
        out.append(",\n\"coverage\": "); try array(r.coverage)
        out.append(",\n\"document\": "); out.append(try value(r.document))
        out.append(",\n\"findings\": [")
        try findings(r.findings, into: &out)
        out.append(r.findings.isEmpty ? "]" : "\n]")
        if let f = r.from { out.append(",\n\"from\": "); out.append(try value(f)) }
        if let g = r.group { out.append(",\n\"group\": "); out.append(try value(g)) }
        out.append(",\n\"institution\": "); out.append(try value(r.institution))
        out.append(",\n\"outcomes\": "); try array(r.outcomes)
        out.append(",\n\"packId\": "); out.append(try value(r.packId))
        out.append(",\n\"packTitle\": "); out.append(try value(r.packTitle))
        if let t = r.to { out.append(",\n\"to\": "); out.append(try value(t)) }
        out.append("\n}\n")
    }

    /// Findings per block: two blocks are encoded at once (`ParallelPair`), then written in
    /// order — a college's 26,000 findings (40 MB) took a tenth of a second on one thread.
    static let findingsPerBlock = 2048

    /// The findings array's elements, each on its own line, the first without a comma.
    static func findings(_ all: [Finding], into out: inout BufferedOutput) throws {
        func encode(_ range: Range<Int>) -> [UInt8] {
            var bytes: [UInt8] = []
            for i in range {
                bytes.append(contentsOf: (i == 0 ? "\n  " : ",\n  ").utf8)
                FindingJSON.append(all[i], to: &bytes)
            }
            return bytes
        }
        var start = 0
        while start < all.count {
            let mid = min(start + findingsPerBlock, all.count), end = min(mid + findingsPerBlock, all.count)
            var first: [UInt8] = [], second: [UInt8] = []
            ParallelPair.run({ first = encode(start..<mid) }, { second = encode(mid..<end) })
            out.append(first)
            out.append(second)
            try out.flushIfFull()
            start = end
        }
    }
}

/// Collects output and writes it to a file handle in 1 MB blocks.
struct BufferedOutput {
    let handle: FileHandle
    var buffer = Data()
    static let blockSize = 1 << 20

    mutating func append(_ s: String) { buffer.append(contentsOf: s.utf8) }
    mutating func append(_ d: Data) { buffer.append(d) }
    mutating func append(_ b: [UInt8]) { buffer.append(contentsOf: b) }

    mutating func flushIfFull() throws {
        if buffer.count >= BufferedOutput.blockSize { try flush() }
    }

    mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
