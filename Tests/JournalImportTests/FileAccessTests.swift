import Foundation
import Testing
import FileAccess
#if canImport(Glibc)
import Glibc
#endif

/// Inputs are read only from regular files (a FIFO would block, a device never end) and within
/// a size; outputs with personal data are 0600, written whole, and only over a regular file.
@Suite struct FileAccessTests {
    func folder() throws -> String {
        let p = NSTemporaryDirectory() + "zhurnal-fa-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        return p
    }

    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aPrivateFileIsOwnerOnlyAndReplacesAnOlderWorldReadableOne() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/отчёт.json"
        try Data("старый".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try PrivateFile.write(Data("новый".utf8), to: path)
        #expect(mode(path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "новый")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["отчёт.json"])
    }

    @Test func aSymbolicLinkOrADeviceOrAFifoIsNotWrittenThrough() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let victim = dir + "/чужой.txt"
        try Data("не трогать".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: victim)
        #expect(throws: FileAccessError.self) { try PrivateFile.write(Data("x".utf8), to: dir + "/link.json") }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "не трогать")
        #expect(FileKind.of(dir + "/link.json", followingLinks: false) == .symlink)
        #expect(PrivateFile.problem("/dev/null")?.id == "file.not-regular")
        #expect(mkfifo(dir + "/pipe", 0o600) == 0)
        #expect(PrivateFile.problem(dir + "/pipe")?.id == "file.not-regular")
        #expect(PrivateFile.problem(dir)?.id == "file.directory")
        #expect(PrivateFile.problem(dir + "/нет/x.json")?.id == "file.folder-missing")
        // Nothing left behind by the refusals.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir)) == ["чужой.txt", "link.json", "pipe"])
    }

    @Test func onlyRegularFilesAreReadAndWithinTheLimit() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/pipe.rules", 0o600) == 0)
        // A FIFO with no writer would block a plain open(2); here it is refused at once.
        let start = Date()
        do { _ = try InputFile.read(dir + "/pipe.rules"); Issue.record("read a FIFO") } catch {
            #expect(error.id == "file.not-regular")
            #expect(error.message.contains("именованный канал FIFO"))
        }
        #expect(Date().timeIntervalSince(start) < 2)
        do { _ = try InputFile.read("/dev/zero"); Issue.record("read /dev/zero") } catch { #expect(error.id == "file.not-regular") }
        do { _ = try InputFile.read(dir + "/нет.rules"); Issue.record("read a missing file") } catch { #expect(error.id == "file.missing") }
        try Data(repeating: 0x41, count: 2048).write(to: URL(fileURLWithPath: dir + "/big.txt"))
        do { _ = try InputFile.read(dir + "/big.txt", limit: 1024); Issue.record("read past the limit") } catch { #expect(error.id == "file.too-large") }
        #expect(try InputFile.read(dir + "/big.txt", limit: 4096).count == 2048)
        // A byte-order mark is dropped from text; bytes that are not UTF-8 are an error.
        try Data([0xEF, 0xBB, 0xBF] + Array("правило".utf8)).write(to: URL(fileURLWithPath: dir + "/bom.txt"))
        #expect(try InputFile.text(dir + "/bom.txt") == "правило")
        try Data([0xCF, 0xF0]).write(to: URL(fileURLWithPath: dir + "/cp.txt"))
        do { _ = try InputFile.text(dir + "/cp.txt"); Issue.record("read cp1251 as UTF-8") } catch { #expect(error.id == "file.encoding") }
    }
}
