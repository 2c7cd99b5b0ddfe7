import Foundation
import Testing
@testable import JournalImport
import JournalModel

/// A large file is parsed on a second thread (`ChunkPipeline`): the rows, their line numbers
/// and the error that stops a file must be exactly those of the one-thread read, whatever the
/// chunk size (tiny chunks put every kind of boundary — inside quotes, between CR and LF —
/// at a chunk's edge).
@Suite struct CSVPipelineTests {
    struct Read: Equatable {
        var rows: [[String]] = []
        var lines: [Int] = []
        var error: String?
    }

    func read(_ path: String, chunk: Int, pipelined: Bool) -> Read {
        var out = Read()
        do {
            let reader = try CSVFileReader(path: path, displayName: "f.csv", chunkSize: chunk, pipelineFrom: pipelined ? 0 : .max)
            try reader.read { (r: CSVRow) throws(ImportFailure) in
                out.rows.append(try r.texts())
                out.lines.append(r.line)
            }
        } catch {
            out.error = "\(error.diagnostic.id) \(error.diagnostic.location?.line ?? 0)"
        }
        return out
    }

    /// Rows and lines read off the text: the header on 1, a quoted field spanning 2–3, a blank
    /// line 4, the last row on 5 (CRLF line ends throughout).
    @Test func rowsAndLinesAreTheFilesAtEveryChunkSize() throws {
        let t = TempDir()
        let p = try t.write("a.csv", "a;b\r\n\"x\ny\";2\r\n\r\nlast;\"q\"\"uote\"\r\n")
        for chunk in [1, 2, 3, 5, 64, 1 << 20] {
            let r = read(p, chunk: chunk, pipelined: true)
            #expect(r.rows == [["a", "b"], ["x\ny", "2"], ["last", "q\"uote"]], "chunk \(chunk)")
            #expect(r.lines == [1, 2, 5], "chunk \(chunk)")
            #expect(r.error == nil)
        }
    }

    /// A quote left open at the end: the two complete rows, then the quote error on line 3,
    /// where the open row starts.
    @Test func anOpenQuoteStopsAfterTheRowsBeforeIt() throws {
        let t = TempDir()
        let p = try t.write("q.csv", "h1;h2\n1;2\n3;\"open\n4;5\n")
        for chunk in [1, 4, 1 << 20] {
            let r = read(p, chunk: chunk, pipelined: true)
            #expect(r.rows == [["h1", "h2"], ["1", "2"]], "chunk \(chunk)")
            #expect(r.error == "import.quotes 3", "chunk \(chunk)")
        }
        // A character after a closing quote, mid-file: the rows of lines 1–2, then line 3.
        let mid = try t.write("m.csv", "h;i\n1;2\n\"b\"x;c\n5;6\n")
        for chunk in [1, 3, 1 << 20] {
            let r = read(mid, chunk: chunk, pipelined: true)
            #expect(r.rows == [["h", "i"], ["1", "2"]], "chunk \(chunk)")
            #expect(r.error == "import.quotes 3", "chunk \(chunk)")
        }
    }

    /// Many shapes of rows, UTF-8 and Windows-1251: the pipelined read equals the one-thread read.
    @Test func pipelinedEqualsSequential() throws {
        let t = TempDir()
        var text = "Группа;Текст;Число\r\n"
        for i in 0..<400 {
            switch i % 6 {
            case 0: text += "7б;\"две\r\nстроки \(i)\";\(i)\r\n"
            case 1: text += "\r\n"
            case 2: text += "8а;\"кавычка \"\"\(i)\"\"\";\n"
            case 3: text += ";;\n"
            case 4: text += "9в;текст \(i) без кавычек;\(i)\r"
            default: text += "10г;\"разделитель ; внутри\";\(i)\n"
            }
        }
        let utf8 = try t.write("u.csv", text)
        let w1251 = try t.write("w.csv", bytes: cp1251(text))
        for path in [utf8, w1251] {
            // (The first chunk is what the encoding is sniffed from: at least 2 bytes.)
            for chunk in [2, 7, 64, 4096] {
                let seq = read(path, chunk: chunk, pipelined: false)
                let par = read(path, chunk: chunk, pipelined: true)
                #expect(seq == par, "\(path) chunk \(chunk)")
                // i ≡ 1 (mod 6) is an empty line and i ≡ 3 a row of empty fields: 67 of each below 400.
                #expect(seq.rows.count == 1 + 400 - 67 - 67 && seq.error == nil, "\(path) chunk \(chunk): \(seq.rows.count) \(seq.error ?? "")")
            }
        }
    }

    /// The reader stops taking rows (a fatal row): its error is the one thrown, at once, and the
    /// parsing thread lets go of the file.
    @Test func aStopByTheReaderEndsTheParse() throws {
        let t = TempDir()
        var text = "a;b\n"
        for i in 0..<5000 { text += "\(i);x\n" }
        let p = try t.write("s.csv", text)
        let reader = try CSVFileReader(path: p, displayName: "s.csv", chunkSize: 16, pipelineFrom: 0)
        var seen = 0
        do {
            try reader.read { (r: CSVRow) throws(ImportFailure) in
                seen += 1
                if r.line == 100 {
                    throw ImportFailure(Diagnostic(id: "test.stop", location: SourceLocation(file: "s.csv", line: r.line, column: 1), message: "стоп"))
                }
            }
            Issue.record("the reader's error was not thrown")
        } catch {
            #expect(error.diagnostic.id == "test.stop")
        }
        #expect(seen == 100)
    }
}
