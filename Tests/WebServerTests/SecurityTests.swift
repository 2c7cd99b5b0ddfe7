import Foundation
import Testing
@testable import WebServer
import Workflows

/// Off the loopback address the page needs a password and a login; every form needs its token.
@Suite struct SecurityTests {
    @Test func anotherAddressWithoutAPasswordIsRefused() async throws {
        let config = ServeConfiguration(host: "0.0.0.0", port: 8080, dataFolder: try temporaryFolder("nopass"))
        #expect(throws: WorkflowError.self) { try config.validate() }
        do { try config.validate() } catch { #expect(error.lines.joined().contains("задайте пароль (--password или --password-file)")) }
        #expect(throws: Never.self) { try ServeConfiguration(host: "127.0.0.1", dataFolder: "x").validate() }
        #expect(throws: Never.self) { try ServeConfiguration(host: "0.0.0.0", dataFolder: "x", password: "секрет").validate() }
    }

    @Test func withAPasswordEveryPageNeedsALogin() async throws {
        try await withWebApp("login", password: "правильный", host: "0.0.0.0") { browser, _ in
            for path in ["/journal", "/check", "/documents", "/rules", "/journal/imports/1/rejects.csv"] {
                let r = try await browser.get(path)
                #expect(r.status == .seeOther && r.location == "/login", "\(path)")
            }
            // A POST without a session is refused outright.
            let post = try await browser.post("/check", [("pack", "oosh14")], csrf: false)
            #expect(post.status == .unauthorized)
            let wrong = try await browser.post("/login", [("password", "неправильный")], csrf: false)
            #expect(wrong.status == .unauthorized)
            #expect(visibleText(wrong.text).contains("неверный пароль"))
            #expect(try await browser.get("/journal").status == .seeOther)
            let right = try await browser.post("/login", [("password", "правильный")], csrf: false)
            #expect(right.status == .seeOther && right.location == "/journal")
            let cookie = try #require(right.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let inside = try await browser.get("/journal")
            #expect(inside.status == .ok && visibleText(inside.text).contains("Выйти"))
            // Logging out ends the session.
            _ = try await browser.post("/logout", [])
            #expect(try await browser.get("/journal").status == .seeOther)
        }
    }

    @Test func aFormWithoutItsTokenIsRejected() async throws {
        try await withWebApp("csrf") { browser, folder in
            let page = try await browser.get("/documents")
            #expect(page.status == .ok)
            #expect(!visibleText(page.text).contains("Выйти"), "nothing to log out of on 127.0.0.1 without a password")
            let cookie = try #require(page.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(page.text.contains("name=\"csrf\" value=\"\(browser.csrf ?? "-")\""))
            let noToken = try await browser.post("/documents/requisites", [("Номер записки", "СЗ-7")], csrf: false)
            #expect(noToken.status == .forbidden)
            let wrongToken = try await browser.post("/documents/requisites", [("Номер записки", "СЗ-7"), ("csrf", "0000")], csrf: false)
            #expect(wrongToken.status == .forbidden)
            let upload = try await browser.upload("/journal/upload", files: try exampleFiles(), csrf: false)
            #expect(upload.status == .forbidden)
            let rules = try await browser.upload("/rules/upload", field: "file", files: [("x.rules", Data())], csrf: false)
            #expect(rules.status == .forbidden)
            #expect(!FileManager.default.fileExists(atPath: folder + "/реквизиты.txt"))
            #expect(!FileManager.default.fileExists(atPath: folder + "/журнал.sqlite"))
        }
    }
}
