import Foundation
import Testing

/// `zhurnal serve` refuses to open the journal to the network without a password.
@Suite struct ServeCLITests {
    @Test func anAddressOffTheLoopbackNeedsAPassword() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["serve", "--host", "0.0.0.0", "--port", "0", "--data", dir.appendingPathComponent("ws").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("адрес 0.0.0.0 доступен из сети: задайте пароль (--password или --password-file)"))
        // Nothing was made.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("ws").path))
    }

    @Test func theHelpListsServe() throws {
        let r = try CLIRunner.run(["--help"])
        #expect(r.stdout.contains("serve"))
        #expect(r.stdout.contains("Открыть программу в браузере"))
    }
}
